import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { NEED_COLUMN_HEADERS_FR, type NeedColumn, type RowAction } from '../../../domain/needs/import-rows.ts';
import type { ImportPreview } from '../../../domain/needs/needs.contract.ts';

/** Dark shades on white (outline badges), readable at the badge's size. */
const ACTION_COLOURS: Record<RowAction, string> = { create: 'teal.9', update: 'blue.9', unchanged: 'gray.8' };

type Preview = z.infer<typeof ImportPreview>;

/** How many rows are valid and invalid, what confirming does with the valid ones, the columns it ignores. */
export function ImportSummary({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <Alert color={preview.invalid ? 'yellow' : 'teal'} title={t('needs.import.summaryTitle')}>
      <Stack gap={4}>
        <Text size="sm">
          {[
            t('needs.import.valid', { count: preview.valid }),
            ...(preview.invalid ? [t('needs.import.invalid', { count: preview.invalid })] : []),
          ].join(', ')}
          .
        </Text>
        {preview.valid ? (
          <Text size="sm">
            {(['created', 'updated', 'unchanged'] as const)
              .filter((key) => preview[key] > 0)
              .map((key) => t(`needs.import.${key}`, { count: preview[key] }))
              .join(', ')}
            .
          </Text>
        ) : null}
        {preview.ignoredColumns.length ? (
          <Text size="sm">{t('needs.import.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}</Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** Every row of the file: its line, its title, and what confirming does with it or each of its problems. */
export function ImportRowsTable({ rows }: { rows: Preview['rows'] }) {
  const { t } = useTranslation();
  const columnName = (column: string) =>
    column in NEED_COLUMN_HEADERS_FR ? NEED_COLUMN_HEADERS_FR[column as NeedColumn] : column;
  return (
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
                        {p.accepted ? ` — ${t('needs.import.accepted', { values: p.accepted.join(', ') })}` : ''}
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
  );
}
