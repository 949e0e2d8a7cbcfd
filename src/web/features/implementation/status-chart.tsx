import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { type ChartUnit, chartValue } from '../../components/chart-format.ts';
import { useECharts } from '../../lib/use-echarts.ts';
import { useLanguage } from '../../lib/use-language.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type BarSeries = { name: string; colour: string; values: number[] };

/** A plain bar chart (ECharts): categories along the axis, one or more series. */
export default function BarsChart(props: {
  categories: string[];
  series: BarSeries[];
  label: string;
  horizontal?: boolean;
  height?: number;
  /** What the values are: counts of projects (default) or euros. */
  unit?: ChartUnit;
}) {
  const language = useLanguage();

  const option = useMemo(() => {
    const category = { type: 'category', data: props.categories, axisLabel: { color: '#1f2a30' } };
    const format = chartValue(props.unit ?? 'count', language);
    const value = { type: 'value', axisLabel: { color: '#1f2a30', formatter: format }, minInterval: 1 };
    return {
      animation: false,
      grid: { left: props.horizontal ? 130 : props.unit === 'euro' ? 96 : 60, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: format },
      legend: props.series.length > 1 ? { top: 0, textStyle: { color: '#1f2a30' } } : undefined,
      xAxis: props.horizontal ? value : category,
      yAxis: props.horizontal ? category : value,
      series: props.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        itemStyle: { color: s.colour },
      })),
    };
  }, [props.categories, props.series, props.horizontal, props.unit, language]);
  const element = useECharts(option);

  return (
    <div ref={element} role="img" aria-label={props.label} style={{ width: '100%', height: props.height ?? 240 }} />
  );
}
