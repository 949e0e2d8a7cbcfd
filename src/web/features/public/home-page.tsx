import { Anchor, Box, Grid, Group, List, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUpStatus } from '../../../domain/implementation/follow-up.ts';
import { countByCommune, PROJECT_STATUSES } from '../../../domain/public/front-page.ts';
import type { PublicOverview } from '../../../domain/public/overview.ts';
import { DIMENSIONS, type Dimension } from '../../../domain/shared/dimensions.ts';
import { formatDate, formatNumber } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePublicOverview } from './front-page-api.ts';
import { PublicProjectsMap, SHADES } from './public-map.tsx';

function Figure(props: { value: number; label: string; children?: React.ReactNode }) {
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="li" style={{ listStyle: 'none' }}>
      <Text fz={32} fw={750} c="rural.9" lh={1.1}>
        {formatNumber(props.value, language)}
      </Text>
      <Text size="sm">{props.label}</Text>
      {props.children}
    </Paper>
  );
}

type Overview = ReturnType<typeof usePublicOverview>;

/** The key figures: communes accompanied, published projects by status, pooled purchases, catalogue users. */
function FiguresSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const data = overview.data;
  const figures = data?.figures;
  return (
    <section aria-labelledby="figures-heading">
      <Title order={2} size="h3" id="figures-heading" mb="sm">
        {t('public.home.figuresTitle')}
      </Title>
      {figures ? (
        <SimpleGrid component="ul" cols={{ base: 1, xs: 2, md: 4 }} p={0} m={0}>
          <Figure
            value={figures.communesAccompanied}
            label={t('public.home.communesAccompanied', { count: figures.communesAccompanied })}
          />
          <Figure
            value={figures.publishedProjects}
            label={t('public.home.publishedProjects', { count: figures.publishedProjects })}
          >
            <List size="xs" mt={4}>
              {PROJECT_STATUSES.filter((s) => figures.projectsByStatus[s]).map((s) => (
                <List.Item key={s}>
                  {t(`implementation.statuses.${s}`)} : {formatNumber(figures.projectsByStatus[s] ?? 0, language)}
                </List.Item>
              ))}
            </List>
          </Figure>
          <Figure
            value={figures.pooledPurchases}
            label={t('public.home.pooledPurchases', { count: figures.pooledPurchases })}
          />
          <Figure
            value={figures.communesUsingCatalogue}
            label={t('public.home.communesUsingCatalogue', { count: figures.communesUsingCatalogue })}
          />
        </SimpleGrid>
      ) : overview.isPending ? (
        <BlockSkeleton lines={3} />
      ) : null}
      {data?.updatedAt ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('public.updatedOn', { date: formatDate(data.updatedAt, language) })}
        </Text>
      ) : null}
    </section>
  );
}

type Filter = { dimension: Dimension | null; status: FollowUpStatus | null };

function MapFilters({ filter, onChange }: { filter: Filter; onChange: (filter: Filter) => void }) {
  const { t } = useTranslation();
  const { dimension, status } = filter;
  const setDimension = (value: Dimension | null) => onChange({ ...filter, dimension: value });
  const setStatus = (value: FollowUpStatus | null) => onChange({ ...filter, status: value });
  return (
    <Group gap="md" mb="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('public.home.filterDimension')}
        placeholder={t('public.home.all')}
        data={DIMENSIONS.map((d) => ({ value: d, label: t(`implementation.dimensions.${d}`) }))}
        value={dimension}
        onChange={(v) => setDimension(v as Dimension | null)}
        clearable
        w={220}
      />
      <Select
        label={t('public.home.filterStatus')}
        placeholder={t('public.home.all')}
        data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`implementation.statuses.${s}`) }))}
        value={status}
        onChange={(v) => setStatus(v as FollowUpStatus | null)}
        clearable
        w={220}
      />
    </Group>
  );
}

function MapLegend() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="figure" m={0} aria-labelledby="public-legend">
      <Title order={3} size="h5" id="public-legend" mb="xs">
        {t('public.home.legend')}
      </Title>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {SHADES.map((shade, n) => (
          <Box component="li" key={shade} style={{ display: 'flex', gap: 8, alignItems: 'center' }} py={2}>
            <Box
              aria-hidden="true"
              w={22}
              h={14}
              style={{ background: shade, border: '1px solid #3f474d', flex: 'none' }}
            />
            <Text size="sm">{n === 4 ? t('public.home.legendMore') : t('public.home.legendCount', { count: n })}</Text>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}

/** The communes with published projects matching the filter, each linked to its programme. */
function CommuneLinks({ communes, counts }: { communes: PublicOverview['communes']; counts: Map<string, number> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="communes-heading">
      <Title order={3} size="h5" id="communes-heading" mb="xs">
        {t('public.home.communesTitle')}
      </Title>
      {communes.length === 0 ? (
        <Text size="sm">{t('public.home.noCommune')}</Text>
      ) : (
        <List size="sm" data-testid="public-communes">
          {communes.map((c) => (
            <List.Item key={c.nisCode}>
              <Anchor component={Link} to={paths.programme.to(c.nisCode)} underline="always">
                {c.name}
              </Anchor>{' '}
              ({t('public.home.projectCount', { count: counts.get(c.nisCode) ?? 0 })})
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

/** The province map of the published projects, with its filters, legend and the communes' links. */
function MapSection({ data }: { data: PublicOverview | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState<Filter>({ dimension: null, status: null });
  const { dimension, status } = filter;
  const counts = useMemo(() => countByCommune(data?.communes ?? [], { dimension, status }), [data, dimension, status]);
  const communes = (data?.communes ?? [])
    .filter((c) => counts.has(c.nisCode))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <section aria-labelledby="map-heading">
      <Title order={2} size="h3" id="map-heading" mb="sm">
        {t('public.home.mapTitle')}
      </Title>
      <MapFilters filter={filter} onChange={setFilter} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {data ? (
            <PublicProjectsMap
              counts={counts}
              filterKey={`${dimension ?? '-'}:${status ?? '-'}:${language}`}
              label={t('public.home.mapLabel')}
            />
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <MapLegend />
            <CommuneLinks communes={communes} counts={counts} />
          </Stack>
        </Grid.Col>
      </Grid>
    </section>
  );
}

function MoreSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="more-heading">
      <Title order={2} size="h3" id="more-heading" mb="sm">
        {t('public.home.moreTitle')}
      </Title>
      <List>
        <List.Item>
          <Anchor component={Link} to={paths.publicCategories.to()} underline="always">
            {t('public.categories.title')}
          </Anchor>{' '}
          — {t('public.home.categoriesLink')}
        </List.Item>
        <List.Item>
          <Anchor component={Link} to={paths.openData.to()} underline="always">
            {t('public.openData.title')}
          </Anchor>{' '}
          — {t('public.home.openDataLink')}
        </List.Item>
      </List>
    </section>
  );
}

/** The front door for citizens (issue 14): what Smart Rural is, key figures, the map, links to communes and data. */
export default function PublicHomePage() {
  const { t } = useTranslation();
  const overview = usePublicOverview();
  const data = overview.data;
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('public.home.title')}
        description={t('public.home.intro', { agency: data?.agency ?? 'IDELUX Projets publics' })}
      />
      {overview.isError ? <ErrorAlert error={overview.error} /> : null}
      <FiguresSection overview={overview} />
      <MapSection data={data} />
      <MoreSection />
    </Stack>
  );
}
