import { Badge, Button, Group, Pagination, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../domain/audit/audit.ts';
import { auditActionLabel } from '../../../domain/audit/audit-actions.ts';
import { formatDateTime } from '../../../domain/shared/format.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type AuditFilters, useAuditFacets, useAuditLog } from './api.ts';
import { diffSnapshots, displayValue, entityLabel } from './audit-diff.ts';

const PAGE_SIZE = 25;

/** The name of an entity type, or the raw code for one the resources do not know yet. */
function useEntityLabel() {
  const { t, i18n } = useTranslation();
  return (code: string) => {
    const key = `audit.entities.${code.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : code;
  };
}

/** Codes in snapshots made readable: a role's name, a commune's name with its NIS code. */
function useReadableValue() {
  const { t, i18n } = useTranslation();
  const communes = useCommuneList({ includeHistorical: true });
  return (field: string, value: unknown, words: { yes: string; no: string; empty: string }) => {
    if (field === 'role' && typeof value === 'string' && i18n.exists(`roles.${value}`)) return t(`roles.${value}`);
    if (field.endsWith('communeNis') && typeof value === 'string') {
      const name = communes.data?.find((c) => c.nisCode === value)?.name;
      return name ? `${name} (${value})` : value;
    }
    if (field === 'kind' && typeof value === 'string' && i18n.exists(`sites.kinds.${value}`)) {
      return t(`sites.kinds.${value}`);
    }
    return displayValue(value, words);
  };
}

function ChangesModal({ entry, onClose }: { entry: AuditEntry; onClose(): void }) {
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
                  <Table.Tr
                    key={change.field}
                    bg={change.changed ? 'var(--mantine-color-yellow-0)' : undefined}
                    data-kind={change.kind}
                  >
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
                      {change.changed ? (
                        <del>{show(change.field, change.before)}</del>
                      ) : (
                        show(change.field, change.before)
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                      {change.changed ? (
                        <ins>{show(change.field, change.after)}</ins>
                      ) : (
                        show(change.field, change.after)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </AppModal>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const entityTypeLabel = useEntityLabel();
  const facets = useAuditFacets();
  const communes = useCommuneList({ includeHistorical: true });
  const [actor, setActor] = useState('');
  const [debouncedActor] = useDebouncedValue(actor.trim(), 300);
  const [action, setAction] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [communeNis, setCommuneNis] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<AuditEntry | null>(null);

  const filters: AuditFilters = {
    page,
    pageSize: PAGE_SIZE,
    ...(debouncedActor ? { actor: debouncedActor } : {}),
    ...(action ? { action } : {}),
    ...(entityType ? { entityType } : {}),
    ...(communeNis ? { communeNis } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const log = useAuditLog(filters);
  const communeName = useMemo(() => new Map((communes.data ?? []).map((c) => [c.nisCode, c.name])), [communes.data]);
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;

  /** Any filter change starts again from the first page. */
  const filterSetter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const anyFilter = Boolean(actor || action || entityType || communeNis || from || to);
  const clear = () => {
    setActor('');
    setAction(null);
    setEntityType(null);
    setCommuneNis(null);
    setFrom('');
    setTo('');
    setPage(1);
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <search aria-label={t('audit.filters')}>
        <form onSubmit={(event) => event.preventDefault()}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <TextInput
              label={t('audit.actor')}
              type="search"
              value={actor}
              onChange={(event) => filterSetter(setActor)(event.currentTarget.value)}
            />
            <Select
              label={t('audit.action')}
              placeholder={t('audit.all')}
              data={(facets.data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a, language) }))}
              value={action}
              onChange={filterSetter(setAction)}
              clearable
              searchable
            />
            <Select
              label={t('audit.entityType')}
              placeholder={t('audit.all')}
              data={(facets.data?.entityTypes ?? []).map((e) => ({ value: e, label: entityTypeLabel(e) }))}
              value={entityType}
              onChange={filterSetter(setEntityType)}
              clearable
            />
            <Select
              label={t('audit.commune')}
              placeholder={t('audit.all')}
              data={communeOptions(communes.data)}
              value={communeNis}
              onChange={filterSetter(setCommuneNis)}
              clearable
              searchable
              nothingFoundMessage={t('common.nothingFound')}
            />
            <DateField label={t('audit.from')} value={from} onChange={filterSetter(setFrom)} />
            <DateField label={t('audit.to')} value={to} onChange={filterSetter(setTo)} />
          </SimpleGrid>
          {anyFilter ? (
            <Button variant="subtle" mt="xs" onClick={clear}>
              {t('audit.clearFilters')}
            </Button>
          ) : null}
        </form>
      </search>

      {log.isError ? <ErrorAlert error={log.error} /> : null}
      {log.isPending ? <BlockSkeleton lines={8} /> : null}
      {log.data ? (
        <>
          <Text aria-live="polite" data-testid="audit-total">
            {t('audit.total', { count: log.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" data-testid="audit-table" style={{ opacity: log.isFetching ? 0.6 : 1 }}>
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
                {log.data.items.map((entry) => (
                  <Table.Tr key={entry.id} data-action={entry.action}>
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
                    <Table.Td>
                      {entry.communeNis ? (communeName.get(entry.communeNis) ?? entry.communeNis) : '—'}
                    </Table.Td>
                    <Table.Td>
                      {entry.before != null || entry.after != null ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setShown(entry)}
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
                ))}
                {log.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{t('audit.none')}</Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              aria-label={t('audit.pagination')}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
            />
          ) : null}
        </>
      ) : null}
      {shown ? <ChangesModal entry={shown} onClose={() => setShown(null)} /> : null}
    </Stack>
  );
}
