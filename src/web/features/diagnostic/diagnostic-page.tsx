import { Anchor, Box, Button, Grid, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { paths } from '../../app/paths.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useBoundaries } from '../../lib/communes-query.ts';
import { useMissions } from '../../lib/missions-query.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { useGuide, useGuides, useProvinceDiagnostics } from './api.ts';
import { BAND_COLOURS, bandColour, bandColourAt, formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';

// Leaflet is only downloaded for pages with a map.
const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));

const NOT_DIAGNOSED = '#f1f3f5';

/** The province view of diagnostics: which communes have one, their maturity on the map, missions under way. */
export function DiagnosticPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const navigate = useNavigate();
  const overview = useProvinceDiagnostics();
  const boundaries = useBoundaries();
  const config = usePublicConfig();
  const missions = useMissions({ phase: 'diagnostic' });
  const guides = useGuides();
  const published = (guides.data ?? []).find((g) => g.status === 'published');
  const guide = useGuide(published?.key ?? null, published?.version ?? null);
  const byNis = useMemo(() => new Map((overview.data?.communes ?? []).map((c) => [c.nisCode, c])), [overview.data]);
  const bands = guide.data?.model.bands ?? [];
  const tileUrl = config.data?.map.tileUrl;

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('diagnostic.province.title')}
        description={t('diagnostic.province.intro')}
        actions={
          <Button component={Link} to={paths.diagnosticGuide.to()} variant="default">
            {t('diagnostic.guide.open')}
          </Button>
        }
      />
      <ErrorAlert error={overview.error ?? boundaries.error} />
      <section aria-labelledby="maturity-map-heading">
        <Title order={2} size="h3" id="maturity-map-heading" mb="sm">
          {t('diagnostic.province.mapTitle')}
        </Title>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            {boundaries.data && overview.data ? (
              <Suspense fallback={<Skeleton height={480} aria-label={t('common.loading')} />}>
                <ProvinceMap
                  collection={boundaries.data}
                  layerId={`maturity:${language}:${overview.dataUpdatedAt}`}
                  colourOf={(commune) => {
                    const d = byNis.get(commune.nisCode);
                    if (!d?.band) return NOT_DIAGNOSED;
                    // Each commune in its own mission's guide bands; older servers did not send the position.
                    return d.bandPosition
                      ? bandColourAt(d.bandPosition.index, d.bandPosition.of)
                      : bandColour(d.band.key, guide.data?.model ?? null);
                  }}
                  describe={(commune) => {
                    const d = byNis.get(commune.nisCode);
                    return {
                      title: commune.name,
                      detail: d
                        ? t('diagnostic.province.mapDetail', {
                            score: formatScore(d.overall, language),
                            band: d.band ? text.band(d.band).label : '–',
                            count: d.interviews,
                          })
                        : t('diagnostic.province.notDiagnosed'),
                    };
                  }}
                  onSelect={(nis) => {
                    const d = byNis.get(nis);
                    void navigate(
                      d ? `${paths.missionDiagnostic.to(d.missionId)}?view=results` : paths.commune.to(nis),
                    );
                  }}
                  label={t('diagnostic.province.mapLabel')}
                  zoomInTitle={t('map.zoomIn')}
                  zoomOutTitle={t('map.zoomOut')}
                  baseMap={tileUrl ? { url: tileUrl, attribution: config.data?.map.tileAttribution ?? null } : null}
                  height={480}
                />
              </Suspense>
            ) : (
              <Skeleton height={480} aria-label={t('common.loading')} />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="sm" component="figure" m={0} aria-labelledby="maturity-legend">
              <Title order={3} size="h5" id="maturity-legend" mb="xs">
                {t('diagnostic.province.legend')}
              </Title>
              <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {bands.map((band, i) => (
                  <Box component="li" key={band.key} style={{ display: 'flex', alignItems: 'center', gap: 8 }} py={2}>
                    <Box
                      aria-hidden="true"
                      w={22}
                      h={14}
                      style={{
                        background:
                          BAND_COLOURS[Math.round((i * (BAND_COLOURS.length - 1)) / Math.max(1, bands.length - 1))],
                        border: '1px solid #3f474d',
                      }}
                    />
                    <Text size="sm">
                      {text.band(band).label} ({formatScore(band.from, language)} – {formatScore(band.to, language)})
                    </Text>
                  </Box>
                ))}
                <Box component="li" style={{ display: 'flex', alignItems: 'center', gap: 8 }} py={2}>
                  <Box
                    aria-hidden="true"
                    w={22}
                    h={14}
                    style={{ background: NOT_DIAGNOSED, border: '1px solid #3f474d' }}
                  />
                  <Text size="sm">{t('diagnostic.province.notDiagnosed')}</Text>
                </Box>
              </Box>
              <Text size="xs" c="dimmed" mt="xs">
                {t('diagnostic.province.legendHelp')} {t('diagnostic.province.legendGuides')}
              </Text>
            </Paper>
          </Grid.Col>
        </Grid>
      </section>

      <section aria-labelledby="diagnosed-heading">
        <Title order={2} size="h3" id="diagnosed-heading" mb="sm">
          {t('diagnostic.province.tableTitle')}
        </Title>
        {overview.isPending ? (
          <BlockSkeleton />
        ) : (overview.data?.communes ?? []).length === 0 ? (
          <Text c="dimmed">{t('diagnostic.province.none')}</Text>
        ) : (
          <>
            {(overview.data?.benchmark?.groups ?? []).map((g) => (
              <Text size="sm" c="dimmed" mb="xs" key={g.guideKey} data-testid="province-benchmark">
                {t(
                  g.method === 'z_scores'
                    ? 'diagnostic.province.benchmarkZ'
                    : 'diagnostic.province.benchmarkIndicative',
                  {
                    guide: g.guideTitle,
                    communes: g.communes,
                    minimum: overview.data?.benchmark?.minimum ?? 0,
                  },
                )}
              </Text>
            ))}
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="diagnosed-communes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('diagnostic.province.commune')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('diagnostic.province.interviews')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('diagnostic.province.overall')}
                    </Table.Th>
                    {DIMENSIONS.map((d) => (
                      <Table.Th scope="col" ta="right" key={d}>
                        {t(`diagnostic.dimensions.${d}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(overview.data?.communes ?? []).map((c) => (
                    <Table.Tr key={c.nisCode}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`${paths.missionDiagnostic.to(c.missionId)}?view=results`}>
                          {c.communeName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {c.missionTitle}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="right">{c.interviews}</Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {formatScore(c.overall, language)}{' '}
                        {c.band ? (
                          <Text span size="xs" c="dimmed">
                            {text.band(c.band).label}
                          </Text>
                        ) : null}
                      </Table.Td>
                      {DIMENSIONS.map((d) => (
                        <Table.Td
                          ta="right"
                          key={d}
                          title={c.zScores[d] === null ? undefined : `z = ${formatScore(c.zScores[d], language, 2)}`}
                        >
                          {formatScore(c.dimensions[d], language)}
                          {c.zScores[d] === null ? null : (
                            <Text span size="xs" c="dimmed">
                              {' '}
                              (z {formatScore(c.zScores[d], language, 1)})
                            </Text>
                          )}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </section>

      <section aria-labelledby="in-diagnostic-heading">
        <Title order={2} size="h3" id="in-diagnostic-heading" mb="sm">
          {t('diagnostic.province.missionsTitle')}
        </Title>
        <ErrorAlert error={missions.error} />
        {(missions.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('diagnostic.province.noMissions')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('missions.title')}</Table.Th>
                <Table.Th scope="col">{t('missions.beneficiary')}</Table.Th>
                <Table.Th scope="col">{t('missions.consultants')}</Table.Th>
                <Table.Th scope="col">{t('missions.startDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(missions.data ?? []).map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.missionDiagnostic.to(m.id)} fw={600}>
                      {m.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {m.beneficiary.siteName
                      ? `${m.beneficiary.siteName} (${m.beneficiary.communeName})`
                      : m.beneficiary.communeName}
                  </Table.Td>
                  <Table.Td>{m.consultants.map((c) => c.displayName).join(', ')}</Table.Td>
                  <Table.Td>{formatDate(m.startDate, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
