import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SwotItem, SwotItemInput } from '../../../domain/diagnostic/swot.ts';
import { largeGaps, targetOf } from '../../../domain/diagnostic/targets.ts';
import { HORIZON_KEYS } from '../../../domain/strategy/horizons.ts';
import { notify } from '../../lib/notify.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { useTargets } from './targets-api.ts';

type Suggestion = { factorKey: string; dimension: SwotItemInput['dimensions'][number]; text: string };

/** One weakness per factor whose gap is large on some horizon (the nearest such horizon), worded for the SWOT. */
function useSuggestions(missionId: string): Suggestion[] {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const view = useTargets(missionId).data;
  if (!view) return [];
  const seen = new Set<string>();
  return HORIZON_KEYS.flatMap((horizon) =>
    largeGaps(view.factors, horizon).flatMap((f) => {
      if (seen.has(f.factorKey)) return [];
      seen.add(f.factorKey);
      const years = view.horizons.find((h) => h.key === horizon)!;
      return [
        {
          factorKey: f.factorKey,
          dimension: f.dimension,
          text: t('diagnostic.targets.suggestion', {
            factor: text.factor(f.factorKey, f.label),
            score: formatScore(f.mean, language),
            target: formatScore(targetOf(view.targets, f.dimension, horizon), language),
            year: years.endYear,
          }),
        },
      ];
    }),
  );
}

/**
 * The large gaps between the targets and the results, each a weakness the consultant adds to the SWOT in one click
 * (its dimension tagged); one already added says so.
 */
export function GapSuggestions(props: {
  missionId: string;
  items: SwotItem[];
  add(input: SwotItemInput, onSuccess: () => void): void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(props.missionId);
  if (suggestions.length === 0) return null;
  const added = new Set(props.items.filter((i) => i.category === 'weakness').map((i) => i.text));
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="gap-suggestions-heading"
      data-testid="gap-suggestions"
    >
      <Title order={3} size="h5" id="gap-suggestions-heading">
        {t('diagnostic.targets.suggestionsTitle', { count: suggestions.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('diagnostic.targets.suggestionsHelp')}
      </Text>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {suggestions.map((s) => (
          <Group key={s.factorKey} component="li" justify="space-between" gap="xs" align="flex-start">
            {/* The text keeps a readable width; on a phone the button goes below it. */}
            <Text size="sm" style={{ flex: '1 1 16rem' }}>
              {s.text}
            </Text>
            {added.has(s.text) ? (
              <Badge variant="light" color="gray" tt="none" style={{ flex: 'none' }}>
                {t('diagnostic.targets.suggestionAdded')}
              </Badge>
            ) : (
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                style={{ flex: 'none' }}
                loading={props.pending}
                aria-label={t('diagnostic.targets.addWeaknessFor', { text: s.text })}
                onClick={() =>
                  props.add({ category: 'weakness', text: s.text, dimensions: [s.dimension], interviewIds: [] }, () =>
                    notify(t('diagnostic.swot.added')),
                  )
                }
              >
                {t('diagnostic.targets.addWeakness')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
