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
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FACETS, type Facet, type SearchResult, searchParams } from '../../../domain/catalogue/search.ts';
import { MAX_COMPARED } from '../../../domain/catalogue/shortlists.ts';
import { formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { AppModal } from '../../components/app-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { notify } from '../../lib/notify.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import {
  type SearchState,
  useCatalogueSearch,
  useCreateShortlist,
  useDeleteSavedSearch,
  useSavedSearches,
  useSaveSearch,
  useShortlists,
  useUpdateShortlist,
} from './api.ts';
import { categoryLabel, facetLabel, STATUS_COLOURS } from './labels.ts';
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

function Facets(props: {
  result: SearchResult | undefined;
  state: SearchState;
  onToggle(facet: Facet, value: string): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!props.result) return <BlockSkeleton lines={8} />;
  return (
    <Stack gap="md" component="section" aria-label={t('catalogue.facets.label')}>
      {FACETS.map((facet) => {
        const counts = props.result!.facets[facet];
        const chosen = props.state[facet] as string[];
        const values = [...new Set([...counts.map((c) => c.value), ...chosen])];
        if (values.length === 0) return null;
        return (
          <Checkbox.Group key={facet} label={t(`catalogue.facets.${facet}`)} value={chosen}>
            <Stack gap={6} mt={6}>
              {values.map((value) => {
                const count = counts.find((c) => c.value === value)?.count ?? 0;
                return (
                  <Checkbox
                    key={value}
                    value={value}
                    size="xs"
                    label={`${facetLabel(t, facet, value, language)} (${count})`}
                    onChange={() => props.onToggle(facet, value)}
                  />
                );
              })}
            </Stack>
          </Checkbox.Group>
        );
      })}
    </Stack>
  );
}

function SavedSearches(props: { onOpen(query: Record<string, unknown>): void }) {
  const { t } = useTranslation();
  const saved = useSavedSearches();
  const remove = useDeleteSavedSearch();
  if (!saved.data || saved.data.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="saved-searches-title">
      <Title order={2} size="h5" id="saved-searches-title" mb="xs">
        {t('catalogue.saved.title')}
      </Title>
      <Stack gap={4}>
        {saved.data.map((s) => (
          <Group key={s.id} justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component="button" type="button" size="sm" onClick={() => props.onOpen(s.query)}>
              {s.name}
            </Anchor>
            <CloseButton
              size="sm"
              aria-label={t('catalogue.saved.delete', { name: s.name })}
              onClick={() => remove.mutate(s.id)}
            />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function SaveSearchModal(props: { opened: boolean; onClose(): void; state: SearchState }) {
  const { t } = useTranslation();
  const save = useSaveSearch();
  const [name, setName] = useState('');
  const { page: _page, ...query } = props.state;
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={t('catalogue.saved.modalTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { name: name.trim(), query },
            {
              onSuccess: () => {
                notify(t('catalogue.saved.done'));
                setName('');
                props.onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label={t('catalogue.saved.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <ErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}

export function NewShortlistModal(props: {
  opened: boolean;
  onClose(): void;
  solutionIds: string[];
  onCreated?(): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateShortlist();
  const [name, setName] = useState('');
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={t('catalogue.shortlists.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name: name.trim(), solutionIds: props.solutionIds },
            {
              onSuccess: () => {
                notify(t('catalogue.shortlists.created'));
                setName('');
                props.onCreated?.();
                props.onClose();
                void navigate(`${paths.catalogue.to()}?tab=shortlists`);
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label={t('catalogue.shortlists.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <ErrorAlert error={create.error} />
          <Button type="submit" loading={create.isPending}>
            {t('catalogue.shortlists.create')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Adds the selection to one of the shortlists the user may change. */
function AddToShortlist(props: { solutionIds: string[]; onAdded(): void }) {
  const { t } = useTranslation();
  const shortlists = useShortlists();
  const update = useUpdateShortlist();
  const [id, setId] = useState<string | null>(null);
  const open = (shortlists.data ?? []).filter((s) => s.outcome === null);
  if (open.length === 0) return null;
  const target = open.find((s) => s.id === id);
  return (
    <Group gap={4} align="flex-end">
      <Select
        aria-label={t('catalogue.selection.addTo')}
        placeholder={t('catalogue.selection.addTo')}
        data={open.map((s) => ({ value: s.id, label: s.name }))}
        value={id}
        onChange={setId}
        size="sm"
      />
      <Button
        variant="default"
        disabled={!target}
        loading={update.isPending}
        onClick={() =>
          target &&
          update.mutate(
            { id: target.id, solutionIds: [...new Set([...target.solutionIds, ...props.solutionIds])] },
            {
              onSuccess: () => {
                notify(t('catalogue.selection.added', { name: target.name }));
                props.onAdded();
              },
            },
          )
        }
      >
        {t('catalogue.selection.add')}
      </Button>
    </Group>
  );
}
