import { Alert, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticResultsView } from '../../../domain/diagnostic/results.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useResults } from './api.ts';
import { formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { BandBadge, BenchmarkNote, ComparisonTable } from './results-comparison.tsx';
import { ByTypeSection, DisagreementsSection, FactorsSection } from './results-details.tsx';
import { TargetsSection } from './targets-section.tsx';

// ECharts is downloaded only when a radar is shown.
const RadarChart = lazy(() => import('./radar-chart.tsx'));

/** The radar's series: the commune, the province's mean and similar communes' mean, per dimension. */
function useRadarSeries(mission: Mission, data: DiagnosticResultsView | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!data) return [];
    const dims = data.dimensions;
    const comparison = (d: string) => data.comparison.dimensions.find((c) => c.dimension === d);
    return [
      {
        name: mission.beneficiary.siteName ?? mission.beneficiary.communeName,
        values: dims.map((d) => d.mean),
        colour: '#0b7285',
        area: true,
      },
      {
        name: t('diagnostic.results.provinceAverage'),
        values: dims.map((d) => comparison(d.dimension)?.province.mean ?? null),
        colour: '#495057',
        dashed: true,
      },
      {
        name: data.comparison.populationBand
          ? t('diagnostic.results.peersAverage', { band: data.comparison.populationBand.label })
          : t('diagnostic.results.peersAverageNoBand'),
        values: dims.map((d) => comparison(d.dimension)?.peers.mean ?? null),
        colour: '#c2410c',
        dashed: true,
      },
    ];
  }, [data, mission, t]);
}

function OverallCard({ results: data }: { results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={760}>
          <Text size="sm" c="dimmed">
            {t('diagnostic.results.overall', { count: data.interviews })}
          </Text>
          <Group gap="sm">
            <Text fz={32} fw={800} lh={1} data-testid="overall-score">
              {formatScore(data.overall.mean, language)}
              <Text span c="dimmed" fz="lg" fw={500}>
                {' '}
                / {data.scale.length - 1}
              </Text>
            </Text>
            <BandBadge band={data.overall.band} results={data} />
          </Group>
          {data.overall.band ? <Text size="sm">{text.band(data.overall.band).interpretation}</Text> : null}
        </Stack>
        <Text size="xs" c="dimmed" maw={300}>
          {t('diagnostic.results.guide', { title: data.guideTitle, version: data.guide.version })}
        </Text>
      </Group>
    </Paper>
  );
}

/** Maturity per dimension and factor, agreement, the radar against the province and similar communes, targets. */
export function ResultsPanel({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const results = useResults(mission.id);
  const data = results.data;
  const series = useRadarSeries(mission, data);
  const axes = useMemo(
    () => (data ? data.dimensions.map((d) => t(`diagnostic.dimensions.${d.dimension}`)) : []),
    [data, t],
  );

  if (results.error) return <ErrorAlert error={results.error} />;
  if (!data) return <BlockSkeleton lines={8} />;
  if (data.interviews === 0) return <Alert color="gray">{t('diagnostic.results.empty')}</Alert>;

  return (
    <Stack gap="lg">
      <OverallCard results={data} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 5 }}>
          <Paper withBorder p="sm">
            <Title order={3} size="h5" mb="xs">
              {t('diagnostic.results.radarTitle')}
            </Title>
            <Suspense fallback={<Skeleton height={380} aria-label={t('common.loading')} />}>
              <RadarChart
                axes={axes}
                max={data.scale.length - 1}
                series={series}
                label={t('diagnostic.results.radarLabel')}
                format={(v) => formatScore(v, language)}
              />
            </Suspense>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 7 }}>
          <Stack gap="xs">
            <ComparisonTable results={data} />
            <Text size="xs" c="dimmed">
              {t('diagnostic.results.comparisonHelp')}
            </Text>
            <BenchmarkNote results={data} />
          </Stack>
        </Grid.Col>
      </Grid>
      <TargetsSection missionId={mission.id} />
      <FactorsSection results={data} />
      <DisagreementsSection results={data} />
      <ByTypeSection results={data} />
    </Stack>
  );
}
