import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  return (
    <AppModal opened onClose={props.onClose} title={t('needs.import.title')} size="xl">
      <Stack>
        <Text size="sm">{t('needs.import.help')}</Text>
        <FileInput
          label={t('needs.import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(f) => void choose(f)}
        />
        <ErrorAlert error={preview.error ?? confirm.error} />
        {preview.data ? (
          <>
            <Alert color={preview.data.invalid ? 'yellow' : 'teal'} title={t('needs.import.summaryTitle')}>
              {t('needs.import.summary', { valid: preview.data.valid, invalid: preview.data.invalid })}
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
                          <Badge color="teal.9" variant="outline">
                            {t('needs.import.ok')}
                          </Badge>
                        ) : (
                          <Stack gap={2}>
                            {row.problems.map((p) => (
                              <Text key={`${p.column}-${p.code}`} size="sm" c="red.9">
                                {p.column === '*' ? '' : `${p.column} : `}
                                {t(`needs.import.problems.${p.code}`)}
                                {p.value ? ` (« ${p.value} »)` : ''}
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
            disabled={!file || !preview.data || preview.data.valid === 0}
            loading={confirm.isPending}
            onClick={() =>
              file &&
              confirm.mutate(file, {
                onSuccess: (result) => {
                  notify(t('needs.import.done', { created: result.created, skipped: result.skipped }));
                  props.onClose();
                },
              })
            }
          >
            {t('needs.import.confirm', { count: preview.data?.valid ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
