import { Alert, Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiagnosticResultsView } from '../../../domain/diagnostic/results.ts';
import { ColumnHeadings } from '../../components/column-headings.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { bandColour, DIMENSION_COLOURS, formatDifference, formatPercent, formatScore } from './dimension-labels.ts';
import { useGuideText } from './guide-text.ts';
import { ScrollRegion } from './scroll-region.tsx';

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

export function ComparisonTable({ results }: { results: DiagnosticResultsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // z-scores only when enough comparable communes have them; otherwise the raw difference from the province's mean.
  const zShown = results.zScores.some((z) => z.z !== null);
  return (
    <ScrollRegion minWidth={460} label={t('diagnostic.results.radarTitle')}>
      <Table data-testid="dimension-table" horizontalSpacing="xs">
        <ColumnHeadings
          columns={[
            { label: t('diagnostic.results.dimension') },
            { label: t('diagnostic.results.score'), numeric: true },
            { label: t('diagnostic.results.band') },
            { label: t('diagnostic.results.agreement'), numeric: true },
            { label: t('diagnostic.results.province'), numeric: true },
            { label: t('diagnostic.results.peers'), numeric: true },
            {
              label: zShown ? (
                <abbr title={t('diagnostic.results.zHelp')}>z</abbr>
              ) : (
                <abbr title={t('diagnostic.results.differenceHelp')}>{t('diagnostic.results.difference')}</abbr>
              ),
              numeric: true,
            },
          ]}
        />
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
export function BenchmarkNote({ results }: { results: DiagnosticResultsView }) {
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
