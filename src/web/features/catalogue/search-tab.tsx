import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Grid,
  Group,
  Pagination,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Facet } from '../../../domain/catalogue/search.ts';
import { searchParams } from '../../../domain/catalogue/search.ts';
import { MAX_COMPARED } from '../../../domain/catalogue/shortlists.ts';
import { formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { type SearchState, useCatalogueSearch } from './api.ts';
import { categoryLabel, STATUS_COLOURS } from './labels.ts';
import { Facets, SavedSearches } from './search-facets.tsx';
import { AddToShortlist, NewShortlistModal, SaveSearchModal } from './shortlist-modals.tsx';
import { SolutionLogo } from './solution-images.tsx';

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

/** Search with facets; the selection feeds the comparison and a new shortlist. */
export function SearchTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = stateOf(params);
  const search = useCatalogueSearch(state);
  const [text, setText] = useState(state.q);
  const [selected, setSelected] = useState<{ id: string; name: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [listing, setListing] = useState(false);
  const me = useMe();
  const canList = me.data?.capabilities.keepShortlists ?? false;

  const apply = (next: Partial<SearchState>) => {
    const merged = { ...state, page: 1, ...next };
    setParams(searchParams({ ...merged, page: merged.page > 1 ? merged.page : undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: text.trim() });
  };
  const toggleFacet = (facet: Facet, value: string) => {
    const current = state[facet] as string[];
    apply({ [facet]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] });
  };
  const toggleSelected = (hit: { id: string; name: string }) =>
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
              <Button variant="default" onClick={() => setSaving(true)}>
                {t('catalogue.search.save')}
              </Button>
            </Group>
          </form>
          {selected.length > 0 ? (
            <Paper
              withBorder
              p="sm"
              bg="var(--mantine-color-gray-0)"
              aria-label={t('catalogue.selection.label')}
              component="section"
            >
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600}>{t('catalogue.selection.count', { count: selected.length })}</Text>
                  {selected.map((s) => (
                    <Badge
                      key={s.id}
                      variant="light"
                      color="gray"
                      rightSection={
                        <CloseButton
                          size="xs"
                          aria-label={t('catalogue.selection.remove', { name: s.name })}
                          onClick={() => toggleSelected(s)}
                        />
                      }
                    >
                      {s.name}
                    </Badge>
                  ))}
                </Group>
                <Group gap="xs">
                  <Button
                    disabled={selected.length < 2 || selected.length > MAX_COMPARED}
                    onClick={() => void navigate(paths.catalogueCompare.to(selected.map((s) => s.id)))}
                  >
                    {t('catalogue.selection.compare', { count: selected.length })}
                  </Button>
                  {canList ? (
                    <>
                      <Button variant="default" onClick={() => setListing(true)}>
                        {t('catalogue.selection.shortlist')}
                      </Button>
                      <AddToShortlist solutionIds={selected.map((s) => s.id)} onAdded={() => setSelected([])} />
                    </>
                  ) : null}
                </Group>
              </Group>
              {selected.length > MAX_COMPARED ? (
                <Text size="sm" c="red.8" mt="xs">
                  {t('catalogue.selection.tooMany', { max: MAX_COMPARED })}
                </Text>
              ) : null}
            </Paper>
          ) : null}
          <ErrorAlert error={search.error} />
          {!result ? (
            <BlockSkeleton lines={5} height={60} />
          ) : (
            <>
              <Text aria-live="polite" data-testid="catalogue-total">
                {t('catalogue.search.total', { count: result.total, formatted: formatNumber(result.total, language) })}
                {state.q ? ` — « ${state.q} »` : ''}
              </Text>
              {result.namedCategories.length > 0 ? (
                <Text size="sm">
                  {t('catalogue.search.named')}{' '}
                  {result.namedCategories.map((key, i) => (
                    <span key={key}>
                      {i > 0 ? ', ' : ''}
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        underline="always"
                        onClick={() => apply({ category: [...state.category, key] })}
                      >
                        {categoryLabel(key, language)}
                      </Anchor>
                    </span>
                  ))}
                </Text>
              ) : null}
              {result.approximate ? (
                <Alert color="yellow" variant="light">
                  {t('catalogue.search.approximate')}
                </Alert>
              ) : null}
              <Stack
                gap="sm"
                component="ol"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('catalogue.search.results')}
              >
                {result.hits.map((hit) => (
                  <Paper key={hit.id} withBorder p="md" component="li">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <SolutionLogo url={hit.logo} name={hit.name} />
                      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                        <Group gap="xs">
                          <Title order={3} size="h4">
                            <Anchor component={Link} to={paths.catalogueSolution.to(hit.id)}>
                              {hit.name}
                            </Anchor>
                          </Title>
                          <Badge color={STATUS_COLOURS[hit.status]} variant="light">
                            {t(`catalogue.status.${hit.status}`)}
                          </Badge>
                          {hit.demo ? (
                            <Badge color="dark" variant="outline">
                              {t('catalogue.demo')}
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="sm" c="dimmed">
                          {hit.vendor} · {t(`catalogue.hosting.${hit.hosting}`)} ·{' '}
                          {t(`catalogue.priceModel.${hit.priceModel}`)}
                        </Text>
                        <Text size="sm">{hit.summary}</Text>
                        <Group gap={4}>
                          {hit.categories.map((c) => (
                            <Badge key={c} size="sm" variant="dot" color="gray">
                              {categoryLabel(c, language)}
                            </Badge>
                          ))}
                          {hit.standards.map((s) => (
                            <Badge key={s} size="sm" variant="outline" color="teal.9">
                              {s}
                            </Badge>
                          ))}
                        </Group>
                      </Stack>
                      <Checkbox
                        label={t('catalogue.search.select')}
                        aria-label={t('catalogue.search.selectNamed', { name: hit.name })}
                        checked={selected.some((s) => s.id === hit.id)}
                        onChange={() => toggleSelected({ id: hit.id, name: hit.name })}
                      />
                    </Group>
                  </Paper>
                ))}
              </Stack>
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
