import { Anchor, Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanAgainstActual } from '../../../domain/implementation/plan-baseline.ts';
import { formatPercent } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { type ColumnHeading, ColumnHeadings } from '../../components/column-headings.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { euros } from './labels.tsx';

// ECharts is downloaded only when the chart is shown.
const BarsChart = lazy(() => import('./status-chart.tsx'));

/** "2026-07" → "07/2026": months read as the dates around them do (dd/mm/yyyy). */
export function formatMonth(month: string | null): string {
  if (!month) return '–';
  const [year, m] = month.split('-');
  return `${m}/${year}`;
}

const COLOURS = { planned: '#5c6670', committed: '#1864ab', spent: '#2b8a3e' } as const;

type Props = { data: PlanAgainstActual; showCommune?: boolean; communeOf?: (projectId: string) => string | undefined };

/** The planned, committed and spent amounts by year, as bars. */
function PlanChart({ data }: Props) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Skeleton height={220} />}>
      <BarsChart
        unit="euro"
        height={220}
        label={t('implementation.planActual.chartLabel')}
        categories={data.years.map((y) => String(y.year))}
        series={[
          {
            name: t('implementation.planActual.planned'),
            colour: COLOURS.planned,
            values: data.years.map((y) => y.planned),
          },
          {
            name: t('implementation.planActual.committed'),
            colour: COLOURS.committed,
            values: data.years.map((y) => y.committed),
          },
          {
            name: t('implementation.planActual.spent'),
            colour: COLOURS.spent,
            values: data.years.map((y) => y.spent),
          },
        ]}
      />
    </Suspense>
  );
}

/** The planned, committed and spent amounts, the columns both tables show. */
const amountColumns = (t: TFunction): ColumnHeading[] => [
  { label: t('implementation.planActual.planned'), numeric: true },
  { label: t('implementation.planActual.committed'), numeric: true },
  { label: t('implementation.planActual.spent'), numeric: true },
];

/** The same amounts by year, with the years over plan highlighted. */
function YearsTable({ data }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="plan-actual-years" aria-label={t('implementation.planActual.byYear')}>
        <ColumnHeadings
          columns={[
            { label: t('implementation.budget.year') },
            ...amountColumns(t),
            { label: t('implementation.planActual.drift') },
          ]}
        />
        <Table.Tbody>
          {data.years.map((y) => (
            <Table.Tr key={y.year} data-drift={y.drift || undefined}>
              <Table.Th scope="row">{y.year}</Table.Th>
              <Table.Td ta="right">{euros(y.planned, language)}</Table.Td>
              <Table.Td ta="right" fw={y.drift ? 700 : undefined}>
                {euros(y.committed, language)}
              </Table.Td>
              <Table.Td ta="right">{euros(y.spent, language)}</Table.Td>
              <Table.Td>
                {y.drift ? (
                  <Badge color="orange" variant="light">
                    {t('implementation.planActual.overPlan')}
                  </Badge>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A project's drifts: late start, over cost, or none. */
function DriftBadges({ project: p }: { project: PlanAgainstActual['projects'][number] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Group gap={4}>
      {p.drift.includes('late') ? (
        <Badge color="orange" variant="light">
          {t('implementation.planActual.late', { count: p.startDriftMonths ?? 0 })}
        </Badge>
      ) : null}
      {p.drift.includes('over_cost') ? (
        <Badge color="red" variant="light">
          {t('implementation.planActual.overCost', {
            share: formatPercent(p.costDrift ?? 0, language),
          })}
        </Badge>
      ) : null}
      {p.drift.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('implementation.planActual.none')}
        </Text>
      ) : null}
    </Group>
  );
}

/** Each project: its planned and actual start, its amounts and its drifts. */
function ProjectsTable({ data, showCommune, communeOf }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="plan-actual-projects" aria-label={t('implementation.planActual.byProject')}>
        <ColumnHeadings
          columns={[
            { label: t('implementation.columns.project') },
            { label: t('implementation.planActual.plannedStart') },
            { label: t('implementation.planActual.actualStart') },
            ...amountColumns(t),
            { label: t('implementation.planActual.drift') },
          ]}
        />
        <Table.Tbody>
          {data.projects.map((p) => (
            <Table.Tr key={p.projectId} data-project={p.title}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={paths.implementationProject.to(p.projectId)} underline="always">
                  {p.title}
                </Anchor>
                {showCommune && communeOf?.(p.projectId) ? (
                  <Text size="xs" c="dimmed">
                    {communeOf(p.projectId)}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td>
                {formatMonth(p.plannedStart)}
                <Text size="xs" c="dimmed">
                  {t(`strategy.horizons.${p.horizon}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.actualStart ? formatMonth(p.actualStart) : t('implementation.planActual.notStarted')}
              </Table.Td>
              <Table.Td ta="right">{euros(p.planned, language)}</Table.Td>
              <Table.Td ta="right">{euros(p.committed, language)}</Table.Td>
              <Table.Td ta="right">{euros(p.spent, language)}</Table.Td>
              <Table.Td>
                <DriftBadges project={p} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The approved plan beside what happened: a chart of the planned, committed and spent amounts by year, and a table
 * by project with the start and cost drifts highlighted. Used for a mission and for the province.
 */
export function PlanAgainstActualView({ data, showCommune, communeOf }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (data.projects.length === 0) return null;
  const drifting = data.projects.filter((p) => p.drift.length > 0).length;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="plan-actual-heading"
      data-testid="plan-against-actual"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="plan-actual-heading">
          {t('implementation.planActual.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('implementation.planActual.intro', {
            cost: formatPercent(data.thresholds.cost, language),
            months: data.thresholds.startMonths,
          })}
        </Text>
        <Group gap="lg">
          <Text size="sm">
            {t('implementation.planActual.totals', {
              planned: euros(data.totals.planned, language),
              committed: euros(data.totals.committed, language),
              spent: euros(data.totals.spent, language),
            })}
          </Text>
          {drifting > 0 ? (
            <Badge color="orange" variant="light">
              {t('implementation.planActual.drifting', { count: drifting })}
            </Badge>
          ) : (
            <Badge color="green" variant="light">
              {t('implementation.planActual.onTrack')}
            </Badge>
          )}
        </Group>
        <PlanChart data={data} />
        <YearsTable data={data} />
        <ProjectsTable data={data} showCommune={showCommune} communeOf={communeOf} />
      </Stack>
    </Paper>
  );
}
