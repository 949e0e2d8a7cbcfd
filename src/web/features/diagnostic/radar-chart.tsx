import { RadarChart as EchartsRadar } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useECharts } from '../../lib/use-echarts.ts';

// Only the radar, its legend and tooltip, drawn in SVG: this module is loaded lazily with the results page.
echarts.use([EchartsRadar, LegendComponent, TooltipComponent, SVGRenderer]);

export type RadarSeries = { name: string; values: (number | null)[]; colour: string; area?: boolean; dashed?: boolean };

export type RadarProps = {
  axes: string[];
  max: number;
  series: RadarSeries[];
  /** Accessible name; the table beside the chart gives the figures. */
  label: string;
  format(value: number): string;
  height?: number;
};

/** The six dimensions on a radar (ECharts), the commune against the province and similar communes. */
export default function RadarChart(props: RadarProps) {
  const option = useMemo(() => {
    return {
      animation: false,
      legend: { bottom: 0, textStyle: { color: '#1f2a30' } },
      // Scores as the tables write them (« 2,4 »), not ECharts' « 2.43 ».
      tooltip: { trigger: 'item', valueFormatter: (value: unknown) => props.format(Number(value)) },
      radar: {
        indicator: props.axes.map((name) => ({ name, max: props.max, min: 0 })),
        splitNumber: props.max,
        radius: '60%',
        center: ['50%', '45%'],
        axisName: { color: '#1f2a30', fontSize: 13 },
        splitArea: { areaStyle: { color: ['#ffffff', '#f5f8f8'] } },
      },
      series: [
        {
          type: 'radar',
          data: props.series
            .filter((s) => s.values.some((v) => v !== null))
            .map((s) => ({
              name: s.name,
              value: s.values.map((v) => (v === null ? 0 : Number(v.toFixed(2)))),
              itemStyle: { color: s.colour },
              lineStyle: { color: s.colour, width: s.area ? 2.5 : 1.5, type: s.dashed ? 'dashed' : 'solid' },
              areaStyle: s.area ? { color: s.colour, opacity: 0.2 } : undefined,
              symbolSize: 5,
            })),
        },
      ],
    };
  }, [props.axes, props.max, props.series, props.format]);
  const element = useECharts(option);

  return (
    <div
      ref={element}
      role="img"
      aria-label={props.label}
      data-testid="radar-chart"
      style={{ width: '100%', height: props.height ?? 440 }}
    />
  );
}
