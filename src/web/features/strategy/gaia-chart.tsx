import { Badge, Grid, Group, List, Table, Text, VisuallyHidden } from '@mantine/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingAnalysis } from '../../../domain/strategy/strategy-api.ts';
import { useECharts } from '../../lib/use-echarts.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { axisLetter, gaiaOption } from './gaia-option.ts';
import { decimal, percent } from './labels.ts';

echarts.use([ScatterChart, LineChart, GridComponent, TooltipComponent, LabelLayout, SVGRenderer]);

type Gaia = NonNullable<RankingAnalysis['gaia']>;

/** The width of an element, followed as it is resized (0 until it is laid out). */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!ref.current) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.round(entries[0]?.contentRect.width ?? 0)));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** An ECharts chart in a div of the option's height (its width: the card's, which the option was made for). */
function EChart({ option, height }: { option: echarts.EChartsCoreOption; height: number }) {
  const box = useECharts(option);
  return <div ref={box} style={{ height, width: '100%' }} data-testid="gaia-chart" />;
}

type Props = {
  gaia: Gaia;
  ranking: RankingAnalysis['ranking'];
  titles: Map<string, string>;
  criterionName: Map<string, string>;
};

/** The chart's option for its width, worded in the UI's language (null until the card is laid out). */
function useGaiaOption({ gaia, ranking, titles, criterionName }: Props, width: number) {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(
    () =>
      width > 0
        ? gaiaOption({
            gaia,
            titles,
            criterionName,
            ranks: new Map(ranking.map((r) => [r.id, { rank: r.rank, phi: r.phi }])),
            width,
            minHeight: 280,
            maxHeight: width < 600 ? 460 : 620,
            labels: {
              projects: t('strategy.gaia.projects'),
              rankLine: (rank, phi) => t('strategy.gaia.rankLine', { rank, phi: decimal(phi, language) }),
            },
          })
        : null,
    [gaia, ranking, titles, criterionName, t, language, width],
  );
}

/**
 * The GAIA plane: projects as points numbered by their rank, criteria as axes from the centre (scaled to the cloud
 * of points, as GAIA software draws them), and the decision stick π in red, pointing where the weighted best
 * projects lie. The legend beside it names the numbered points (and, on a narrow screen, the lettered axes);
 * hovering a point names it too. The same coordinates follow in a table for screen readers and for anyone who wants
 * the figures.
 */
export default function GaiaChart(props: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { gaia } = props;
  const { ref, width } = useWidth<HTMLDivElement>();
  const built = useGaiaOption(props, width);
  return (
    <>
      <Grid gap="md" align="center">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <div
            ref={ref}
            role="img"
            aria-label={t('strategy.gaia.chartLabel', { delta: percent(gaia.delta, language, 0) })}
            style={{ minHeight: built?.height ?? 300 }}
          >
            {built ? <EChart option={built.option} height={built.height} /> : null}
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <GaiaLegend {...props} compact={built?.compact ?? false} />
        </Grid.Col>
      </Grid>
      <Text size="sm">
        {t('strategy.gaia.delta', { delta: percent(gaia.delta, language, 0) })}{' '}
        {gaia.delta < 0.7 ? t('strategy.gaia.lowDelta') : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {t('strategy.gaia.howToRead')}
      </Text>
      <GaiaData {...props} />
    </>
  );
}

/** The numbered points named, and on a narrow chart the lettered axes. */
function GaiaLegend({ gaia, ranking, titles, criterionName, compact }: Props & { compact: boolean }) {
  const { t } = useTranslation();
  const placed = new Set(gaia.alternatives.map((a) => a.id));
  const legend = [...ranking].filter((r) => placed.has(r.id)).sort((a, b) => a.rank - b.rank);
  return (
    <>
      <Text size="sm" fw={600} id="gaia-legend">
        {t('strategy.gaia.legend')}
      </Text>
      <List size="sm" spacing={4} listStyleType="none" aria-labelledby="gaia-legend" data-testid="gaia-legend">
        {legend.map((r) => (
          <List.Item key={r.id}>
            <Group gap={8} wrap="nowrap" align="flex-start">
              <Badge circle size="md" color="#0b6b6d" style={{ flex: 'none' }} aria-hidden="true">
                {r.rank}
              </Badge>
              <Text size="sm">
                <VisuallyHidden>{t('strategy.gaia.rankPrefix', { rank: r.rank })}</VisuallyHidden>
                {titles.get(r.id) ?? r.id}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      {compact ? (
        <>
          <Text size="sm" fw={600} id="gaia-axes" mt="sm">
            {t('strategy.gaia.axesLegend')}
          </Text>
          <List size="sm" spacing={2} listStyleType="none" aria-labelledby="gaia-axes">
            {gaia.criteria.map((c, i) => (
              <List.Item key={c.id}>
                <Text span fw={700} c="#24435b">
                  {axisLetter(i)}
                </Text>{' '}
                {criterionName.get(c.id) ?? c.id}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      <Text size="xs" c="dimmed" mt="sm">
        {t('strategy.gaia.legendHelp')}
      </Text>
    </>
  );
}

/** The plane's coordinates as a table, folded. */
function GaiaData({ gaia, titles, criterionName }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const row = (key: string, label: string, x: number, y: number) => (
    <Table.Tr key={key}>
      <Table.Td>{label}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{decimal(x, language)}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{decimal(y, language)}</Table.Td>
    </Table.Tr>
  );
  return (
    <details>
      <summary>
        <Text span size="sm">
          {t('strategy.gaia.data')}
        </Text>
      </summary>
      <Table withTableBorder mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('strategy.gaia.element')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              u
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              v
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gaia.alternatives.map((a) => row(`a:${a.id}`, titles.get(a.id) ?? a.id, a.x, a.y))}
          {gaia.criteria.map((c) =>
            row(`c:${c.id}`, `${t('strategy.gaia.axis')} ${criterionName.get(c.id) ?? c.id}`, c.x, c.y),
          )}
          {row('stick', t('strategy.gaia.stick'), gaia.decisionStick.x, gaia.decisionStick.y)}
        </Table.Tbody>
      </Table>
    </details>
  );
}
