import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useCallback } from 'react';
import { escapeHtml } from '../../lib/html.ts';
import { useECharts } from '../../lib/use-echarts.ts';

// Only bars, their grid, tooltip and the « large gap » line, in SVG: loaded lazily with the targets section.
echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type GapBar = { label: string; gap: number; colour: string };

export type GapChartProps = {
  bars: GapBar[];
  /** Where a gap becomes large (a dashed line). */
  largeGap: number;
  /** Accessible name; the table below the chart gives the figures. */
  label: string;
  format(value: number): string;
};

/** The gap of each factor for one horizon, as horizontal bars (a reached target is a bar to the left of 0). */
export default function GapChart(props: GapChartProps) {
  const option = useCallback(
    (chartElement: HTMLDivElement) => {
      const bars = [...props.bars].reverse(); // ECharts draws the first category at the bottom
      const narrow = chartElement.clientWidth < 420;
      return {
        animation: false,
        grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          // The factors' names come from the guide, which consultants edit: escaped before the tooltip's HTML.
          formatter: (params: unknown) => {
            const point = (Array.isArray(params) ? params[0] : params) as { name: string; value: number };
            return `${escapeHtml(point.name)} : ${escapeHtml(props.format(Number(point.value)))}`;
          },
        },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => props.format(v) } },
        yAxis: {
          type: 'category',
          data: bars.map((b) => b.label),
          // Narrower names on a phone, so the bars keep room.
          axisLabel: { width: narrow ? 100 : 150, overflow: 'truncate', color: '#1f2a30' },
        },
        series: [
          {
            type: 'bar',
            data: bars.map((b) => ({ value: b.gap, itemStyle: { color: b.gap > 0 ? b.colour : '#adb5bd' } })),
            barMaxWidth: 18,
            label: { show: true, position: 'right', formatter: (p: { value: number }) => props.format(p.value) },
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#c92a2a' },
              label: { show: false },
              data: [{ xAxis: props.largeGap }],
            },
          },
        ],
      };
    },
    [props.bars, props.largeGap, props.format],
  );
  const element = useECharts(option);

  return (
    <div
      ref={element}
      role="img"
      aria-label={props.label}
      data-testid="gap-chart"
      style={{ width: '100%', height: Math.max(120, props.bars.length * 26 + 40) }}
    />
  );
}
