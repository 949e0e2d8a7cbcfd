import type { RankingAnalysis } from '../../../domain/strategy/mission-model.ts';
import { escapeHtml } from '../../lib/html.ts';

type Gaia = NonNullable<RankingAnalysis['gaia']>;

export type GaiaLabels = {
  projects: string;
  /** "Rang 2 · φ = 0,183", worded by the caller in the UI's language. */
  rankLine(rank: number, phi: number): string;
};

export type GaiaView = {
  gaia: Gaia;
  /** Project titles and criterion names by id. */
  titles: ReadonlyMap<string, string>;
  criterionName: ReadonlyMap<string, string>;
  /** PROMETHEE II rank and net flow of each project: the points carry their rank, the legend lists them. */
  ranks: ReadonlyMap<string, { rank: number; phi: number }>;
  /** The chart's width in pixels (its card's), and the bounds of its height: the plot fits what it draws. */
  width: number;
  minHeight: number;
  maxHeight: number;
  labels: GaiaLabels;
};

const AXIS = '#3b6f96';
const STICK = '#c92a2a';
const POINT = '#0b6b6d';

/**
 * Where an axis's name goes: beside its end, on the side the axis points to, so names of axes that point the same
 * way (up, say) part left and right instead of stacking; close names are then moved apart vertically.
 */
function labelPosition(x: number): 'left' | 'right' {
  return x >= 0 ? 'right' : 'left';
}

/** Below this width the axes carry letters (A, B, …) and the legend names them. */
export const COMPACT_BELOW = 560;

/** The letter of the i-th criterion's axis on a narrow chart. */
export function axisLetter(i: number): string {
  return String.fromCharCode(65 + (i % 26));
}

type Point = { x: number; y: number };
type Group = { x: number; y: number; members: { name: string; rank: number | null; phi: number | null }[] };

/** Points closer than `gap` pixels are drawn as one marker carrying every rank ("5, 7"), not one over the other. */
function groupClosePoints(points: (Point & Group['members'][number])[], pixels: number, gap: number): Group[] {
  const groups: Group[] = [];
  for (const point of [...points].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))) {
    const near = groups.find((g) => Math.hypot((g.x - point.x) * pixels, (g.y - point.y) * pixels) < gap);
    const member = { name: point.name, rank: point.rank, phi: point.phi };
    if (near) near.members.push(member);
    else groups.push({ x: point.x, y: point.y, members: [member] });
  }
  return groups;
}

/** Where everything goes: the axes and the stick scaled to the cloud of points, one scale for both axes. */
function layout(view: GaiaView) {
  const { gaia } = view;
  const spread = Math.max(1e-9, ...gaia.alternatives.map((a) => Math.hypot(a.x, a.y)));
  const axisLength = Math.max(1e-9, ...gaia.criteria.map((c) => Math.hypot(c.x, c.y)));
  const scale = spread / axisLength;
  const stickLength = Math.hypot(gaia.decisionStick.x, gaia.decisionStick.y);
  const stickScale = stickLength > 0 ? spread / stickLength : 0;
  const axisEnds = gaia.criteria.map((c) => ({ id: c.id, x: c.x * scale, y: c.y * scale }));
  const stick = { x: gaia.decisionStick.x * stickScale, y: gaia.decisionStick.y * stickScale };

  // The box of everything drawn (and the centre), padded, in data units.
  const drawn: Point[] = [{ x: 0, y: 0 }, stick, ...axisEnds, ...gaia.alternatives];
  const pad = spread * 0.08;
  const minX = Math.min(...drawn.map((p) => p.x)) - pad;
  const maxX = Math.max(...drawn.map((p) => p.x)) + pad;
  const minY = Math.min(...drawn.map((p) => p.y)) - pad;
  const maxY = Math.max(...drawn.map((p) => p.y)) + pad;
  // Room for the axes' names on each side (they wrap at labelWidth), then one scale for both axes. A narrow chart
  // letters its axes (the legend names them) and keeps its width for the plot.
  const compact = view.width < COMPACT_BELOW;
  const labelWidth = compact ? 12 : Math.round(Math.min(130, Math.max(70, view.width * 0.2)));
  const margin = compact ? { x: 22, y: 22 } : { x: labelWidth + 12, y: 34 };
  const pixels = Math.min((view.width - 2 * margin.x) / (maxX - minX), (view.maxHeight - 2 * margin.y) / (maxY - minY));
  const plot = { width: (maxX - minX) * pixels, height: (maxY - minY) * pixels };
  const height = Math.round(Math.max(view.minHeight, plot.height + 2 * margin.y));
  return { axisEnds, stick, box: { minX, maxX, minY, maxY }, compact, labelWidth, pixels, plot, height };
}

type Layout = ReturnType<typeof layout>;

/** The criteria: a line from the centre for each, and its end named (or lettered on a narrow chart). */
function criteriaSeries(view: GaiaView, at: Layout) {
  const name = (id: string) => view.criterionName.get(id) ?? id;
  return [
    ...at.axisEnds.map((end) => ({
      type: 'line',
      name: name(end.id),
      data: [
        [0, 0],
        [end.x, end.y],
      ],
      symbol: 'none',
      lineStyle: { color: AXIS, width: 1.5 },
      tooltip: { show: false },
      silent: true,
      z: 1,
    })),
    {
      type: 'scatter',
      name: 'criteria',
      data: at.axisEnds.map((end, i) => ({
        value: [end.x, end.y],
        name: name(end.id),
        label: { position: labelPosition(end.x), ...(at.compact ? { formatter: axisLetter(i) } : {}) },
      })),
      symbolSize: 6,
      itemStyle: { color: AXIS },
      label: {
        show: true,
        formatter: '{b}',
        color: '#24435b',
        fontSize: at.compact ? 12 : 11,
        distance: 7,
        fontWeight: at.compact ? 'bold' : 'normal',
        width: at.labelWidth,
        overflow: 'break',
        lineHeight: 13,
      },
      labelLayout: { moveOverlap: 'shiftY' },
      tooltip: { formatter: (p: { name: string }) => escapeHtml(p.name) },
      z: 2,
    },
  ];
}

/** The decision stick π: an arrow from the centre. */
function stickSeries(at: Layout) {
  const { stick } = at;
  return {
    type: 'line',
    name: 'π',
    data: [
      [0, 0],
      [stick.x, stick.y],
    ],
    symbol: (_value: unknown, params: { dataIndex: number }) => (params.dataIndex === 0 ? 'none' : 'arrow'),
    symbolSize: 14,
    symbolRotate: (Math.atan2(stick.y, stick.x) * 180) / Math.PI - 90,
    lineStyle: { color: STICK, width: 3 },
    itemStyle: { color: STICK },
    endLabel: { show: true, formatter: 'π', color: '#a51d1d', fontWeight: 'bold', fontSize: 14 },
    silent: true,
    z: 3,
  };
}

/** The projects: points numbered by rank, close ones sharing a marker; their titles and flows on hover. */
function projectSeries(view: GaiaView, at: Layout) {
  const groups = groupClosePoints(
    view.gaia.alternatives.map((a) => ({
      x: a.x,
      y: a.y,
      name: view.titles.get(a.id) ?? a.id,
      rank: view.ranks.get(a.id)?.rank ?? null,
      phi: view.ranks.get(a.id)?.phi ?? null,
    })),
    at.pixels,
    20,
  );
  const tooltipOf = (members: Group['members']) =>
    members
      .map(
        (m) =>
          `<strong>${escapeHtml(m.name)}</strong>${
            m.rank !== null && m.phi !== null ? `<br>${escapeHtml(view.labels.rankLine(m.rank, m.phi))}` : ''
          }`,
      )
      .join('<br>');
  return {
    type: 'scatter',
    name: view.labels.projects,
    data: groups.map((g) => {
      const ranks = g.members.map((m) => (m.rank === null ? '' : String(m.rank))).filter(Boolean);
      return {
        value: [g.x, g.y],
        name: g.members.map((m) => m.name).join(' · '),
        ranks: ranks.join(', '),
        members: g.members,
        symbolSize: ranks.length > 1 ? [12 + 7 * ranks.join(', ').length, 22] : 22,
        symbol: ranks.length > 1 ? 'roundRect' : 'circle',
      };
    }),
    itemStyle: { color: POINT, borderColor: '#ffffff', borderWidth: 1.5, opacity: 0.92 },
    label: {
      show: true,
      position: 'inside',
      formatter: (p: { data: { ranks: string } }) => p.data.ranks,
      color: '#ffffff',
      fontWeight: 'bold',
      fontSize: 11,
    },
    emphasis: { scale: 1.2 },
    tooltip: { formatter: (p: { data: { members: Group['members'] } }) => tooltipOf(p.data.members) },
    z: 4,
  };
}

/**
 * The ECharts option of the GAIA plane, and the chart's height: projects as points numbered by rank (their titles
 * and flows on hover and in the legend beside the chart; points that would overlap share one marker), criteria as
 * axes from the centre with their names placed outward, and the decision stick π. Both axes share one scale, so
 * angles are true; the plot is fitted to what it draws and takes the card's width, so no corner stays empty. Every
 * text that reaches the tooltip's HTML is escaped.
 */
export function gaiaOption(view: GaiaView): { option: Record<string, unknown>; height: number; compact: boolean } {
  const at = layout(view);
  const { plot, height, box } = at;
  const option = {
    animation: false,
    grid: {
      width: plot.width,
      height: plot.height,
      left: (view.width - plot.width) / 2,
      top: (height - plot.height) / 2,
      containLabel: false,
    },
    xAxis: { type: 'value', min: box.minX, max: box.maxX, show: false },
    yAxis: { type: 'value', min: box.minY, max: box.maxY, show: false },
    tooltip: { trigger: 'item', confine: true },
    series: [...criteriaSeries(view, at), stickSeries(at), projectSeries(view, at)],
  };
  return { option, height, compact: at.compact };
}
