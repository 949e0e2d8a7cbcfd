import { Button, Grid, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dashboard, DashboardQuery } from '../../../domain/implementation/implementation-api.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useBoundaries } from '../../lib/communes-query.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { dashboardXlsxUrl, useDashboard } from './api.ts';
import { Charts } from './dashboard-charts.tsx';
import { LateTable, ProcurementTable, ProjectsTable } from './dashboard-tables.tsx';
import { euros } from './labels.tsx';
import { PlanAgainstActualView } from './plan-against-actual.tsx';

const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));

const LATE_COLOURS = ['#b2f2bb', '#ffd8a8', '#ff922b', '#c92a2a'];
const NO_PROJECT = '#f8f9fa';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Paper>
  );
}

function DashboardFilters(props: { query: DashboardQuery; onChange: (query: DashboardQuery) => void }) {
  const { t } = useTranslation();
  const all = useDashboard({});
  const { query } = props;
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={t('implementation.dashboard.arrondissement')}
        placeholder={t('implementation.dashboard.all')}
        data={all.data?.arrondissements ?? []}
        value={query.arrondissement ?? null}
        onChange={(v) => props.onChange({ ...query, arrondissement: v ?? undefined })}
        clearable
        w={220}
      />
      <Select
        label={t('implementation.dashboard.dimension')}
        placeholder={t('implementation.dashboard.all')}
        data={DIMENSIONS.map((d) => ({ value: d, label: t(`implementation.dimensions.${d}`) }))}
        value={query.dimension ?? null}
        onChange={(v) => props.onChange({ ...query, dimension: (v as DashboardQuery['dimension']) ?? undefined })}
        clearable
        w={220}
      />
      <Button component="a" href={dashboardXlsxUrl(query)} variant="default" download>
        {t('implementation.dashboard.export')}
      </Button>
    </Group>
  );
}

function MapLegend() {
  const { t } = useTranslation();
  const words = (label: string, i: number) =>
    i === 0
      ? label
      : i === 1
        ? t('implementation.dashboard.legendOnTime')
        : label === '3+'
          ? t('implementation.dashboard.legendLateMore')
          : t('implementation.dashboard.legendLate', { count: Number(label) });
  return (
    <Group gap="md" mt="xs">
      {[t('implementation.dashboard.legendNone'), '0', '1', '2', '3+'].map((label, i) => (
        <Group key={label} gap={4}>
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: 18,
              height: 12,
              border: '1px solid #3f474d',
              background: i === 0 ? NO_PROJECT : LATE_COLOURS[i - 1],
            }}
          />
          <Text size="xs">{words(label, i)}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** The province's communes coloured by their late items; a click opens the commune. */
function LateMap(props: { data: Dashboard; updatedAt: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const boundaries = useBoundaries();
  const config = usePublicConfig();
  const byNis = useMemo(() => new Map(props.data.communes.map((c) => [c.nisCode, c])), [props.data]);
  const tileUrl = config.data?.map.tileUrl;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="late-map-heading">
      <Title order={2} size="h4" id="late-map-heading" mb="xs">
        {t('implementation.dashboard.mapTitle')}
      </Title>
      {boundaries.data ? (
        <Suspense fallback={<Skeleton height={420} />}>
          <ProvinceMap
            collection={boundaries.data}
            layerId={`implementation:${language}:${props.updatedAt}`}
            colourOf={(commune) => {
              const c = byNis.get(commune.nisCode);
              if (!c || c.projects === 0) return NO_PROJECT;
              return LATE_COLOURS[Math.min(3, c.late)]!;
            }}
            describe={(commune) => {
              const c = byNis.get(commune.nisCode);
              return {
                title: commune.name,
                detail: c?.projects
                  ? t('implementation.dashboard.mapDetail', { projects: c.projects, late: c.late })
                  : t('implementation.dashboard.mapNone'),
              };
            }}
            onSelect={(nis) => void navigate(paths.commune.to(nis))}
            label={t('implementation.dashboard.mapLabel')}
            zoomInTitle={t('map.zoomIn')}
            zoomOutTitle={t('map.zoomOut')}
            baseMap={tileUrl ? { url: tileUrl, attribution: config.data?.map.tileAttribution ?? null } : null}
            height={420}
          />
        </Suspense>
      ) : (
        <Skeleton height={420} />
      )}
      <MapLegend />
    </Paper>
  );
}

function DashboardBody({ data, updatedAt }: { data: Dashboard; updatedAt: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Figure label={t('implementation.dashboard.projects')} value={String(data.projects.length)} />
        <Figure label={t('implementation.dashboard.budgetPlanned')} value={euros(data.budget.planned, language)} />
        <Figure label={t('implementation.dashboard.budgetSpent')} value={euros(data.budget.spent, language)} />
        <Figure label={t('implementation.dashboard.lateItems')} value={String(data.lateItems.length)} />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <LateMap data={data} updatedAt={updatedAt} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Charts data={data} />
        </Grid.Col>
      </Grid>
      {data.planAgainstActual ? (
        <PlanAgainstActualView
          data={data.planAgainstActual}
          showCommune
          communeOf={(id) => data.projects.find((p) => p.id === id)?.communeName}
        />
      ) : null}
      <LateTable data={data} />
      <ProcurementTable data={data} />
      <ProjectsTable data={data} />
    </>
  );
}

/** The province dashboard, filtered by arrondissement and dimension, and its spreadsheet. */
export function DashboardView() {
  const [query, setQuery] = useState<DashboardQuery>({});
  const dashboard = useDashboard(query);
  return (
    <Stack gap="lg">
      <DashboardFilters query={query} onChange={setQuery} />
      <ErrorAlert error={dashboard.error} />
      {!dashboard.data ? (
        <BlockSkeleton />
      ) : (
        <DashboardBody data={dashboard.data} updatedAt={dashboard.dataUpdatedAt} />
      )}
    </Stack>
  );
}
