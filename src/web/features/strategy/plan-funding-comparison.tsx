import { Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanResult, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { decimal, euros, HORIZON_COLORS } from './labels.ts';
import { usePlanWords } from './plan-words.ts';

type BasisPlan = Pick<PlanResult, 'objective' | 'placements'> & {
  basis: NonNullable<PlanResult['fundingBasis']>;
  budgets: { horizon: PlanResult['budgets'][number]['horizon']; budget: number; used: number }[];
};

/** The two plans, requested funding first. */
function plansOf(result: PlanResult): [BasisPlan, BasisPlan] {
  const other = result.comparison!;
  const plans: BasisPlan[] = [
    {
      basis: result.fundingBasis!,
      objective: result.objective,
      placements: result.placements,
      budgets: result.budgets,
    },
    { basis: other.fundingBasis, objective: other.objective, placements: other.placements, budgets: other.budgets },
  ].sort((a, b) => (a.basis === 'requested' ? -1 : 1) - (b.basis === 'requested' ? -1 : 1));
  return plans as [BasisPlan, BasisPlan];
}

/**
 * The plan on both funding bases side by side: what each horizon's budget pays, the value, and the projects that
 * are in one plan and not the other. Bars, because the consultant and the college compare the two at a glance.
 */
export function FundingComparison({ state, result }: { state: StrategyState; result: PlanResult }) {
  const { t } = useTranslation();
  const plans = plansOf(result);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="funding-comparison-heading">
      <Stack gap="sm" data-testid="funding-comparison">
        <Title order={2} size="h3" id="funding-comparison-heading">
          {t('strategy.plan.comparison.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('strategy.plan.comparison.intro', { basis: t(`strategy.plan.basis.${result.fundingBasis}`) })}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {plans.map((plan) => (
            <BasisColumn key={plan.basis} plan={plan} />
          ))}
        </SimpleGrid>
        <Differences state={state} plans={plans} />
      </Stack>
    </Paper>
  );
}

function BasisColumn({ plan }: { plan: BasisPlan }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { horizonName } = usePlanWords({ projects: [] });
  return (
    <Stack gap={6} data-basis={plan.basis}>
      <Text fw={700}>{t(`strategy.plan.comparison.${plan.basis}`)}</Text>
      <Text size="sm">
        {t('strategy.plan.comparison.summary', {
          count: plan.placements.length,
          value: decimal(plan.objective ?? 0, language, 1),
        })}
      </Text>
      {plan.budgets.map((line) => (
        <div key={line.horizon}>
          <Text size="xs">
            {horizonName(line.horizon)} :{' '}
            {t('strategy.plan.used', { used: euros(line.used, language), budget: euros(line.budget, language) })}
          </Text>
          <Progress
            value={line.budget > 0 ? Math.min(100, (line.used / line.budget) * 100) : 0}
            color={HORIZON_COLORS[line.horizon]}
            aria-label={`${t(`strategy.plan.comparison.${plan.basis}`)} — ${horizonName(line.horizon)}`}
          />
        </div>
      ))}
    </Stack>
  );
}

/** The projects in one plan and not the other. */
function Differences({ state, plans }: { state: StrategyState; plans: [BasisPlan, BasisPlan] }) {
  const { t } = useTranslation();
  const { titles } = usePlanWords(state);
  const [requested, granted] = plans;
  const inRequested = new Set(requested.placements.map((p) => p.projectId));
  const inGranted = new Set(granted.placements.map((p) => p.projectId));
  const onlyRequested = [...inRequested].filter((id) => !inGranted.has(id));
  const onlyGranted = [...inGranted].filter((id) => !inRequested.has(id));
  const list = (ids: string[]) => ids.map((id) => `« ${titles.get(id) ?? id} »`).join(', ');
  if (onlyRequested.length + onlyGranted.length === 0) {
    return <Text size="sm">{t('strategy.plan.comparison.same')}</Text>;
  }
  return (
    <Stack gap={2}>
      {onlyRequested.length > 0 ? (
        <Text size="sm">{t('strategy.plan.comparison.onlyRequested', { list: list(onlyRequested) })}</Text>
      ) : null}
      {onlyGranted.length > 0 ? (
        <Text size="sm">{t('strategy.plan.comparison.onlyGranted', { list: list(onlyGranted) })}</Text>
      ) : null}
    </Stack>
  );
}
