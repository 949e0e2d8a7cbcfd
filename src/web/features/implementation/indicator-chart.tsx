import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { Indicator } from '../../../domain/implementation/follow-up.ts';
import { formatDate, type Locale } from '../../../domain/shared/format.ts';
import { chartTimeTick, chartValue } from '../../components/chart-format.ts';
import { escapeHtml } from '../../lib/html.ts';
import { useECharts } from '../../lib/use-echarts.ts';
import { useLanguage } from '../../lib/use-language.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** An indicator's measurements over time, with its baseline and target as lines. */
export default function IndicatorChart(props: {
  indicator: Indicator;
  label: string;
  baselineLabel: string;
  targetLabel: string;
}) {
  const { indicator } = props;
  const language = useLanguage();

  const option = useMemo(
    () => indicatorChartOption(indicator, { baseline: props.baselineLabel, target: props.targetLabel }, language),
    [indicator, props.baselineLabel, props.targetLabel, language],
  );
  const element = useECharts(option);

  return <div ref={element} role="img" aria-label={props.label} style={{ width: '100%', height: 220 }} />;
}

/** The chart's ECharts option: the measurements as a line, the baseline and the target as marked lines. */
function indicatorChartOption(
  indicator: Indicator,
  labels: { baseline: string; target: string },
  language: Locale,
): echarts.EChartsCoreOption {
  // The axis always shows the baseline and the target, so the way left to go is visible.
  const values = [indicator.baseline, indicator.target, ...indicator.measurements.map((m) => m.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.1;
  const value = chartValue('number', language);
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 28, bottom: 30 },
    tooltip: {
      trigger: 'axis',
      // « 31/01/2027 — Consommation : 1 234,5 kWh », not ECharts' « 2027-01-31 » and « 1,234.5 ».
      formatter: (points: { value: [string, number]; seriesName: string }[]) =>
        points
          .map(
            // The indicator's name and unit are typed by people: text, never markup.
            (p) =>
              `${formatDate(p.value[0], language)} — ${escapeHtml(p.seriesName)} : ${value(p.value[1])} ${escapeHtml(indicator.unit)}`,
          )
          .join('<br/>'),
    },
    xAxis: {
      type: 'time',
      // Ticks a month apart at least, on the first of the month: « nov. 2026 », « janv. 2027 ».
      minInterval: 28 * 86_400_000,
      axisLabel: { color: '#1f2a30', formatter: chartTimeTick(language), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: indicator.unit,
      min: Math.floor(low - pad),
      max: Math.ceil(high + pad),
      axisLabel: { color: '#1f2a30', formatter: value },
    },
    series: [
      {
        type: 'line',
        name: indicator.name,
        data: indicator.measurements.map((m) => [m.date, m.value]),
        itemStyle: { color: '#1864ab' },
        symbolSize: 7,
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', color: '#1f2a30', position: 'insideStartTop' },
          data: [
            {
              name: labels.baseline,
              yAxis: indicator.baseline,
              lineStyle: { color: '#5c6670', type: 'dashed' },
            },
            { name: labels.target, yAxis: indicator.target, lineStyle: { color: '#2b8a3e', type: 'solid' } },
          ],
        },
      },
    ],
  };
}
