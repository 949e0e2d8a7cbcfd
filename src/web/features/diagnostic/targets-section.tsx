import { Alert, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TargetsView, targetOf, unclosedGaps } from '../../../domain/diagnostic/targets.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { formatDecimal } from '../../../domain/shared/format.ts';
import type { HorizonKey } from '../../../domain/strategy/horizons.ts';
import { ColumnHeadings } from '../../components/column-headings.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BlockSkeleton } from '../../components/loading.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { DIMENSION_COLOURS, formatDifference, formatScore } from './dimension-labels.ts';
import { GapPointers } from './gap-pointers.tsx';
import { useGuideText } from './guide-text.ts';
import { ScrollRegion } from './scroll-region.tsx';
import { useTargets } from './targets-api.ts';
import { TargetsEditor } from './targets-editor.tsx';

// ECharts is downloaded only when gaps are shown.
const GapChart = lazy(() => import('./gap-chart.tsx'));

/** The targets per dimension (rows) and horizon (columns), with the horizons' years. */
function TargetsTable({ view }: { view: TargetsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ScrollRegion minWidth={300} label={t('diagnostic.targets.editTitle')}>
      <Table data-testid="targets-table" horizontalSpacing="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('diagnostic.results.dimension')}</Table.Th>
            {view.horizons.map((h) => (
              <Table.Th scope="col" key={h.key} ta="right">
                {t(`diagnostic.targets.horizons.${h.key}`)}
                <Text size="xs" c="dimmed" fw={400}>
                  {h.startYear === h.endYear ? h.startYear : `${h.startYear}–${h.endYear}`}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DIMENSIONS.map((d) => (
            <Table.Tr key={d}>
              <Table.Th scope="row" fw={500}>
                {t(`diagnostic.dimensions.${d}`)}
              </Table.Th>
              {view.horizons.map((h) => (
                <Table.Td key={h.key} ta="right">
                  {formatScore(targetOf(view.targets, d, h.key), language)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Every factor with a target for the horizon: score, target, gap and the sheets closing it (or none). */
function GapTable({ view, horizon }: { view: TargetsView; horizon: HorizonKey }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const rows = view.factors.filter((f) => f.gaps[horizon] !== null);
  return (
    <ScrollRegion minWidth={300} label={t('diagnostic.targets.gapTable')}>
      <Table data-testid="gap-table" horizontalSpacing="xs">
        <ColumnHeadings
          columns={[
            { label: t('diagnostic.results.factor') },
            { label: t('diagnostic.results.score'), numeric: true },
            { label: t('diagnostic.targets.target'), numeric: true },
            { label: t('diagnostic.targets.gap'), numeric: true },
          ]}
        />
        <Table.Tbody>
          {rows.map((f) => {
            const gap = f.gaps[horizon] ?? 0;
            return (
              <Table.Tr key={f.factorKey} data-factor={f.factorKey}>
                <Table.Td>
                  {text.factor(f.factorKey, f.label)}
                  {f.closedBy.length > 0 ? (
                    <Text size="xs" c="teal.8">
                      {t('diagnostic.targets.closedBy', { titles: f.closedBy.map((s) => s.title).join(' ; ') })}
                    </Text>
                  ) : gap > 0 ? (
                    <Text size="xs" c="red.8" fw={600}>
                      {t('diagnostic.targets.noSheet')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{formatScore(f.mean, language)}</Table.Td>
                <Table.Td ta="right">{formatScore(targetOf(view.targets, f.dimension, horizon), language)}</Table.Td>
                <Table.Td ta="right" fw={gap >= view.largeGap ? 700 : undefined}>
                  {gap <= 0 ? t('diagnostic.targets.reached') : formatDifference(gap, language)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function GapFigures({ view, horizon }: { view: TargetsView; horizon: HorizonKey }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useGuideText();
  const format = useCallback((v: number) => formatScore(v, language), [language]);
  const bars = useMemo(
    () =>
      view.factors
        .filter((f) => f.gaps[horizon] !== null)
        .map((f) => ({
          label: text.factor(f.factorKey, f.label),
          gap: f.gaps[horizon]!,
          colour: DIMENSION_COLOURS[f.dimension],
        })),
    [view, horizon, text],
  );
  if (bars.length === 0) return <Text c="dimmed">{t('diagnostic.targets.noTargetForHorizon')}</Text>;
  const open = unclosedGaps(view.factors, horizon).length;
  return (
    <Stack gap="xs">
      <Suspense fallback={<Skeleton height={200} aria-label={t('common.loading')} />}>
        <GapChart
          bars={bars}
          largeGap={view.largeGap}
          label={t('diagnostic.targets.chartLabel', { horizon: t(`diagnostic.targets.horizons.${horizon}`) })}
          format={format}
        />
      </Suspense>
      <Text size="xs" c="dimmed">
        {t('diagnostic.targets.chartHelp', {
          count: view.largeGap,
          large: formatDecimal(view.largeGap, language, Number.isInteger(view.largeGap) ? 0 : 1),
        })}
      </Text>
      {open > 0 ? (
        <Alert color="orange" variant="light" p="xs" data-testid="unclosed-gaps">
          <Text size="sm">{t('diagnostic.targets.unclosed', { count: open })}</Text>
        </Alert>
      ) : null}
      <GapTable view={view} horizon={horizon} />
    </Stack>
  );
}

/**
 * Targets and gaps (decision 160): the maturity each dimension should reach per horizon, set with the commune; the
 * gap of each factor as bars and a table; which gaps no sheet closes; what the catalogue and the watch offer.
 */
export function TargetsSection({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const targets = useTargets(missionId);
  const [horizon, setHorizon] = useState<HorizonKey>('short');
  const [editing, setEditing] = useState(false);
  if (targets.error) return <ErrorAlert error={targets.error} />;
  if (!targets.data) return <BlockSkeleton lines={4} />;
  const view = targets.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="targets-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} maw={720}>
            <Title order={3} size="h4" id="targets-heading">
              {t('diagnostic.targets.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('diagnostic.targets.intro')}
            </Text>
          </Stack>
          {view.permissions.edit ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('diagnostic.targets.edit')}
            </Button>
          ) : null}
        </Group>
        {view.targets.length === 0 ? (
          <Text c="dimmed">{t('diagnostic.targets.none')}</Text>
        ) : (
          <>
            <TargetsTable view={view} />
            <SegmentedControl
              aria-label={t('diagnostic.targets.horizonLabel')}
              value={horizon}
              onChange={(value) => setHorizon(value as HorizonKey)}
              data={view.horizons.map((h) => ({ value: h.key, label: t(`diagnostic.targets.horizons.${h.key}`) }))}
              fullWidth
              maw={420}
            />
            <GapFigures view={view} horizon={horizon} />
            <GapPointers view={view} />
          </>
        )}
      </Stack>
      {editing ? <TargetsEditor view={view} onClose={() => setEditing(false)} /> : null}
    </Paper>
  );
}
