import { Alert, Anchor, Badge, Button, FileInput, Group, List, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_COLUMN_HEADERS_FR, type NeedColumn, type RowAction } from '../../../domain/needs/import-rows.ts';
import { ACCEPTED_VALUES_FR, type CodedColumn } from '../../../domain/needs/need-vocabulary.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { type ImportFile, useConfirmImport, usePreviewImport } from './api.ts';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Dark shades on white (outline badges), readable at the badge's size. */
const ACTION_COLOURS: Record<RowAction, string> = { create: 'teal.9', update: 'blue.9', unchanged: 'gray.8' };

/**
 * Import needs from a CSV or XLSX file: the preview lists every row and each of its problems; nothing is written
 * until the user confirms, and then the valid rows are written together.
 */
export function ImportModal(props: { onClose(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<ImportFile | null>(null);
  const preview = usePreviewImport();
  const confirm = useConfirmImport();

  const choose = async (chosen: File | null) => {
    preview.reset();
    if (!chosen) return setFile(null);
    const next = { filename: chosen.name, contentBase64: await toBase64(chosen) };
    setFile(next);
    preview.mutate(next);
  };

  const rows = preview.data?.rows ?? [];
  const columnName = (column: string) =>
    column in NEED_COLUMN_HEADERS_FR ? NEED_COLUMN_HEADERS_FR[column as NeedColumn] : column;
  return (
    <AppModal opened onClose={props.onClose} title={t('needs.import.title')} size="xl">
      <Stack>
        <Text size="sm">{t('needs.import.help')}</Text>
        <Group gap="xs">
          <Text size="sm">{t('needs.import.template')}</Text>
          <Anchor href="/api/needs/template.xlsx" download size="sm" underline="always">
            {t('needs.import.templateXlsx')}
          </Anchor>
          <Text size="sm" aria-hidden="true">
            ·
          </Text>
          <Anchor href="/api/needs/template.csv" download size="sm" underline="always">
            {t('needs.import.templateCsv')}
          </Anchor>
        </Group>
        <details>
          <summary>
            <Text span size="sm">
              {t('needs.import.acceptedTitle')}
            </Text>
          </summary>
          <List size="sm" mt="xs">
            {(['category', 'dimensions', 'urgency', 'timeframe', 'source'] as CodedColumn[]).map((column) => (
              <List.Item key={column}>
                <strong>{NEED_COLUMN_HEADERS_FR[column]}</strong> : {ACCEPTED_VALUES_FR[column].join(', ')}
              </List.Item>
            ))}
          </List>
        </details>
        <FileInput
          label={t('needs.import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(f) => void choose(f)}
        />
        <ErrorAlert error={preview.error ?? confirm.error} />
        {preview.data ? (
          <>
            <Alert color={preview.data.invalid ? 'yellow' : 'teal'} title={t('needs.import.summaryTitle')}>
              <Stack gap={4}>
                <Text size="sm">
                  {[
                    t('needs.import.valid', { count: preview.data.valid }),
                    ...(preview.data.invalid ? [t('needs.import.invalid', { count: preview.data.invalid })] : []),
                  ].join(', ')}
                  .
                </Text>
                {preview.data.valid ? (
                  <Text size="sm">
                    {(['created', 'updated', 'unchanged'] as const)
                      .filter((key) => preview.data[key] > 0)
                      .map((key) => t(`needs.import.${key}`, { count: preview.data[key] }))
                      .join(', ')}
                    .
                  </Text>
                ) : null}
                {preview.data.ignoredColumns.length ? (
                  <Text size="sm">
                    {t('needs.import.ignoredColumns', { columns: preview.data.ignoredColumns.join(', ') })}
                  </Text>
                ) : null}
              </Stack>
            </Alert>
            <Table.ScrollContainer minWidth={600} mah={360}>
              <Table striped aria-label={t('needs.import.rowsLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('needs.import.line')}</Table.Th>
                    <Table.Th scope="col">{t('needs.title')}</Table.Th>
                    <Table.Th scope="col">{t('needs.import.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.line} data-line={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.ok ? row.need.title : (row.title ?? '—')}</Table.Td>
                      <Table.Td>
                        {row.ok ? (
                          <Badge color={ACTION_COLOURS[row.action]} variant="outline">
                            {t(`needs.import.actions.${row.action}`)}
                          </Badge>
                        ) : (
                          <Stack gap={2}>
                            {row.problems.map((p) => (
                              <Text key={`${p.column}-${p.code}-${p.value ?? ''}`} size="sm" c="red.9">
                                {p.column === '*' ? '' : `${columnName(p.column)} : `}
                                {t(`needs.import.problems.${p.code}`)}
                                {p.value ? ` (« ${p.value} »)` : ''}
                                {p.accepted
                                  ? ` — ${t('needs.import.accepted', { values: p.accepted.join(', ') })}`
                                  : ''}
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!file || !preview.data || preview.data.created + preview.data.updated === 0}
            loading={confirm.isPending}
            onClick={() =>
              file &&
              confirm.mutate(file, {
                onSuccess: (result) => {
                  notify(
                    `${[
                      t('needs.import.doneCreated', { count: result.created }),
                      ...(result.updated ? [t('needs.import.doneUpdated', { count: result.updated })] : []),
                      ...(result.skipped ? [t('needs.import.doneSkipped', { count: result.skipped })] : []),
                    ].join(', ')}.`,
                  );
                  props.onClose();
                },
              })
            }
          >
            {t('needs.import.confirm', { count: (preview.data?.created ?? 0) + (preview.data?.updated ?? 0) })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
