import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES } from '../../../domain/implementation/follow-up.ts';
import type { Dashboard } from '../../../domain/implementation/implementation-api.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { STATUS_CHART_COLORS } from './labels.tsx';

const BarsChart = lazy(() => import('./status-chart.tsx'));

/** Counts by category in a horizontal bar chart under its title, described in words for screen readers. */
function CountChart(props: {
  title: string;
  height: number;
  label: (list: string) => string;
  entries: { name: string; count: number }[];
  seriesName: string;
  colour: string;
}) {
  return (
    <ChartCard title={props.title} height={props.height}>
      <BarsChart
        horizontal
        height={props.height}
        label={props.label(props.entries.map((e) => `${e.name} ${e.count}`).join(', '))}
        categories={props.entries.map((e) => e.name)}
        series={[{ name: props.seriesName, colour: props.colour, values: props.entries.map((e) => e.count) }]}
      />
    </ChartCard>
  );
}

function BudgetByYearChart({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const lines = data.budgetByYear;
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5">
        {t('implementation.dashboard.budgetByYear')}
      </Title>
      {lines.length === 0 ? <Text size="sm">{t('implementation.dashboard.noBudget')}</Text> : null}
      <Suspense fallback={<Skeleton height={200} />}>
        <BarsChart
          unit="euro"
          height={lines.length === 0 ? 0 : 200}
          label={t('implementation.dashboard.budgetByYearLabel')}
          categories={lines.map((b) => String(b.year))}
          series={[
            { name: t('implementation.budget.planned'), colour: '#5c6670', values: lines.map((b) => b.planned) },
            { name: t('implementation.budget.committed'), colour: '#1864ab', values: lines.map((b) => b.committed) },
            { name: t('implementation.budget.spent'), colour: '#2b8a3e', values: lines.map((b) => b.spent) },
          ]}
        />
      </Suspense>
    </Paper>
  );
}

const PHASES = ['diagnostic', 'planning', 'implementation', 'closed'];

/** The dashboard's charts: projects by status and by dimension, missions by phase, budget by year. */
export function Charts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const projects = t('implementation.dashboard.projects');
  return (
    <Stack gap="sm">
      <CountChart
        title={t('implementation.dashboard.byStatus')}
        height={200}
        label={(list) => t('implementation.dashboard.byStatusLabel', { list })}
        entries={FOLLOW_UP_STATUSES.filter((s) => data.projectsByStatus[s]).map((s) => ({
          name: t(`implementation.statuses.${s}`),
          count: data.projectsByStatus[s] ?? 0,
        }))}
        seriesName={projects}
        colour="#1864ab"
      />
      <CountChart
        title={t('implementation.dashboard.byDimension')}
        height={200}
        label={(list) => t('implementation.dashboard.byDimensionLabel', { list })}
        entries={DIMENSIONS.map((d) => ({
          name: t(`implementation.dimensions.${d}`),
          count: data.projectsByDimension[d] ?? 0,
        }))}
        seriesName={projects}
        colour={STATUS_CHART_COLORS.procurement}
      />
      <CountChart
        title={t('implementation.dashboard.missionsByPhase')}
        height={160}
        label={(list) => t('implementation.dashboard.missionsByPhaseLabel', { list })}
        entries={PHASES.map((p) => ({ name: t(`implementation.phases.${p}`), count: data.missionsByPhase[p] ?? 0 }))}
        seriesName={t('implementation.dashboard.missions')}
        colour={STATUS_CHART_COLORS.evaluated}
      />
      <BudgetByYearChart data={data} />
    </Stack>
  );
}

/** A chart of the dashboard under its title, with a placeholder of its height while ECharts loads. */
export function ChartCard(props: { title: string; height: number; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5">
        {props.title}
      </Title>
      <Suspense fallback={<Skeleton height={props.height} />}>{props.children}</Suspense>
    </Paper>
  );
}
