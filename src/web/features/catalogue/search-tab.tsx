import { Button, Grid, Group, Pagination, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Facet } from '../../../domain/catalogue/search.ts';
import { searchParams } from '../../../domain/catalogue/search.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useMe } from '../../lib/session.ts';
import { type SearchState, useCatalogueSearch } from './api.ts';
import { Facets, SavedSearches } from './search-facets.tsx';
import { type Picked, SearchResults, SelectionBar } from './search-results.tsx';
import { NewShortlistModal, SaveSearchModal } from './shortlist-modals.tsx';

const PAGE_SIZE = 20;

function stateOf(params: URLSearchParams): SearchState {
  const list = (key: string) => (params.get(key) ?? '').split(',').filter(Boolean);
  return {
    q: params.get('q') ?? '',
    category: list('category'),
    dimension: list('dimension') as SearchState['dimension'],
    standard: list('standard') as SearchState['standard'],
    hosting: list('hosting') as SearchState['hosting'],
    priceModel: list('priceModel') as SearchState['priceModel'],
    status: list('status') as SearchState['status'],
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
  };
}

/** The words searched for: search, or save the search with its facets. */
function SearchBox(props: { initial: string; onSearch(q: string): void; onSave(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch(text.trim());
  };
  return (
    <form onSubmit={submit} aria-label={t('catalogue.search.label')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('catalogue.search.label')}
          description={t('catalogue.search.hint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('catalogue.search.submit')}</Button>
        <Button variant="default" onClick={props.onSave}>
          {t('catalogue.search.save')}
        </Button>
      </Group>
    </form>
  );
}

/** Search with facets; the selection feeds the comparison and a new shortlist. */
export function SearchTab() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = stateOf(params);
  const search = useCatalogueSearch(state);
  const [selected, setSelected] = useState<Picked[]>([]);
  const [saving, setSaving] = useState(false);
  const [listing, setListing] = useState(false);
  const me = useMe();
  const canList = me.data?.capabilities.keepShortlists ?? false;

  const apply = (next: Partial<SearchState>) => {
    const merged = { ...state, page: 1, ...next };
    setParams(searchParams({ ...merged, page: merged.page > 1 ? merged.page : undefined }));
  };
  const toggleFacet = (facet: Facet, value: string) => {
    const current = state[facet] as string[];
    apply({ [facet]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] });
  };
  const toggleSelected = (hit: Picked) =>
    setSelected((s) => (s.some((x) => x.id === hit.id) ? s.filter((x) => x.id !== hit.id) : [...s, hit]));

  const result = search.data;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap="md">
          <Facets result={result} state={state} onToggle={toggleFacet} />
          <SavedSearches onOpen={(query) => setParams(searchParams(query))} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="md">
          <SearchBox initial={state.q} onSearch={(q) => apply({ q })} onSave={() => setSaving(true)} />
          {selected.length > 0 ? (
            <SelectionBar
              selected={selected}
              onToggle={toggleSelected}
              canList={canList}
              onNewShortlist={() => setListing(true)}
              onListed={() => setSelected([])}
            />
          ) : null}
          <ErrorAlert error={search.error} />
          {!result ? (
            <BlockSkeleton lines={5} height={60} />
          ) : (
            <>
              <SearchResults
                result={result}
                state={state}
                apply={apply}
                selected={selected}
                onToggle={toggleSelected}
              />
              {result.total > PAGE_SIZE ? (
                <Pagination
                  total={Math.ceil(result.total / PAGE_SIZE)}
                  value={state.page}
                  onChange={(page) => apply({ page })}
                  getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                />
              ) : null}
            </>
          )}
        </Stack>
      </Grid.Col>
      <SaveSearchModal opened={saving} onClose={() => setSaving(false)} state={state} />
      <NewShortlistModal
        opened={listing}
        onClose={() => setListing(false)}
        solutionIds={selected.map((s) => s.id)}
        onCreated={() => setSelected([])}
      />
    </Grid>
  );
}
