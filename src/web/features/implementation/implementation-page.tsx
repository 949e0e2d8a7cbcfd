import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FOLLOW_UP_STATUSES } from '../../../domain/implementation/follow-up.ts';
import type { Dashboard, DashboardQuery } from '../../../domain/implementation/implementation-api.ts';
import type { ThresholdKey, ThresholdTable } from '../../../domain/implementation/thresholds.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { formatDate, formatDateTime } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useBoundaries } from '../../lib/communes-query.ts';
import { notify } from '../../lib/notify.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';
import {
  dashboardXlsxUrl,
  useAlerts,
  useDashboard,
  useDeleteThresholdPeriod,
  useImplementationArea,
  useNotices,
  useNotificationSettings,
  usePublishedCommunes,
  useRunNotices,
  useSaveNotificationSettings,
  useSaveThresholds,
  useThresholds,
} from './api.ts';
import { alertText, euros, STATUS_CHART_COLORS, StatusBadge, stepLabel } from './labels.tsx';
import { PlanAgainstActualView } from './plan-against-actual.tsx';

const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));
const BarsChart = lazy(() => import('./status-chart.tsx'));

const LATE_COLOURS = ['#b2f2bb', '#ffd8a8', '#ff922b', '#c92a2a'];
const NO_PROJECT = '#f8f9fa';

/**
 * The implementation area: for agency staff, the province dashboard (and, for admins, the thresholds and the notices
 * log); for everyone signed in, their alerts and notice settings.
 */
export function ImplementationPage() {
  const { t } = useTranslation();
  const me = useMe();
  // What the caller may open comes from the server's policy: the page tests no role.
  const area = useImplementationArea(Boolean(me.data));
  const {
    dashboard: staff,
    editThresholds,
    notices,
  } = area.data?.permissions ?? {
    dashboard: false,
    editThresholds: false,
    notices: false,
  };
  const [tab, setTab] = useState<string | null>('dashboard');

  if (me.isPending || (me.data && area.isPending)) return <BlockSkeleton />;
  if (!me.data) {
    return (
      <Stack>
        <PageHeader title={t('implementation.area.title')} description={t('implementation.area.intro')} />
        <Alert variant="light" color="rural">
          {t('implementation.area.signIn')}
        </Alert>
        <PublishedCommunesList />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <PageHeader title={t('implementation.area.title')} description={t('implementation.area.intro')} />
      {staff ? (
        <Tabs value={tab} onChange={setTab} variant="pills" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="dashboard">{t('implementation.area.dashboardTab')}</Tabs.Tab>
            <Tabs.Tab value="alerts">{t('implementation.area.alertsTab')}</Tabs.Tab>
            <Tabs.Tab value="thresholds">{t('implementation.area.thresholdsTab')}</Tabs.Tab>
            {notices ? <Tabs.Tab value="notices">{t('implementation.area.noticesTab')}</Tabs.Tab> : null}
          </Tabs.List>
          <Tabs.Panel value="dashboard" pt="md">
            <DashboardView />
          </Tabs.Panel>
          <Tabs.Panel value="alerts" pt="md">
            <AlertsView />
          </Tabs.Panel>
          <Tabs.Panel value="thresholds" pt="md">
            <ThresholdsView editable={editThresholds} />
          </Tabs.Panel>
          {notices ? (
            <Tabs.Panel value="notices" pt="md">
              <NoticesView />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      ) : (
        <AlertsView />
      )}
    </Stack>
  );
}

/** The communes that publish their projects' progress: the way in for the public. */
function PublishedCommunesList() {
  const { t } = useTranslation();
  const published = usePublishedCommunes();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="published-heading">
      <Title order={2} size="h4" id="published-heading" mb="xs">
        {t('implementation.public.listTitle')}
      </Title>
      <ErrorAlert error={published.error} />
      {published.data?.length === 0 ? <Text size="sm">{t('implementation.public.listEmpty')}</Text> : null}
      <List size="sm">
        {(published.data ?? []).map((c) => (
          <List.Item key={c.nisCode}>
            <Anchor underline="always" component={Link} to={paths.publicProgress.to(c.nisCode)}>
              {c.name}
            </Anchor>{' '}
            {t('implementation.public.listCount', { count: c.projects })}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

function AlertsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const alerts = useAlerts();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="alerts-heading">
          <Title order={2} size="h4" id="alerts-heading" mb="xs">
            {t('implementation.alerts.listTitle')}
          </Title>
          <ErrorAlert error={alerts.error} />
          {alerts.data && alerts.data.alerts.length === 0 ? (
            <Text size="sm">{t('implementation.alerts.none')}</Text>
          ) : null}
          <List size="sm" spacing={4}>
            {(alerts.data?.alerts ?? []).map((a) => (
              <List.Item key={a.key}>
                <Anchor underline="always" component={Link} to={paths.implementationProject.to(a.projectId)}>
                  {a.communeName} — {a.projectTitle}
                </Anchor>{' '}
                : {alertText(a, t, language)}
              </List.Item>
            ))}
          </List>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="notice-settings-heading">
          <Title order={2} size="h4" id="notice-settings-heading" mb="xs">
            {t('implementation.settings.title')}
          </Title>
          {settings.data ? (
            <Stack gap="xs">
              <Switch
                label={t('implementation.settings.alertEmails')}
                checked={settings.data.alertEmails}
                onChange={(e) => save.mutate({ ...settings.data, alertEmails: e.currentTarget.checked })}
              />
              <Switch
                label={t('implementation.settings.weeklyDigest')}
                checked={settings.data.weeklyDigest}
                onChange={(e) => save.mutate({ ...settings.data, weeklyDigest: e.currentTarget.checked })}
              />
              <Text size="xs" c="dimmed">
                {t('implementation.settings.help')}
              </Text>
            </Stack>
          ) : (
            <Skeleton height={60} />
          )}
          <ErrorAlert error={save.error ?? settings.error} />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function DashboardView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [query, setQuery] = useState<DashboardQuery>({});
  const dashboard = useDashboard(query);
  const all = useDashboard({});
  const boundaries = useBoundaries();
  const config = usePublicConfig();
  const data = dashboard.data;
  const byNis = useMemo(() => new Map((data?.communes ?? []).map((c) => [c.nisCode, c])), [data]);
  const tileUrl = config.data?.map.tileUrl;

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="sm">
        <Select
          label={t('implementation.dashboard.arrondissement')}
          placeholder={t('implementation.dashboard.all')}
          data={all.data?.arrondissements ?? []}
          value={query.arrondissement ?? null}
          onChange={(v) => setQuery({ ...query, arrondissement: v ?? undefined })}
          clearable
          w={220}
        />
        <Select
          label={t('implementation.dashboard.dimension')}
          placeholder={t('implementation.dashboard.all')}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`implementation.dimensions.${d}`) }))}
          value={query.dimension ?? null}
          onChange={(v) => setQuery({ ...query, dimension: v ?? undefined })}
          clearable
          w={220}
        />
        <Button component="a" href={dashboardXlsxUrl(query)} variant="default" download>
          {t('implementation.dashboard.export')}
        </Button>
      </Group>
      <ErrorAlert error={dashboard.error} />
      {!data ? (
        <BlockSkeleton />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Figure label={t('implementation.dashboard.projects')} value={String(data.projects.length)} />
            <Figure label={t('implementation.dashboard.budgetPlanned')} value={euros(data.budget.planned, language)} />
            <Figure label={t('implementation.dashboard.budgetSpent')} value={euros(data.budget.spent, language)} />
            <Figure label={t('implementation.dashboard.lateItems')} value={String(data.lateItems.length)} />
          </SimpleGrid>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Paper withBorder p="sm" component="section" aria-labelledby="late-map-heading">
                <Title order={2} size="h4" id="late-map-heading" mb="xs">
                  {t('implementation.dashboard.mapTitle')}
                </Title>
                {boundaries.data ? (
                  <Suspense fallback={<Skeleton height={420} />}>
                    <ProvinceMap
                      collection={boundaries.data}
                      layerId={`implementation:${language}:${dashboard.dataUpdatedAt}`}
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
                      <Text size="xs">
                        {i === 0
                          ? label
                          : i === 1
                            ? t('implementation.dashboard.legendOnTime')
                            : label === '3+'
                              ? t('implementation.dashboard.legendLateMore')
                              : t('implementation.dashboard.legendLate', { count: Number(label) })}
                      </Text>
                    </Group>
                  ))}
                </Group>
              </Paper>
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
      )}
    </Stack>
  );
}

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

function Charts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const statuses = FOLLOW_UP_STATUSES.filter((s) => data.projectsByStatus[s]);
  const phases = ['diagnostic', 'planning', 'implementation', 'closed'];
  return (
    <Stack gap="sm">
      <ChartCard title={t('implementation.dashboard.byStatus')} height={200}>
        <BarsChart
          horizontal
          height={200}
          label={t('implementation.dashboard.byStatusLabel', {
            list: statuses.map((s) => `${t(`implementation.statuses.${s}`)} ${data.projectsByStatus[s]}`).join(', '),
          })}
          categories={statuses.map((s) => t(`implementation.statuses.${s}`))}
          series={[
            {
              name: t('implementation.dashboard.projects'),
              colour: '#1864ab',
              values: statuses.map((s) => data.projectsByStatus[s] ?? 0),
            },
          ]}
        />
      </ChartCard>
      <ChartCard title={t('implementation.dashboard.byDimension')} height={200}>
        <BarsChart
          horizontal
          height={200}
          label={t('implementation.dashboard.byDimensionLabel', {
            list: DIMENSIONS.map(
              (d) => `${t(`implementation.dimensions.${d}`)} ${data.projectsByDimension[d] ?? 0}`,
            ).join(', '),
          })}
          categories={DIMENSIONS.map((d) => t(`implementation.dimensions.${d}`))}
          series={[
            {
              name: t('implementation.dashboard.projects'),
              colour: STATUS_CHART_COLORS.procurement,
              values: DIMENSIONS.map((d) => data.projectsByDimension[d] ?? 0),
            },
          ]}
        />
      </ChartCard>
      <ChartCard title={t('implementation.dashboard.missionsByPhase')} height={160}>
        <BarsChart
          horizontal
          height={160}
          label={t('implementation.dashboard.missionsByPhaseLabel', {
            list: phases.map((p) => `${t(`implementation.phases.${p}`)} ${data.missionsByPhase[p] ?? 0}`).join(', '),
          })}
          categories={phases.map((p) => t(`implementation.phases.${p}`))}
          series={[
            {
              name: t('implementation.dashboard.missions'),
              colour: STATUS_CHART_COLORS.evaluated,
              values: phases.map((p) => data.missionsByPhase[p] ?? 0),
            },
          ]}
        />
      </ChartCard>
      <Paper withBorder p="sm">
        <Title order={2} size="h5">
          {t('implementation.dashboard.budgetByYear')}
        </Title>
        {data.budgetByYear.length === 0 ? <Text size="sm">{t('implementation.dashboard.noBudget')}</Text> : null}
        <Suspense fallback={<Skeleton height={200} />}>
          <BarsChart
            unit="euro"
            height={data.budgetByYear.length === 0 ? 0 : 200}
            label={t('implementation.dashboard.budgetByYearLabel')}
            categories={data.budgetByYear.map((b) => String(b.year))}
            series={[
              {
                name: t('implementation.budget.planned'),
                colour: '#5c6670',
                values: data.budgetByYear.map((b) => b.planned),
              },
              {
                name: t('implementation.budget.committed'),
                colour: '#1864ab',
                values: data.budgetByYear.map((b) => b.committed),
              },
              {
                name: t('implementation.budget.spent'),
                colour: '#2b8a3e',
                values: data.budgetByYear.map((b) => b.spent),
              },
            ]}
          />
        </Suspense>
      </Paper>
    </Stack>
  );
}

function LateTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="late-heading">
      <Title order={2} size="h4" id="late-heading" mb="xs">
        {t('implementation.dashboard.lateTitle')}
      </Title>
      {data.lateItems.length === 0 ? <Text size="sm">{t('implementation.alerts.none')}</Text> : null}
      <List size="sm" spacing={4}>
        {data.lateItems.map((a) => (
          <List.Item key={a.key}>
            <Anchor underline="always" component={Link} to={paths.implementationProject.to(a.projectId)}>
              {a.communeName} — {a.projectTitle}
            </Anchor>{' '}
            : {alertText(a, t, language)}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

function ProcurementTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="procurements-heading">
      <Title order={2} size="h4" id="procurements-heading" mb="xs">
        {t('implementation.dashboard.procurementsTitle')}
      </Title>
      {data.procurementsInProgress.length === 0 ? (
        <Text size="sm">{t('implementation.dashboard.noProcurement')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('implementation.columns.project')}</Table.Th>
                <Table.Th scope="col">{t('implementation.procurement.procedure')}</Table.Th>
                <Table.Th scope="col">{t('implementation.procurement.nextStepColumn')}</Table.Th>
                <Table.Th scope="col">{t('implementation.procurement.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.procurementsInProgress.map((p) => (
                <Table.Tr key={p.projectId}>
                  <Table.Td>
                    <Anchor underline="always" component={Link} to={paths.implementationProject.to(p.projectId)}>
                      {p.communeName} — {p.projectTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.procedure ? t(`implementation.procedures.${p.procedure}`) : '—'}</Table.Td>
                  <Table.Td>{p.nextStep ? stepLabel(t, p.nextStep, p.procedure) : '—'}</Table.Td>
                  <Table.Td>{euros(p.estimatedAmountExclVat, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function ProjectsTable({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="projects-heading">
      <Title order={2} size="h4" id="projects-heading" mb="xs">
        {t('implementation.dashboard.projectsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('implementation.columns.project')}</Table.Th>
              <Table.Th scope="col">{t('implementation.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('implementation.columns.progress')}</Table.Th>
              <Table.Th scope="col">{t('implementation.columns.budget')}</Table.Th>
              <Table.Th scope="col">{t('implementation.columns.alerts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.projects.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor underline="always" component={Link} to={paths.implementationProject.to(p.id)}>
                    {p.communeName} — {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={p.status} />
                </Table.Td>
                <Table.Td>{p.progress} %</Table.Td>
                <Table.Td>
                  {t('implementation.budgetLine', {
                    planned: euros(p.budget.planned, language),
                    spent: euros(p.budget.spent, language),
                  })}
                </Table.Td>
                <Table.Td>{p.alertCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

const THRESHOLD_KEYS: ThresholdKey[] = [
  'lowValue',
  'negotiatedWithoutPublication',
  'negotiatedDirectWithPublicationWorks',
  'euSuppliesServicesCentral',
  'euSuppliesServicesSubCentral',
  'euWorks',
];

type DraftPeriod = { key: string; period: ThresholdTable[number] };

/** A new period after the last one: the same figures, two years later, every figure marked "to check". */
function nextPeriod(last: ThresholdTable[number], note: string): ThresholdTable[number] {
  const from = Number(last.validTo.slice(0, 4)) + 1;
  const evidence = Object.fromEntries(
    Object.entries(last.evidence).map(([k, e]) => [k, { ...e, verified: false, note }]),
  ) as ThresholdTable[number]['evidence'];
  return { ...last, validFrom: `${from}-01-01`, validTo: `${from + 1}-12-31`, source: '', evidence };
}

/** The table as the API takes it: empty "checked against" lines dropped, an empty note left out. */
function cleanPeriod(p: ThresholdTable[number]): ThresholdTable[number] {
  const evidence = Object.fromEntries(
    Object.entries(p.evidence).map(([k, e]) => {
      const { note, ...rest } = e;
      const checkedAgainst = e.checkedAgainst.map((u) => u.trim()).filter(Boolean);
      return [k, note?.trim() ? { ...rest, checkedAgainst, note: note.trim() } : { ...rest, checkedAgainst }];
    }),
  ) as ThresholdTable[number]['evidence'];
  return { ...p, evidence };
}

/** Where each figure of a period comes from: legal basis, documents checked, whether it was verified, what to check. */
function EvidenceEditor(props: {
  period: ThresholdTable[number];
  onChange: (update: (p: ThresholdTable[number]) => ThresholdTable[number]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const period = formatDate(props.period.validFrom, language);
  const set = (figure: ThresholdKey, patch: Partial<ThresholdTable[number]['evidence'][ThresholdKey]>) =>
    props.onChange((q) => ({ ...q, evidence: { ...q.evidence, [figure]: { ...q.evidence[figure], ...patch } } }));
  return (
    <Stack gap="md">
      {THRESHOLD_KEYS.map((figure) => {
        const e = props.period.evidence[figure];
        const name = `${t(`implementation.thresholds.keys.${figure}`)} — ${period}`;
        return (
          <Paper key={figure} withBorder p="sm">
            <Text fw={600} size="sm" mb={4}>
              {t(`implementation.thresholds.keys.${figure}`)}
            </Text>
            <Stack gap={6}>
              <TextInput
                label={t('implementation.thresholds.legalBasis')}
                aria-label={t('implementation.thresholds.legalBasisOf', { name })}
                value={e.legalBasis}
                onChange={(ev) => set(figure, { legalBasis: ev.currentTarget.value })}
                required
              />
              <Textarea
                label={t('implementation.thresholds.checkedAgainst')}
                aria-label={t('implementation.thresholds.checkedAgainstOf', { name })}
                description={t('implementation.thresholds.checkedAgainstHelp')}
                value={e.checkedAgainst.join('\n')}
                onChange={(ev) => set(figure, { checkedAgainst: ev.currentTarget.value.split('\n') })}
                autosize
                minRows={1}
              />
              <Checkbox
                label={t('implementation.thresholds.verified')}
                aria-label={t('implementation.thresholds.verifiedOf', { name })}
                checked={e.verified}
                onChange={(ev) => set(figure, { verified: ev.currentTarget.checked })}
              />
              <TextInput
                label={t('implementation.thresholds.note')}
                aria-label={t('implementation.thresholds.noteOf', { name })}
                description={e.verified ? undefined : t('implementation.thresholds.noteRequired')}
                value={e.note ?? ''}
                onChange={(ev) => set(figure, { note: ev.currentTarget.value })}
                required={!e.verified}
              />
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function ThresholdsView({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const thresholds = useThresholds();
  const save = useSaveThresholds();
  const remove = useDeleteThresholdPeriod();
  const [draft, setDraft] = useState<DraftPeriod[] | null>(null);
  useEffect(() => {
    if (thresholds.data) {
      setDraft(
        thresholds.data.map(({ updatedAt: _, ...p }) => ({ key: p.validFrom, period: p as ThresholdTable[number] })),
      );
    }
  }, [thresholds.data]);
  if (thresholds.error) return <ErrorAlert error={thresholds.error} />;
  if (!draft) return <BlockSkeleton />;
  const change = (key: string, update: (p: ThresholdTable[number]) => ThresholdTable[number]) =>
    setDraft(draft.map((d) => (d.key === key ? { key, period: update(d.period) } : d)));
  const last = draft.at(-1)?.period;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="thresholds-heading">
      <Title order={2} size="h4" id="thresholds-heading" mb="xs">
        {t('implementation.thresholds.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('implementation.thresholds.help')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('implementation.thresholds.figure')}</Table.Th>
              {draft.map(({ key, period: p }) => (
                <Table.Th scope="col" key={key}>
                  {t('implementation.thresholds.period', {
                    from: formatDate(p.validFrom, language),
                    to: formatDate(p.validTo, language),
                  })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {editable
              ? (['validFrom', 'validTo'] as const).map((field) => (
                  <Table.Tr key={field}>
                    <Table.Th scope="row" fw={400}>
                      {t(`implementation.thresholds.${field}`)}
                    </Table.Th>
                    {draft.map(({ key, period: p }) => (
                      <Table.Td key={key}>
                        <DateField
                          aria-label={`${t(`implementation.thresholds.${field}`)} — ${key}`}
                          value={p[field]}
                          onChange={(value) => change(key, (q) => ({ ...q, [field]: value }))}
                          miw={150}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : null}
            {THRESHOLD_KEYS.map((figure) => (
              <Table.Tr key={figure}>
                <Table.Th scope="row" fw={400}>
                  {t(`implementation.thresholds.keys.${figure}`)}
                </Table.Th>
                {draft.map(({ key, period: p }) => (
                  <Table.Td key={key}>
                    {editable ? (
                      <NumberInput
                        aria-label={`${t(`implementation.thresholds.keys.${figure}`)} — ${key}`}
                        value={p.values[figure]}
                        min={1}
                        thousandSeparator=" "
                        onChange={(v) => change(key, (q) => ({ ...q, values: { ...q.values, [figure]: Number(v) } }))}
                      />
                    ) : (
                      euros(p.values[figure], language)
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" mt="xs">
        {draft.map(({ key, period: p }) =>
          editable ? (
            <TextInput
              key={key}
              label={t('implementation.thresholds.source', { from: formatDate(p.validFrom, language) })}
              value={p.source}
              onChange={(e) => {
                const value = e.currentTarget.value;
                change(key, (q) => ({ ...q, source: value }));
              }}
              required
            />
          ) : (
            <Text key={key} size="xs" c="dimmed">
              {formatDate(p.validFrom, language)} : {p.source}
            </Text>
          ),
        )}
      </Stack>
      {editable ? (
        <>
          <Title order={3} size="h5" mt="md" mb="xs">
            {t('implementation.thresholds.evidenceTitle')}
          </Title>
          <Accordion variant="contained" multiple>
            {draft.map(({ key, period: p }) => {
              const toCheck = THRESHOLD_KEYS.filter((k) => !p.evidence[k].verified).length;
              const saved = thresholds.data?.some((r) => r.validFrom === key) ?? false;
              const dates = { from: formatDate(p.validFrom, language), to: formatDate(p.validTo, language) };
              const label = t('implementation.thresholds.period', dates);
              return (
                <Accordion.Item key={key} value={key}>
                  <Accordion.Control>
                    {t('implementation.thresholds.evidenceOf', { period: label, count: toCheck })}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <EvidenceEditor period={p} onChange={(update) => change(key, update)} />
                    <Group mt="sm">
                      <Button
                        variant="subtle"
                        color="red"
                        loading={remove.isPending}
                        onClick={() => {
                          if (!saved) {
                            setDraft(draft.filter((d) => d.key !== key));
                            return;
                          }
                          if (window.confirm(t('implementation.thresholds.confirmDelete', dates)))
                            remove.mutate(key, { onSuccess: () => notify(t('implementation.thresholds.deleted')) });
                        }}
                      >
                        {t('implementation.thresholds.deletePeriodOf', dates)}
                      </Button>
                    </Group>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </>
      ) : null}
      <ErrorAlert error={save.error ?? remove.error} />
      {editable ? (
        <Group mt="sm">
          <Button
            onClick={() =>
              save.mutate(
                draft.map((d) => cleanPeriod(d.period)),
                { onSuccess: () => notify(t('implementation.saved')) },
              )
            }
            loading={save.isPending}
          >
            {t('implementation.thresholds.save')}
          </Button>
          {last ? (
            <Button
              variant="default"
              onClick={() =>
                setDraft([
                  ...draft,
                  { key: `new-${draft.length}`, period: nextPeriod(last, t('implementation.thresholds.newNote')) },
                ])
              }
            >
              {t('implementation.thresholds.addPeriod')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}

function NoticesView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notices = useNotices();
  const run = useRunNotices();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notices-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="notices-heading">
          {t('implementation.notices.title')}
        </Title>
        <Button
          variant="default"
          loading={run.isPending}
          onClick={() =>
            run.mutate(undefined, {
              onSuccess: (r) => notify(t('implementation.notices.ran', { alerts: r.alertNotices, digests: r.digests })),
            })
          }
        >
          {t('implementation.notices.run')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('implementation.notices.help')}
      </Text>
      <ErrorAlert error={notices.error ?? run.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('implementation.notices.sentAt')}</Table.Th>
              <Table.Th scope="col">{t('implementation.notices.to')}</Table.Th>
              <Table.Th scope="col">{t('implementation.notices.subject')}</Table.Th>
              <Table.Th scope="col">{t('implementation.notices.transport')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(notices.data ?? []).map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>{formatDateTime(n.sentAt, language)}</Table.Td>
                <Table.Td>{n.email}</Table.Td>
                <Table.Td>
                  <details>
                    <summary>{n.subject}</summary>
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {n.body}
                    </Text>
                  </details>
                </Table.Td>
                <Table.Td>
                  {t(`implementation.notices.transports.${n.transport}`)}
                  {n.error ? ` — ${n.error}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** A chart of the dashboard under its title, with a placeholder of its height while ECharts loads. */
function ChartCard(props: { title: string; height: number; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5">
        {props.title}
      </Title>
      <Suspense fallback={<Skeleton height={props.height} />}>{props.children}</Suspense>
    </Paper>
  );
}
