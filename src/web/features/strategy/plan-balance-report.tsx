import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanResult, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { percent, titlesOf } from './labels.ts';

/** The plan against its balance rules: each group's share, its bounds, what it holds back; each SWOT item covered. */
export function BalanceReport({ state, result }: { state: StrategyState; result: PlanResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titles = titlesOf(state);
  const lines = result.balance ?? [];
  const cover = result.cover ?? [];
  // An impossible plan has no shares to show: the causes above say why.
  if (lines.length + cover.length === 0 || result.status === 'infeasible') return null;
  const bounds = (line: (typeof lines)[number]) =>
    [
      line.min !== null ? t('strategy.plan.balance.atLeast', { share: percent(line.min, language, 0) }) : null,
      line.max !== null ? t('strategy.plan.balance.atMost', { share: percent(line.max, language, 0) }) : null,
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-balance-heading">
      <Stack gap="sm" data-testid="plan-balance-report">
        <Title order={2} size="h3" id="plan-balance-heading">
          {t('strategy.plan.balance.reportTitle')}
        </Title>
        <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {lines.map((line) => (
            <li key={line.id} data-rule={line.id}>
              <Text size="sm" component="span">
                <strong>{line.label}</strong> :{' '}
                {line.share === null
                  ? t('strategy.plan.balance.emptyPlan')
                  : t('strategy.plan.balance.share', { share: percent(line.share, language) })}{' '}
                ({bounds(line)})
              </Text>
              {line.binds ? (
                <Badge color="orange" variant="light" ml={6} size="sm">
                  {t('strategy.plan.binds')}
                </Badge>
              ) : null}
              {line.holdsBack.length > 0 ? (
                <Text size="xs">
                  {t('strategy.plan.balance.holdsBack', {
                    list: line.holdsBack.map((id) => `« ${titles.get(id) ?? id} »`).join(', '),
                  })}
                </Text>
              ) : null}
            </li>
          ))}
          {cover.map((line) => (
            <li key={line.id} data-rule={line.id}>
              <Text size="sm">
                <strong>{line.label}</strong> :{' '}
                {line.placed.length > 0
                  ? t('strategy.plan.balance.coveredBy', {
                      list: line.placed.map((id) => `« ${titles.get(id) ?? id} »`).join(', '),
                    })
                  : t('strategy.plan.balance.notCovered')}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}
