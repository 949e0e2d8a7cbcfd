import { Accordion, Alert, Badge, Box, Grid, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticResultsView } from '../../../domain/diagnostic/results.ts';
import type { Mission } from '../../../domain/missions/mission.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { useResults } from './api.ts';
import { bandColour, DIMENSION_COLOURS, formatDifference, formatPercent, formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';

// ECharts is downloaded only when a radar is shown.
const RadarChart = lazy(() => import('./radar-chart.tsx'));

/** A table that may scroll sideways on small screens: the scrolling box takes keyboard focus and has a name. */
function ScrollRegion({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

export function BandBadge({
  band,
  results,
}: {
  band: { key: string; label: string } | null;
  results: Pick<DiagnosticResultsView, 'bands'>;
}) {
  const { t } = useTranslation();
  const text = useGuideText();
  if (!band)
    return (
      <Badge variant="outline" color="gray">
        {t('diagnostic.results.notAssessed')}
      </Badge>
    );
  return (
    <Badge
      variant="filled"
      tt="none"
      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
      style={{ background: bandColour(band.key, results), color: '#1f2a30' }}
    >
      {text.band(band).label}
    </Badge>
  );
}

function ComparisonTable({ results }: { results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // z-scores only when enough comparable communes have them; otherwise the raw difference from the province's mean.
  const zShown = results.zScores.some((z) => z.z !== null);
  return (
    <ScrollRegion minWidth={460} label={t('diagnostic.results.radarTitle')}>
      <Table data-testid="dimension-table" horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('diagnostic.results.dimension')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('diagnostic.results.score')}
            </Table.Th>
            <Table.Th scope="col">{t('diagnostic.results.band')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('diagnostic.results.agreement')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('diagnostic.results.province')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('diagnostic.results.peers')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {zShown ? (
                <abbr title={t('diagnostic.results.zHelp')}>z</abbr>
              ) : (
                <abbr title={t('diagnostic.results.differenceHelp')}>{t('diagnostic.results.difference')}</abbr>
              )}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.dimensions.map((d) => {
            const c = results.comparison.dimensions.find((x) => x.dimension === d.dimension);
            const z = results.zScores.find((x) => x.dimension === d.dimension)?.z ?? null;
            return (
              <Table.Tr key={d.dimension}>
                <Table.Th scope="row" fw={500}>
                  <Group gap={6} wrap="nowrap">
                    <Box
                      w={10}
                      h={10}
                      style={{ borderRadius: 5, background: DIMENSION_COLOURS[d.dimension], flex: 'none' }}
                    />
                    {t(`diagnostic.dimensions.${d.dimension}`)}
                  </Group>
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatScore(d.mean, language)}
                </Table.Td>
                <Table.Td>
                  <BandBadge band={d.band} results={results} />
                </Table.Td>
                <Table.Td ta="right">{formatPercent(d.agreement, language)}</Table.Td>
                <Table.Td ta="right">
                  {c?.province.n ? `${formatScore(c.province.mean, language)} (${c.province.n})` : '–'}
                </Table.Td>
                <Table.Td ta="right">
                  {c?.peers.n ? `${formatScore(c.peers.mean, language)} (${c.peers.n})` : '–'}
                </Table.Td>
                <Table.Td ta="right">
                  {zShown
                    ? formatScore(z, language, 2)
                    : formatDifference(
                        d.mean !== null && c?.province.mean != null ? d.mean - c.province.mean : null,
                        language,
                      )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Says whether the comparison is by z-scores or indicative, and why (the minimum of comparable communes). */
function BenchmarkNote({ results }: { results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const benchmark = results.benchmark;
  if (!benchmark) return null;
  const zShown = results.zScores.some((z) => z.z !== null);
  const count = benchmark.comparableCommunes;
  return (
    <Stack gap={4} data-testid="benchmark-note">
      {zShown ? (
        <Text size="xs" c="dimmed">
          {t('diagnostic.results.zNote', { communes: count, minimum: benchmark.minimum })}
        </Text>
      ) : (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="xs">{t('diagnostic.results.indicative', { count, minimum: benchmark.minimum })}</Text>
        </Alert>
      )}
      {benchmark.otherGuides > 0 ? (
        <Text size="xs" c="dimmed">
          {t('diagnostic.results.otherGuides', { count: benchmark.otherGuides })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Maturity per dimension and factor, agreement, the radar against the province and similar communes. */
export function ResultsPanel({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const results = useResults(mission.id);
  const data = results.data;
  const series = useMemo(() => {
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
  const axes = useMemo(
    () => (data ? data.dimensions.map((d) => t(`diagnostic.dimensions.${d.dimension}`)) : []),
    [data, t],
  );

  if (results.error) return <ErrorAlert error={results.error} />;
  if (!data) return <BlockSkeleton lines={8} />;
  if (data.interviews === 0) return <Alert color="gray">{t('diagnostic.results.empty')}</Alert>;

  return (
    <Stack gap="lg">
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

      <section aria-labelledby="factors-heading">
        <Title order={3} size="h4" id="factors-heading" mb="xs">
          {t('diagnostic.results.factorsTitle')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs" data-testid="method-note">
          {t('diagnostic.results.methodNote')}
        </Text>
        <Accordion variant="separated" multiple>
          {data.dimensions.map((d) => (
            <Accordion.Item key={d.dimension} value={d.dimension}>
              <Accordion.Control>
                <Group gap="sm">
                  <Box w={10} h={10} style={{ borderRadius: 5, background: DIMENSION_COLOURS[d.dimension] }} />
                  <Text fw={600}>{text.dimension(d.dimension, d.label)}</Text>
                  <Text fw={700}>{formatScore(d.mean, language)}</Text>
                  <BandBadge band={d.band} results={data} />
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {d.band ? (
                  <Text size="sm" mb="xs">
                    {text.band(d.band).interpretation}
                  </Text>
                ) : null}
                <ScrollRegion minWidth={640} label={text.dimension(d.dimension, d.label)}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('diagnostic.results.factor')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('diagnostic.results.score')}
                        </Table.Th>
                        <Table.Th scope="col">{t('diagnostic.results.band')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('diagnostic.results.agreement')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('diagnostic.results.range')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('diagnostic.results.n')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.factors.map((f) => (
                        <Table.Tr key={f.factorKey}>
                          <Table.Td>
                            {text.factor(f.factorKey, f.label)}
                            {f.rural ? (
                              <Badge ml="xs" size="xs" variant="outline" color="#1f6e30">
                                {t('diagnostic.rural')}
                              </Badge>
                            ) : null}
                          </Table.Td>
                          <Table.Td ta="right" fw={600}>
                            {formatScore(f.mean, language)}
                          </Table.Td>
                          <Table.Td>
                            <BandBadge band={f.band} results={data} />
                          </Table.Td>
                          <Table.Td ta="right">{formatPercent(f.agreement, language)}</Table.Td>
                          <Table.Td ta="right">
                            {f.min === null ? '–' : `${formatScore(f.min, language)} – ${formatScore(f.max, language)}`}
                          </Table.Td>
                          <Table.Td ta="right">{f.n}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </section>

      <section aria-labelledby="disagreements-heading">
        <Title order={3} size="h4" id="disagreements-heading" mb="xs">
          {t('diagnostic.results.disagreementsTitle')}
        </Title>
        {data.disagreements.questions.length === 0 ? (
          <Text c="dimmed">{t('diagnostic.results.noDisagreement')}</Text>
        ) : (
          <ScrollRegion minWidth={640} label={t('diagnostic.results.disagreementsTitle')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('diagnostic.results.question')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('diagnostic.results.score')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('diagnostic.results.range')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('diagnostic.results.agreement')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.disagreements.questions.map((q) => (
                  <Table.Tr key={q.questionKey}>
                    <Table.Td>{q.text}</Table.Td>
                    <Table.Td ta="right">{formatScore(q.mean, language)}</Table.Td>
                    <Table.Td ta="right">{`${formatScore(q.min, language, 0)} – ${formatScore(q.max, language, 0)}`}</Table.Td>
                    <Table.Td ta="right">{formatPercent(q.agreement, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </section>

      {data.byIntervieweeType.length > 1 ? (
        <section aria-labelledby="by-type-heading">
          <Title order={3} size="h4" id="by-type-heading" mb="xs">
            {t('diagnostic.results.byTypeTitle')}
          </Title>
          <ScrollRegion minWidth={640} label={t('diagnostic.results.byTypeTitle')}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('diagnostic.interviews.type')}</Table.Th>
                  {data.dimensions.map((d) => (
                    <Table.Th scope="col" ta="right" key={d.dimension}>
                      {t(`diagnostic.dimensions.${d.dimension}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.byIntervieweeType.map((panel) => (
                  <Table.Tr key={panel.type}>
                    <Table.Th scope="row" fw={500}>
                      {t(`diagnostic.types.${panel.type}`)} ({panel.interviews})
                    </Table.Th>
                    {panel.dimensions.map((d) => (
                      <Table.Td ta="right" key={d.dimension}>
                        {formatScore(d.mean, language)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </section>
      ) : null}
    </Stack>
  );
}
