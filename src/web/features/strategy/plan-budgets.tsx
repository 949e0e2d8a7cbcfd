import { Badge, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanResult, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { euros, HORIZON_COLORS } from './labels.ts';
import { blockedBy, usePlanWords } from './plan-words.ts';

type BudgetLine = PlanResult['budgets'][number];

/** One card per horizon: what its budget pays, what it binds, and the projects placed in it. */
export function PlanBudgets({ state, result }: { state: StrategyState; result: PlanResult }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="plan-budgets">
      {result.budgets.map((line) => (
        <BudgetCard key={line.horizon} state={state} result={result} line={line} />
      ))}
    </SimpleGrid>
  );
}

function BudgetCard({ state, result, line }: { state: StrategyState; result: PlanResult; line: BudgetLine }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { titles, horizonName } = usePlanWords(state);
  const blocked = blockedBy(result, line.horizon);
  return (
    <Stack
      gap={6}
      p="sm"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderTop: `4px solid ${HORIZON_COLORS[line.horizon]}`,
        borderRadius: 4,
      }}
      aria-label={horizonName(line.horizon)}
    >
      <Group justify="space-between">
        <Text fw={700}>{horizonName(line.horizon)}</Text>
        {line.binds ? (
          <Badge color="orange" variant="light">
            {t('strategy.plan.binds')}
          </Badge>
        ) : null}
      </Group>
      <BudgetUse line={line} />
      {blocked.length > 0 ? (
        <Text size="xs">
          {t('strategy.plan.blocks', {
            list: blocked
              .map((b) => `${titles.get(b.projectId) ?? b.projectId} (${euros(b.cost, language)})`)
              .join(', '),
          })}
        </Text>
      ) : null}
      <PlacedList state={state} result={result} horizon={line.horizon} />
    </Stack>
  );
}

/** What the horizon spends of its budget (the commune's share, with the gross cost and funding), and its running costs. */
function BudgetUse({ line }: { line: BudgetLine }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { horizonName } = usePlanWords({ projects: [] });
  return (
    <>
      <Text size="sm">
        {t(line.investment === undefined ? 'strategy.plan.used' : 'strategy.plan.usedOwnShare', {
          used: euros(line.used, language),
          budget: euros(line.budget, language),
        })}
      </Text>
      {line.investment !== undefined && (line.funding ?? 0) > 0 ? (
        <Text size="xs" c="dimmed" data-testid="budget-funding">
          {t('strategy.plan.grossAndFunding', {
            investment: euros(line.investment, language),
            funding: euros(line.funding ?? 0, language),
          })}
        </Text>
      ) : null}
      <Progress
        value={line.budget > 0 ? Math.min(100, (line.used / line.budget) * 100) : 0}
        color={line.binds ? 'orange' : 'rural'}
        aria-label={t('strategy.plan.usedShort', { horizon: horizonName(line.horizon) })}
      />
      <Text size="xs" c="dimmed">
        {t('strategy.plan.runningCosts', { amount: euros(line.runningPerYear, language) })}
      </Text>
    </>
  );
}

function PlacedList({ state, result, horizon }: { state: StrategyState; result: PlanResult; horizon: string }) {
  const { t } = useTranslation();
  const titles = usePlanWords(state).titles;
  const locks = new Map(state.locks.map((l) => [l.projectId, l.horizon]));
  const inHorizon = result.placements.filter((p) => p.horizon === horizon);
  return (
    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {inHorizon.map((p) => (
        <li key={p.projectId}>
          <Text size="sm">
            {titles.get(p.projectId)}
            {locks.get(p.projectId) === horizon ? (
              <Badge size="xs" ml={6} variant="outline" color="gray">
                {t('strategy.plan.lockedBadge')}
              </Badge>
            ) : null}
          </Text>
        </li>
      ))}
      {inHorizon.length === 0 ? (
        <li>
          <Text size="sm" c="dimmed">
            {t('strategy.plan.emptyHorizon')}
          </Text>
        </li>
      ) : null}
    </ul>
  );
}
