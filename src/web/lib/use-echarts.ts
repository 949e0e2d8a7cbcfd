import { type ECharts, type EChartsCoreOption, init } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** A chart's option, or a function of the chart's element when the option depends on its size. */
export type ChartOption = EChartsCoreOption | ((element: HTMLDivElement) => EChartsCoreOption);

/**
 * An ECharts chart (SVG) in the div that takes the returned ref: created on mount, drawn anew (not merged) whenever
 * `option` changes — so memoise it with what it depends on —, resized with the window, disposed on unmount. Null
 * draws nothing yet. The caller registers the chart types and components it uses (`echarts.use`).
 *
 * The hook owns both effects, so a caller's own dependency list is only the option's `useMemo`/`useCallback`.
 */
export function useECharts(option: ChartOption | null) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !element.current || !option) return;
    // The container's size may follow the data (a bar per factor, a height per width): measured before drawing.
    instance.resize();
    instance.setOption(typeof option === 'function' ? option(element.current) : option, { notMerge: true });
  }, [option]);

  return element;
}
