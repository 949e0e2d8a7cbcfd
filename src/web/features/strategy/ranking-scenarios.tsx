import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useScenarioComparison } from './api.ts';
import { decimal, titlesOf } from './labels.ts';

type Comparison = NonNullable<ReturnType<typeof useScenarioComparison>['data']>;

/** The ranking under each saved scenario beside the current weights, and how far each agrees with it. */
export function ScenarioComparison({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const comparison = useScenarioComparison(state.missionId);
  const data = comparison.data;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="comparison-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="comparison-heading">
          {t('strategy.comparison.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('strategy.comparison.intro')}
        </Text>
        <ErrorAlert error={comparison.error} />
        {!data ? (
          <BlockSkeleton lines={4} />
        ) : data.ranks.length === 0 ? (
          <Text c="dimmed">{t('strategy.ranking.none')}</Text>
        ) : (
          <>
            <RanksTable state={state} data={data} />
            <Agreement data={data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function RanksTable({ state, data }: { state: StrategyState; data: Comparison }) {
  const { t } = useTranslation();
  const titles = titlesOf(state);
  const nameOf = (id: string, name: string) => (id === 'current' ? t('strategy.ranking.currentWeights') : name);
  return (
    <Table.ScrollContainer minWidth={320 + data.scenarios.length * 120}>
      <Table striped data-testid="scenario-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('strategy.ranking.project')}</Table.Th>
            {data.scenarios.map((s) => (
              <Table.Th key={s.id} scope="col" style={{ textAlign: 'center' }}>
                {nameOf(s.id, s.name)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...data.ranks]
            .sort((a, b) => (a.ranks.current ?? 0) - (b.ranks.current ?? 0))
            .map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" fw={500}>
                  {titles.get(row.id) ?? row.id}
                </Table.Th>
                {data.scenarios.map((s) => (
                  <RankCell
                    key={s.id}
                    rank={row.ranks[s.id]}
                    current={row.ranks.current}
                    isCurrent={s.id === 'current'}
                  />
                ))}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A rank, bold with ▲ or ▼ when the scenario moves the project. */
function RankCell(props: { rank: number | undefined; current: number | undefined; isCurrent: boolean }) {
  const moved = !props.isCurrent && props.rank !== props.current;
  return (
    <Table.Td style={{ textAlign: 'center' }} fw={moved ? 700 : 400}>
      {props.rank}
      {moved ? (
        <Text span size="xs" c="dimmed">
          {` (${(props.rank ?? 0) < (props.current ?? 0) ? '▲' : '▼'})`}
        </Text>
      ) : null}
    </Table.Td>
  );
}

/** Kendall's τ between the current ranking and each scenario's. */
function Agreement({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
      {data.agreement
        .filter((a) => a.first === 'current')
        .map((a) => {
          const other = data.scenarios.find((s) => s.id === a.second)!;
          return (
            <li key={a.second}>
              <Text size="sm">
                {t('strategy.comparison.agreement', {
                  name: other.name,
                  tau: a.kendallTau === null ? '—' : decimal(a.kendallTau, language, 2),
                })}
              </Text>
            </li>
          );
        })}
    </ul>
  );
}
