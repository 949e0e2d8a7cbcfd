import { Table, Text } from '@mantine/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingAnalysis } from '../../../domain/strategy/strategy-api.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { decimal, percent } from './labels.ts';

echarts.use([ScatterChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** An ECharts chart in a div: created once, updated with the option, resized with its box, disposed on unmount. */
function EChart({ option, height }: { option: echarts.EChartsCoreOption; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} style={{ height, width: '100%' }} />;
}

type Gaia = NonNullable<RankingAnalysis['gaia']>;

const shorten = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The GAIA plane: projects as points, criteria as axes from the centre (scaled to the cloud of points, as GAIA
 * software draws them), and the decision stick π in red, pointing where the weighted best projects lie. The same
 * coordinates follow in a table for screen readers and for anyone who wants the figures.
 */
export default function GaiaChart(props: {
  gaia: Gaia;
  titles: Map<string, string>;
  criterionName: Map<string, string>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { gaia } = props;
  const spread = Math.max(1e-9, ...gaia.alternatives.map((a) => Math.hypot(a.x, a.y)));
  const axisLength = Math.max(1e-9, ...gaia.criteria.map((c) => Math.hypot(c.x, c.y)));
  const scale = spread / axisLength;
  const stickLength = Math.hypot(gaia.decisionStick.x, gaia.decisionStick.y);
  const stickScale = stickLength > 0 ? spread / stickLength : 0;
  const extent = spread * 1.35;

  const option = {
    animation: false,
    // A square plot, centred: both axes on the same scale, so the angles between criteria are true.
    grid: { width: 420, height: 420, top: 20, left: 'center', containLabel: false },
    xAxis: { type: 'value', min: -extent, max: extent, show: false },
    yAxis: { type: 'value', min: -extent, max: extent, show: false },
    tooltip: { trigger: 'item' },
    series: [
      ...gaia.criteria.map((c) => ({
        type: 'line',
        name: props.criterionName.get(c.id) ?? c.id,
        data: [
          [0, 0],
          [c.x * scale, c.y * scale],
        ],
        symbol: (_value: unknown, params: { dataIndex: number }) => (params.dataIndex === 0 ? 'none' : 'circle'),
        symbolSize: 4,
        lineStyle: { color: '#3b6f96', width: 1.5 },
        itemStyle: { color: '#3b6f96' },
        endLabel: {
          show: true,
          formatter: shorten(props.criterionName.get(c.id) ?? c.id, 22),
          color: '#2b5270',
          fontSize: 11,
        },
        tooltip: { show: false },
        silent: true,
      })),
      {
        type: 'line',
        name: 'π',
        data: [
          [0, 0],
          [gaia.decisionStick.x * stickScale, gaia.decisionStick.y * stickScale],
        ],
        symbol: (_value: unknown, params: { dataIndex: number }) => (params.dataIndex === 0 ? 'none' : 'arrow'),
        symbolSize: 14,
        symbolRotate: (Math.atan2(gaia.decisionStick.y, gaia.decisionStick.x) * 180) / Math.PI - 90,
        lineStyle: { color: '#c92a2a', width: 3 },
        itemStyle: { color: '#c92a2a' },
        endLabel: { show: true, formatter: 'π', color: '#a51d1d', fontWeight: 'bold', fontSize: 14 },
        silent: true,
      },
      {
        type: 'scatter',
        name: t('strategy.gaia.projects'),
        data: gaia.alternatives.map((a) => ({
          value: [a.x, a.y],
          name: props.titles.get(a.id) ?? a.id,
        })),
        symbolSize: 11,
        itemStyle: { color: '#0b6b6d', borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { name: string }) => shorten(p.name),
          color: '#1a1b1e',
          fontSize: 11,
        },
        labelLayout: { hideOverlap: true },
        tooltip: { formatter: (p: { name: string }) => p.name },
      },
    ],
  };

  return (
    <>
      <div role="img" aria-label={t('strategy.gaia.chartLabel', { delta: percent(gaia.delta, language, 0) })}>
        <EChart option={option} height={460} />
      </div>
      <Text size="sm">
        {t('strategy.gaia.delta', { delta: percent(gaia.delta, language, 0) })}{' '}
        {gaia.delta < 0.7 ? t('strategy.gaia.lowDelta') : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {t('strategy.gaia.howToRead')}
      </Text>
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
            {gaia.alternatives.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{props.titles.get(a.id) ?? a.id}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{decimal(a.x, language)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{decimal(a.y, language)}</Table.Td>
              </Table.Tr>
            ))}
            {gaia.criteria.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{`${t('strategy.gaia.axis')} ${props.criterionName.get(c.id) ?? c.id}`}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{decimal(c.x, language)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{decimal(c.y, language)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>{t('strategy.gaia.stick')}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{decimal(gaia.decisionStick.x, language)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{decimal(gaia.decisionStick.y, language)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </details>
    </>
  );
}
