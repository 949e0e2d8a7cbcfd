import { Box, Grid, Paper, Skeleton, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Band, MaturityModel } from '../../../domain/diagnostic/model.ts';
import type { ProvinceOverview } from '../../../domain/diagnostic/results.ts';
import { paths } from '../../app/paths.ts';
import { useBoundaries } from '../../lib/communes-query.ts';
import { usePublicConfig } from '../../lib/public-config.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { BAND_COLOURS, bandColour, bandColourAt, formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';

// Leaflet is only downloaded for pages with a map.
const ProvinceMap = lazy(() => import('../../components/province-map.tsx').then((m) => ({ default: m.ProvinceMap })));

const NOT_DIAGNOSED = '#f1f3f5';

function LegendItem({ colour, children }: { colour: string; children: string }) {
  return (
    <Box component="li" style={{ display: 'flex', alignItems: 'center', gap: 8 }} py={2}>
      <Box aria-hidden="true" w={22} h={14} style={{ background: colour, border: '1px solid #3f474d' }} />
      <Text size="sm">{children}</Text>
    </Box>
  );
}

/** The bands of the reference guide, with their colours, and « not diagnosed ». */
function MaturityLegend({ bands }: { bands: Band[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  return (
    <Paper withBorder p="sm" component="figure" m={0} aria-labelledby="maturity-legend">
      <Title order={3} size="h5" id="maturity-legend" mb="xs">
        {t('diagnostic.province.legend')}
      </Title>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {bands.map((band, i) => (
          <LegendItem
            key={band.key}
            colour={BAND_COLOURS[Math.round((i * (BAND_COLOURS.length - 1)) / Math.max(1, bands.length - 1))]!}
          >
            {`${text.band(band).label} (${formatScore(band.from, language)} – ${formatScore(band.to, language)})`}
          </LegendItem>
        ))}
        <LegendItem colour={NOT_DIAGNOSED}>{t('diagnostic.province.notDiagnosed')}</LegendItem>
      </Box>
      <Text size="xs" c="dimmed" mt="xs">
        {t('diagnostic.province.legendHelp')} {t('diagnostic.province.legendGuides')}
      </Text>
    </Paper>
  );
}

/** The province's communes coloured by the maturity band of their latest diagnostic; a click opens it. */
export function MaturityMapSection({
  overview,
  updatedAt,
  guide,
}: {
  overview: ProvinceOverview | undefined;
  updatedAt: number;
  guide: MaturityModel | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const navigate = useNavigate();
  const boundaries = useBoundaries();
  const config = usePublicConfig();
  const byNis = useMemo(() => new Map((overview?.communes ?? []).map((c) => [c.nisCode, c])), [overview]);
  const tileUrl = config.data?.map.tileUrl;
  return (
    <section aria-labelledby="maturity-map-heading">
      <Title order={2} size="h3" id="maturity-map-heading" mb="sm">
        {t('diagnostic.province.mapTitle')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {boundaries.data && overview ? (
            <Suspense fallback={<Skeleton height={480} aria-label={t('common.loading')} />}>
              <ProvinceMap
                collection={boundaries.data}
                layerId={`maturity:${language}:${updatedAt}`}
                colourOf={(commune) => {
                  const d = byNis.get(commune.nisCode);
                  if (!d?.band) return NOT_DIAGNOSED;
                  // Each commune in its own mission's guide bands; older servers did not send the position.
                  return d.bandPosition
                    ? bandColourAt(d.bandPosition.index, d.bandPosition.of)
                    : bandColour(d.band.key, guide);
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
                  void navigate(d ? `${paths.missionDiagnostic.to(d.missionId)}?view=results` : paths.commune.to(nis));
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
          <MaturityLegend bands={guide?.bands ?? []} />
        </Grid.Col>
      </Grid>
    </section>
  );
}
