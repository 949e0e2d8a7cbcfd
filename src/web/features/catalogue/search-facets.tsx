import { Anchor, Checkbox, CloseButton, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FACETS, type Facet, type SearchResult } from '../../../domain/catalogue/search.ts';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { type SearchState, useDeleteSavedSearch, useSavedSearches } from './api.ts';
import { facetLabel } from './labels.ts';

/** The facets of a search, each value with the count it would give; and the user's saved searches. */
export function Facets(props: {
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

export function SavedSearches(props: { onOpen(query: Record<string, unknown>): void }) {
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
