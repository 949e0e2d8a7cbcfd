import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../domain/strategy/criteria.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { isQuantitative, proposeThresholds } from '../../../domain/strategy/thresholds.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useUpdateCriterion } from './api.ts';
import { decimal } from './labels.ts';

/** The criterion's values over the projects that can be ranked: the sheet's figures, or the grid's scores. */
function valuesOf(state: StrategyState, criterion: Criterion): number[] {
  const scores = new Map(
    state.evaluations.filter((e) => e.criterionId === criterion.id).map((e) => [e.projectId, e.value]),
  );
  return state.projects
    .filter((p) => p.status !== 'rejected')
    .flatMap((p) => {
      const value =
        criterion.source === 'investmentCost'
          ? p.investmentCost
          : criterion.source === 'runningCost'
            ? p.runningCostPerYear
            : scores.get(p.id);
      return value === undefined ? [] : [value];
    });
}

/**
 * For a quantitative criterion: the thresholds the projects' spread suggests and the rule behind them, applied in one
 * click (then recomputed at each ranking), or the note that they are in use.
 */
export function Thresholds({ state, criterion }: { state: StrategyState; criterion: Criterion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateCriterion(state.missionId);
  if (!isQuantitative(criterion)) return null;
  const proposal = proposeThresholds(valuesOf(state, criterion));
  const amount = (x: number) => decimal(x, language, 0);
  if (!proposal) {
    return criterion.thresholdRule ? (
      <Text size="xs" c="dimmed">
        {t('strategy.criteria.thresholds.waiting')}
      </Text>
    ) : null;
  }
  const text = t('strategy.criteria.thresholds.rule', {
    q: amount(proposal.q),
    p: amount(proposal.p),
    count: proposal.pairs,
  });
  return (
    <Stack gap={2} data-testid="criterion-thresholds">
      <Text size="xs" c={criterion.thresholdRule ? undefined : 'dimmed'}>
        {criterion.thresholdRule
          ? t('strategy.criteria.thresholds.inUse', { rule: text })
          : t('strategy.criteria.thresholds.proposed', { rule: text })}
      </Text>
      {state.permissions.edit && !criterion.thresholdRule ? (
        <Group>
          <Button
            size="compact-xs"
            variant="light"
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                id: criterion.id,
                body: {
                  preference: { type: 'linear', q: proposal.q, p: proposal.p },
                  thresholdRule: 'pairwise-quartiles',
                },
              })
            }
          >
            {t('strategy.criteria.thresholds.apply')}
            <VisuallyHidden>{` ${criterion.name}`}</VisuallyHidden>
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
