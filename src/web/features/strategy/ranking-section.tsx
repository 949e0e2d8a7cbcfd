import { Alert, Anchor, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RankingAnalysis, StrategyState } from '../../../domain/strategy/strategy-api.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useRanking } from './api.ts';
import { decimal, titlesOf } from './labels.ts';
import { ScenarioComparison } from './ranking-scenarios.tsx';
import { Stability } from './ranking-stability.tsx';

const GaiaChart = lazy(() => import('./gaia-chart.tsx'));

/**
 * The ranking: PROMETHEE II (complete order by net flow), PROMETHEE I (the pairs it leaves incomparable), the GAIA
 * plane, how far each weight may move before the top of the ranking changes, and the scenarios side by side.
 */
export default function RankingSection({ state }: { state: StrategyState }) {
  const { t } = useTranslation();
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [topK, setTopK] = useState('5');
  const ranking = useRanking(state.missionId, { scenarioId, topK: Number(topK) });
  const titles = titlesOf(state);
  const criterionName = new Map(state.criteria.map((c) => [c.id, c.name]));

  return (
    <Stack gap="md">
      <Paper withBorder p="lg" component="section" aria-labelledby="ranking-heading">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={2} size="h3" id="ranking-heading">
                {t('strategy.ranking.title')}
              </Title>
              <Text c="dimmed" size="sm" maw={760}>
                {t('strategy.ranking.intro')}
              </Text>
            </div>
            <Select
              label={t('strategy.ranking.weightsOf')}
              data={[
                { value: '', label: t('strategy.ranking.currentWeights') },
                ...state.scenarios.map((s) => ({ value: s.id, label: s.name })),
              ]}
              value={scenarioId ?? ''}
              onChange={(v) => setScenarioId(v || null)}
              allowDeselect={false}
              w={260}
            />
          </Group>
          <ErrorAlert error={ranking.error} />
          {!ranking.data ? (
            <BlockSkeleton />
          ) : (
            <RankingTable analysis={ranking.data} titles={titles} missionId={state.missionId} />
          )}
        </Stack>
      </Paper>
      {ranking.data && ranking.data.ranking.length >= 2 ? (
        <>
          <PartialOrder analysis={ranking.data} titles={titles} />
          <Paper withBorder p="lg" component="section" aria-labelledby="gaia-heading">
            <Stack gap="xs">
              <Title order={2} size="h3" id="gaia-heading">
                {t('strategy.gaia.title')}
              </Title>
              {ranking.data.gaia ? (
                <Suspense fallback={<BlockSkeleton lines={8} />}>
                  <GaiaChart
                    gaia={ranking.data.gaia}
                    ranking={ranking.data.ranking}
                    titles={titles}
                    criterionName={criterionName}
                  />
                </Suspense>
              ) : (
                <Text c="dimmed">{t('strategy.gaia.needMore')}</Text>
              )}
            </Stack>
          </Paper>
          <Stability analysis={ranking.data} criterionName={criterionName} topK={topK} onTopK={setTopK} />
        </>
      ) : null}
      {state.scenarios.length > 0 ? <ScenarioComparison state={state} /> : null}
    </Stack>
  );
}

function RankingTable(props: { analysis: RankingAnalysis; titles: Map<string, string>; missionId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { analysis, titles } = props;
  if (analysis.blocked) {
    return (
      <Alert color="orange">
        {t(`strategy.ranking.blocked.${analysis.blocked.code}`, { defaultValue: analysis.blocked.message })}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {analysis.incomplete.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('strategy.ranking.incompleteTitle', { count: analysis.incomplete.length })}
        >
          {analysis.incomplete.map((i) => titles.get(i.projectId) ?? i.projectId).join(', ')}.{' '}
          <Anchor component={Link} to={paths.missionStrategy.to(props.missionId, 'grid')}>
            {t('strategy.ranking.completeGrid')}
          </Anchor>
        </Alert>
      ) : null}
      {analysis.ranking.length === 0 ? (
        <Text c="dimmed">{t('strategy.ranking.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="ranking-table">
            <Table.Caption>{t('strategy.ranking.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('strategy.ranking.rank')}</Table.Th>
                <Table.Th scope="col">{t('strategy.ranking.project')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  <abbr title={t('strategy.ranking.phiLong')}>φ</abbr>
                </Table.Th>
                <Table.Th scope="col" style={{ width: 180 }}>
                  <VisuallyHidden>{t('strategy.ranking.phiBar')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  <abbr title={t('strategy.ranking.phiPlusLong')}>φ⁺</abbr>
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  <abbr title={t('strategy.ranking.phiMinusLong')}>φ⁻</abbr>
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('strategy.ranking.priority')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analysis.ranking.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td fw={700}>{r.rank}</Table.Td>
                  <Table.Td>{titles.get(r.id) ?? r.id}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{decimal(r.phi, language)}</Table.Td>
                  <Table.Td aria-hidden="true">
                    <FlowBar phi={r.phi} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{decimal(r.phiPlus, language)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{decimal(r.phiMinus, language)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{decimal(r.priority, language, 1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** φ on a bar centred on 0: right in green for a positive net flow, left in red for a negative one. */
function FlowBar({ phi }: { phi: number }) {
  const width = Math.min(1, Math.abs(phi)) * 50;
  return (
    <div style={{ position: 'relative', height: 10, background: 'var(--mantine-color-gray-1)', borderRadius: 2 }}>
      <div style={{ position: 'absolute', left: '50%', top: -2, bottom: -2, width: 1, background: '#868e96' }} />
      <div
        style={{
          position: 'absolute',
          top: 0,
          bottom: 0,
          left: phi >= 0 ? '50%' : `${50 - width}%`,
          width: `${width}%`,
          background: phi >= 0 ? 'var(--mantine-color-rural-6)' : '#c92a2a',
          borderRadius: 2,
        }}
      />
    </div>
  );
}

function PartialOrder({ analysis, titles }: { analysis: RankingAnalysis; titles: Map<string, string> }) {
  const { t } = useTranslation();
  const incomparable = analysis.partialOrder.filter((p) => p.relation === 'incomparable');
  const preferred = analysis.partialOrder.filter((p) => p.relation === 'preferred').length;
  const flows = new Map(analysis.ranking.map((r) => [r.id, r]));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="promethee1-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="promethee1-heading">
          {t('strategy.promethee1.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('strategy.promethee1.intro')}
        </Text>
        <Text size="sm">
          {t('strategy.promethee1.summary', {
            pairs: analysis.partialOrder.length,
            preferred,
            incomparable: incomparable.length,
          })}
        </Text>
        {incomparable.length === 0 ? (
          <Text size="sm" fw={500}>
            {t('strategy.promethee1.noIncomparable')}
          </Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }} data-testid="incomparable-pairs">
            {incomparable.map((pair) => {
              const a = flows.get(pair.first)!;
              const b = flows.get(pair.second)!;
              const [strong, safe] = a.phiPlus > b.phiPlus ? [pair.first, pair.second] : [pair.second, pair.first];
              return (
                <li key={`${pair.first}|${pair.second}`}>
                  <Text size="sm">
                    {t('strategy.promethee1.pair', {
                      a: titles.get(pair.first) ?? pair.first,
                      b: titles.get(pair.second) ?? pair.second,
                      strong: titles.get(strong) ?? strong,
                      safe: titles.get(safe) ?? safe,
                    })}
                  </Text>
                </li>
              );
            })}
          </ul>
        )}
      </Stack>
    </Paper>
  );
}
