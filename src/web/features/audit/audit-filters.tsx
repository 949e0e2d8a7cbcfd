import { Button, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionLabel } from '../../../domain/audit/audit-actions.ts';
import { DateField } from '../../components/date-field.tsx';
import { communeOptions, useCommuneList } from '../../lib/communes-query.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type AuditFilters, useAuditFacets } from './api.ts';
import { useEntityLabel } from './audit-labels.ts';

export const PAGE_SIZE = 25;

export type AuditFilterState = ReturnType<typeof useAuditFilters>;

/** The filters and the page of the log; the actor's text is sent once typing pauses. */
export function useAuditFilters() {
  const [actor, setActor] = useState('');
  const [debouncedActor] = useDebouncedValue(actor.trim(), 300);
  const [action, setAction] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [communeNis, setCommuneNis] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);

  const query: AuditFilters = {
    page,
    pageSize: PAGE_SIZE,
    ...(debouncedActor ? { actor: debouncedActor } : {}),
    ...(action ? { action } : {}),
    ...(entityType ? { entityType } : {}),
    ...(communeNis ? { communeNis } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  /** Any filter change starts again from the first page. */
  const filterSetter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const clear = () => {
    setActor('');
    setAction(null);
    setEntityType(null);
    setCommuneNis(null);
    setFrom('');
    setTo('');
    setPage(1);
  };
  return {
    query,
    values: { actor, action, entityType, communeNis, from, to },
    set: {
      actor: filterSetter(setActor),
      action: filterSetter(setAction),
      entityType: filterSetter(setEntityType),
      communeNis: filterSetter(setCommuneNis),
      from: filterSetter(setFrom),
      to: filterSetter(setTo),
    },
    anyFilter: Boolean(actor || action || entityType || communeNis || from || to),
    clear,
    page,
    setPage,
  };
}

export function AuditFiltersForm({ filters }: { filters: AuditFilterState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const entityTypeLabel = useEntityLabel();
  const facets = useAuditFacets();
  const communes = useCommuneList({ includeHistorical: true });
  const { values, set } = filters;
  return (
    <search aria-label={t('audit.filters')}>
      <form onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('audit.actor')}
            type="search"
            value={values.actor}
            onChange={(event) => set.actor(event.currentTarget.value)}
          />
          <Select
            label={t('audit.action')}
            placeholder={t('audit.all')}
            data={(facets.data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a, language) }))}
            value={values.action}
            onChange={set.action}
            clearable
            searchable
          />
          <Select
            label={t('audit.entityType')}
            placeholder={t('audit.all')}
            data={(facets.data?.entityTypes ?? []).map((e) => ({ value: e, label: entityTypeLabel(e) }))}
            value={values.entityType}
            onChange={set.entityType}
            clearable
          />
          <Select
            label={t('audit.commune')}
            placeholder={t('audit.all')}
            data={communeOptions(communes.data)}
            value={values.communeNis}
            onChange={set.communeNis}
            clearable
            searchable
            nothingFoundMessage={t('common.nothingFound')}
          />
          <DateField label={t('audit.from')} value={values.from} onChange={set.from} />
          <DateField label={t('audit.to')} value={values.to} onChange={set.to} />
        </SimpleGrid>
        {filters.anyFilter ? (
          <Button variant="subtle" mt="xs" onClick={filters.clear}>
            {t('audit.clearFilters')}
          </Button>
        ) : null}
      </form>
    </search>
  );
}
