import { Button, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../domain/audit/audit.ts';
import { auditActionLabel } from '../../../domain/audit/audit-actions.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { useCommuneList } from '../../lib/communes-query.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { entityLabel } from './audit-diff.ts';
import { useEntityLabel } from './audit-labels.ts';

type Props = { entries: AuditEntry[]; fetching: boolean; onShowChanges(entry: AuditEntry): void };

/** One page of the log; dimmed while the next page or filter loads. */
export function AuditTable({ entries, fetching, onShowChanges }: Props) {
  const { t } = useTranslation();
  const communes = useCommuneList({ includeHistorical: true });
  const communeName = useMemo(() => new Map((communes.data ?? []).map((c) => [c.nisCode, c.name])), [communes.data]);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" data-testid="audit-table" style={{ opacity: fetching ? 0.6 : 1 }}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.commune')}</Table.Th>
            <Table.Th>{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <AuditRow
              key={entry.id}
              entry={entry}
              commune={entry.communeNis ? (communeName.get(entry.communeNis) ?? entry.communeNis) : '—'}
              onShowChanges={onShowChanges}
            />
          ))}
          {entries.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={6}>{t('audit.none')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AuditRow(props: { entry: AuditEntry; commune: string; onShowChanges(entry: AuditEntry): void }) {
  const { entry } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const entityTypeLabel = useEntityLabel();
  return (
    <Table.Tr data-action={entry.action}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, language)}</Table.Td>
      <Table.Td>{entry.actorEmail ?? t('audit.system')}</Table.Td>
      <Table.Td>
        {/* The raw code stays at hand for administrators who search the logs or the API. */}
        <Text size="sm" span title={entry.action}>
          {auditActionLabel(entry.action, language)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" span c="dimmed">
          {entityTypeLabel(entry.entityType)}
        </Text>{' '}
        <Text size="sm" span>
          {entityLabel(entry)}
        </Text>
      </Table.Td>
      <Table.Td>{props.commune}</Table.Td>
      <Table.Td>
        {entry.before != null || entry.after != null ? (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => props.onShowChanges(entry)}
            aria-label={`${t('audit.showChanges')} — ${auditActionLabel(entry.action, language)}, ${formatDateTime(entry.at, language)}`}
          >
            {t('audit.showChanges')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
