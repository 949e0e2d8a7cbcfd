import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../domain/audit/audit.ts';
import { auditActionLabel } from '../../../domain/audit/audit-actions.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { diffSnapshots, type FieldChange } from './audit-diff.ts';
import { useReadableValue } from './audit-labels.ts';

/** What one audited action changed: the snapshot's fields before and after, the changed ones marked. */
export function ChangesModal({ entry, onClose }: { entry: AuditEntry; onClose(): void }) {
  const { t } = useTranslation();
  const readableValue = useReadableValue();
  const language = useLanguage();
  const changes = diffSnapshots(entry.before, entry.after);
  const words = { yes: t('common.yes'), no: t('common.no'), empty: '—' };
  const show = (field: string, value: unknown) => readableValue(field, value, words);
  return (
    <AppModal opened onClose={onClose} title={t('audit.changesTitle')} size="xl">
      <Stack>
        <Text size="sm">
          {t('audit.changesSummary', {
            action: auditActionLabel(entry.action, language),
            actor: entry.actorEmail ?? t('audit.system'),
            date: formatDateTime(entry.at, language),
          })}
        </Text>
        {changes.length === 0 ? (
          <Text c="dimmed">{t('audit.noSnapshot')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="audit-diff">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.field')}</Table.Th>
                  <Table.Th>{t('audit.before')}</Table.Th>
                  <Table.Th>{t('audit.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((change) => (
                  <ChangeRow key={change.field} change={change} show={show} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </AppModal>
  );
}

function ChangeRow({ change, show }: { change: FieldChange; show(field: string, value: unknown): string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr bg={change.changed ? 'var(--mantine-color-yellow-0)' : undefined} data-kind={change.kind}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {change.field}
          </Text>
          {change.changed ? (
            <Badge size="xs" color="yellow" variant="light" tt="none">
              {t(`audit.kinds.${change.kind}`)}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {change.changed ? <del>{show(change.field, change.before)}</del> : show(change.field, change.before)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {change.changed ? <ins>{show(change.field, change.after)}</ins> : show(change.field, change.after)}
      </Table.Td>
    </Table.Tr>
  );
}
