import { describe, expect, it } from 'vitest';
import { gaiaOption } from './gaia-option.ts';

const ids = ['a', 'b', 'c'].map((x) => `00000000-0000-4000-8000-00000000000${x}`);
const gaia = {
  delta: 0.82,
  alternatives: [
    { id: ids[0]!, x: 0.4, y: 0.1 },
    { id: ids[1]!, x: 0.38, y: 0.12 },
    { id: ids[2]!, x: -0.5, y: -0.2 },
  ],
  criteria: [
    { id: 'k1', x: 0.9, y: 0.1 },
    { id: 'k2', x: -0.1, y: 0.8 },
    { id: 'k3', x: -0.7, y: -0.05 },
  ],
  decisionStick: { x: 0.6, y: 0.3 },
};

const view = (width: number) => ({
  gaia,
  titles: new Map([
    [ids[0]!, '<img src=x onerror="alert(1)">'],
    [ids[1]!, 'Éclairage public intelligent'],
    [ids[2]!, 'Guichet numérique'],
  ]),
  criterionName: new Map([
    ['k1', 'Impact pour les citoyens'],
    ['k2', 'Ouverture et interopérabilité'],
    ['k3', '<b>Coût</b>'],
  ]),
  ranks: new Map([
    [ids[0]!, { rank: 1, phi: 0.3 }],
    [ids[1]!, { rank: 2, phi: 0.1 }],
    [ids[2]!, { rank: 3, phi: -0.4 }],
  ]),
  width,
  minHeight: 280,
  maxHeight: 620,
  labels: { projects: 'Projets', rankLine: (rank: number, phi: number) => `Rang ${rank} · φ = ${phi}` },
});

type Member = { name: string; rank: number | null; phi: number | null };
type Series = {
  name: string;
  data: { name: string; ranks?: string; members?: Member[]; label?: { position: string } }[];
  tooltip?: { formatter?: unknown };
  label?: { formatter?: unknown };
};
const seriesOf = (width: number) => gaiaOption(view(width)).option.series as Series[];

describe('gaiaOption', () => {
  it('escapes project titles and criterion names in tooltips: a title is text, never HTML', () => {
    const projects = seriesOf(900).find((s) => s.name === 'Projets')!;
    const tooltip = projects.tooltip!.formatter as (p: unknown) => string;
    const html = projects.data.map((d) => tooltip({ data: d })).join('');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
    expect(html).toContain('Rang 1 · φ = 0.3');
    const criteria = seriesOf(900).find((s) => s.name === 'criteria')!;
    expect((criteria.tooltip!.formatter as (p: unknown) => string)({ name: '<b>Coût</b>' })).toBe(
      '&#60;b&#62;Coût&#60;/b&#62;',
    );
  });

  it('numbers the points by rank; points that would overlap share one marker with both ranks', () => {
    const projects = seriesOf(900).find((s) => s.name === 'Projets')!;
    const label = projects.label!.formatter as (p: { data: unknown }) => string;
    // Projects 1 and 2 lie 0.028 apart: a few pixels on this chart.
    expect(projects.data.map((d) => label({ data: d }))).toEqual(['1, 2', '3']);
    expect(projects.data[0]!.members!.map((m) => m.rank)).toEqual([1, 2]);
  });

  it('places each axis name outward from its end', () => {
    const criteria = seriesOf(900).find((s) => s.name === 'criteria')!;
    expect(criteria.data.map((d) => d.label!.position)).toEqual(['right', 'left', 'left']);
  });

  it('fits the plot to what it draws, on one scale, inside the chart, from a phone to a wide card', () => {
    for (const width of [600, 900, 1400]) {
      const { option, height } = gaiaOption(view(width));
      const grid = option.grid as { width: number; height: number; left: number; top: number };
      const x = option.xAxis as { min: number; max: number };
      const y = option.yAxis as { min: number; max: number };
      // One scale: pixels per unit are the same across and up.
      expect(grid.width / (x.max - x.min)).toBeCloseTo(grid.height / (y.max - y.min), 6);
      expect(grid.left).toBeGreaterThanOrEqual(70);
      expect(grid.left + grid.width).toBeLessThanOrEqual(width - 70);
      expect(grid.top).toBeGreaterThanOrEqual(20);
      expect(grid.top + grid.height).toBeLessThanOrEqual(height - 20);
      expect(height).toBeLessThanOrEqual(620);
      // The plot takes the card's width or the whole height it may use: no large empty area around it.
      const labelRoom = 2 * (Math.min(130, Math.max(70, width * 0.2)) + 12);
      expect(grid.width >= (width - labelRoom) * 0.99 || grid.height >= (620 - 68) * 0.99).toBe(true);
      // Every point and axis end lies inside the plotted ranges.
      for (const p of [...gaia.alternatives, { x: 0, y: 0 }]) {
        expect(p.x).toBeGreaterThan(x.min);
        expect(p.x).toBeLessThan(x.max);
        expect(p.y).toBeGreaterThan(y.min);
        expect(p.y).toBeLessThan(y.max);
      }
    }
  });
});

describe('gaiaOption on a narrow screen', () => {
  it('letters the axes and gives the plot the width the names took', () => {
    const { option, compact } = gaiaOption(view(340));
    expect(compact).toBe(true);
    const criteria = (option.series as Series[]).find((s) => s.name === 'criteria')!;
    expect(criteria.data.map((d) => (d.label as { formatter?: string }).formatter)).toEqual(['A', 'B', 'C']);
    expect((option.grid as { width: number }).width).toBeGreaterThan(340 - 2 * 22 - 1 - 60);
  });
});
