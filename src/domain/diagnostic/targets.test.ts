import { describe, expect, it } from 'vitest';
import {
  categoriesOf,
  computeGaps,
  type FactorScore,
  gapOf,
  largeGaps,
  type MaturityTarget,
  pointersFor,
  TargetsInput,
  targetScaleIssues,
  unclosedGaps,
} from './targets.ts';

const FACTORS: FactorScore[] = [
  { factorKey: 'broadband', label: 'Très haut débit', dimension: 'living', mean: 1.2 },
  { factorKey: 'health', label: 'Santé', dimension: 'living', mean: 2.75 },
  { factorKey: 'buses', label: 'Bus à la demande', dimension: 'mobility', mean: 0.5 },
  { factorKey: 'e-gov', label: 'E-guichet', dimension: 'governance', mean: null },
];

const TARGETS: MaturityTarget[] = [
  { dimension: 'living', horizon: 'short', level: 2 },
  { dimension: 'living', horizon: 'long', level: 3.5 },
  { dimension: 'mobility', horizon: 'short', level: 1 },
  { dimension: 'mobility', horizon: 'medium', level: 2 },
  { dimension: 'governance', horizon: 'short', level: 3 },
];

describe('the gap of a factor', () => {
  it('is the target of its dimension for the horizon minus its current score', () => {
    const gaps = computeGaps(FACTORS, TARGETS);
    // Très haut débit at 1,2, living's short-term target 2: 0,8 to go; long term 3,5: 2,3; no medium target.
    expect(gaps[0]!.gaps).toEqual({ short: 0.8, medium: null, long: 2.3 });
    // Santé at 2,75 is beyond the short-term target 2: a negative gap, the target is reached.
    expect(gaps[1]!.gaps).toEqual({ short: -0.75, medium: null, long: 0.75 });
    expect(gaps[2]!.gaps).toEqual({ short: 0.5, medium: 1.5, long: null });
    // Not assessed: no gap, whatever the target.
    expect(gaps[3]!.gaps).toEqual({ short: null, medium: null, long: null });
  });

  it('is rounded to the hundredth, and null without a target or a score', () => {
    expect(gapOf(3, 2.333333)).toBe(0.67);
    expect(gapOf(null, 2)).toBeNull();
    expect(gapOf(2, null)).toBeNull();
  });

  it('is large from a whole level on, largest first', () => {
    const gaps = computeGaps(FACTORS, TARGETS);
    expect(largeGaps(gaps, 'short').map((g) => g.factorKey)).toEqual([]);
    expect(largeGaps(gaps, 'long').map((g) => [g.factorKey, g.gaps.long])).toEqual([['broadband', 2.3]]);
    expect(largeGaps(gaps, 'medium').map((g) => g.factorKey)).toEqual(['buses']);
  });

  it('is left open when a gap remains and no sheet closes it', () => {
    const gaps = computeGaps(FACTORS, TARGETS).map((g) => ({
      ...g,
      closedBy: g.factorKey === 'buses' ? [{ projectId: 'p', title: 'Bus' }] : [],
    }));
    // Santé has reached its short-term target: nothing to close. Bus is closed by a sheet.
    expect(unclosedGaps(gaps, 'short').map((g) => g.factorKey)).toEqual(['broadband']);
  });
});

describe('the targets a consultant sets', () => {
  it('take levels and half-levels, once per dimension and horizon, never lower later', () => {
    expect(TargetsInput.safeParse({ targets: TARGETS }).success).toBe(true);
    const messages = (targets: unknown[]) =>
      TargetsInput.safeParse({ targets }).error?.issues.map((i) => [i.message, i.path.join('.')]) ?? [];
    expect(messages([{ dimension: 'living', horizon: 'short', level: 2.3 }])[0]?.[1]).toBe('targets.0.level');
    expect(
      messages([
        { dimension: 'living', horizon: 'short', level: 2 },
        { dimension: 'living', horizon: 'short', level: 3 },
      ]),
    ).toContainEqual(['TARGET_DUPLICATE', 'targets.1']);
    expect(
      messages([
        { dimension: 'economy', horizon: 'long', level: 1 },
        { dimension: 'economy', horizon: 'short', level: 2 },
      ]),
    ).toEqual([['TARGET_BELOW_EARLIER_HORIZON', 'targets.0.level']]);
  });

  it('stay within the scale of the mission’s guide', () => {
    expect(targetScaleIssues(TARGETS, 4)).toEqual([]);
    expect(targetScaleIssues(TARGETS, 3)).toEqual([{ message: 'TARGET_ABOVE_SCALE', path: ['targets', 1, 'level'] }]);
  });
});

describe('what a gap points to', () => {
  const solutions = [
    { name: 'Zèbre', status: 'listed', dimensions: ['mobility'], categories: ['other'] },
    { name: 'Bus malin', status: 'under_watch', dimensions: [], categories: ['mobility-on-demand'] },
    { name: 'Autobus', status: 'listed', dimensions: [], categories: ['mobility-on-demand'] },
    { name: 'Poubelle', status: 'listed', dimensions: ['environment'], categories: ['waste'] },
  ];
  it('takes the solutions of the dimension or its categories, listed first, and the watch items of its categories', () => {
    const mobility = categoriesOf('mobility');
    expect(mobility.length).toBeGreaterThan(0);
    const category = mobility[0]!;
    const fixed = solutions.map((s) =>
      s.categories[0] === 'mobility-on-demand' ? { ...s, categories: [category] } : s,
    );
    const watch = [
      { title: 'Navette autonome', categories: [category] },
      { title: 'Compost', categories: ['waste'] },
    ];
    const found = pointersFor('mobility', fixed, watch);
    expect(found.solutions.map((s) => s.name)).toEqual(['Autobus', 'Zèbre', 'Bus malin']);
    expect(found.watch.map((w) => w.title)).toEqual(['Navette autonome']);
    expect(pointersFor('mobility', fixed, watch, 1).solutions.map((s) => s.name)).toEqual(['Autobus']);
  });
});
