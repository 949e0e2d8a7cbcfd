import { Alert, Anchor, Badge, Button, Checkbox, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SearchResult } from '../../../domain/catalogue/search.ts';
import { MAX_COMPARED } from '../../../domain/catalogue/shortlists.ts';
import { formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { useLanguage } from '../../lib/use-language.ts';
import type { SearchState } from './api.ts';
import { categoryLabel, STATUS_COLOURS } from './labels.ts';
import { AddToShortlist } from './shortlist-modals.tsx';
import { SolutionLogo } from './solution-images.tsx';

export type Picked = { id: string; name: string };
type Hit = SearchResult['hits'][number];

/** The solutions picked from the results: compare them, or put them on a shortlist. */
export function SelectionBar(props: {
  selected: Picked[];
  onToggle(hit: Picked): void;
  canList: boolean;
  onNewShortlist(): void;
  onListed(): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { selected } = props;
  return (
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
                  onClick={() => props.onToggle(s)}
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
          {props.canList ? (
            <>
              <Button variant="default" onClick={props.onNewShortlist}>
                {t('catalogue.selection.shortlist')}
              </Button>
              <AddToShortlist solutionIds={selected.map((s) => s.id)} onAdded={props.onListed} />
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
  );
}

/** One solution found: logo, name, status, vendor, summary, categories and standards, and its selection box. */
function HitCard({ hit, selected, onToggle }: { hit: Hit; selected: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="li">
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
            {hit.vendor} · {t(`catalogue.hosting.${hit.hosting}`)} · {t(`catalogue.priceModel.${hit.priceModel}`)}
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
          checked={selected}
          onChange={onToggle}
        />
      </Group>
    </Paper>
  );
}

/** How many were found (and the categories the words named), then the list of solutions. */
export function SearchResults(props: {
  result: SearchResult;
  state: SearchState;
  apply(next: Partial<SearchState>): void;
  selected: Picked[];
  onToggle(hit: Picked): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { result, state } = props;
  return (
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
                onClick={() => props.apply({ category: [...state.category, key] })}
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
          <HitCard
            key={hit.id}
            hit={hit}
            selected={props.selected.some((s) => s.id === hit.id)}
            onToggle={() => props.onToggle({ id: hit.id, name: hit.name })}
          />
        ))}
      </Stack>
    </>
  );
}
