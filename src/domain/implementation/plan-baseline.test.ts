import { describe, expect, it } from 'vitest';
import { baselineOf, initialBudget, initialFunding, planAgainstActual, spreadByYear } from './plan-baseline.ts';

describe('spreadByYear', () => {
  it('spreads a cost evenly over the months of work, summed by calendar year', () => {
    expect(spreadByYear(180_000, '2026-07', '2027-12')).toEqual([
      { year: 2026, amount: 60_000 },
      { year: 2027, amount: 120_000 },
    ]);
    expect(spreadByYear(50_000, '2027-03', '2027-08')).toEqual([{ year: 2027, amount: 50_000 }]);
  });

  it('keeps the cents: the years add up to the amount', () => {
    const years = spreadByYear(100_000, '2025-02', '2027-05');
    expect(years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(years.reduce((s, y) => s + y.amount, 0)).toBeCloseTo(100_000, 6);
  });
});

describe('planAgainstActual', () => {
  const baseline = baselineOf({
    planRunId: '00000000-0000-4000-8000-000000000001',
    approvedAt: '2026-01-15T10:00:00.000Z',
    horizon: 'short',
    startMonth: '2026-01',
    endMonth: '2027-12',
    investment: 200_000,
    funding: 150_000,
  });

  it('carries the own share and the planned cost by year, and starts the follow-up with them', () => {
    expect(baseline.ownShare).toBe(50_000);
    expect(baseline.byYear).toEqual([
      { year: 2026, planned: 100_000, ownShare: 25_000 },
      { year: 2027, planned: 100_000, ownShare: 25_000 },
    ]);
    expect(initialBudget(baseline)).toEqual([
      { year: 2026, planned: 100_000, committed: 0, spent: 0 },
      { year: 2027, planned: 100_000, committed: 0, spent: 0 },
    ]);
    expect(initialFunding([{ name: 'Smart Région', amount: 150_000, granted: true }])).toEqual([
      { kind: 'other', label: 'Smart Région', amount: 150_000, secured: true },
    ]);
  });

  it('flags a late start and a cost beyond 10 % of the plan, by project and by year', () => {
    const view = planAgainstActual(
      [
        {
          projectId: '00000000-0000-4000-8000-000000000002',
          title: 'Fibre',
          baseline,
          budget: [
            { year: 2026, planned: 100_000, committed: 130_000, spent: 90_000 },
            { year: 2027, planned: 100_000, committed: 0, spent: 0 },
          ],
          actualStart: '2026-06',
        },
      ],
      '2026-09-01',
    );
    const [row] = view.projects;
    expect(row).toMatchObject({ plannedStart: '2026-01', actualStart: '2026-06', startDriftMonths: 5 });
    expect(row!.drift).toEqual(['late']);
    expect(row!.years[0]).toMatchObject({ year: 2026, planned: 100_000, committed: 130_000, drift: true });
    expect(view.years[1]).toMatchObject({ year: 2027, drift: false });
    expect(view.totals).toEqual({ planned: 200_000, committed: 130_000, spent: 90_000 });
  });

  it('counts a project not started by today as late once the margin is past, and over cost overall', () => {
    const view = planAgainstActual(
      [
        {
          projectId: '00000000-0000-4000-8000-000000000003',
          title: 'Capteurs',
          baseline,
          budget: [{ year: 2028, planned: 0, committed: 240_000, spent: 0 }],
          actualStart: null,
        },
      ],
      '2026-03-20',
    );
    expect(view.projects[0]).toMatchObject({ startDriftMonths: 2, drift: ['over_cost'] });
    expect(view.projects[0]!.costDrift).toBeCloseTo(0.2, 9);
    // A year the plan did not foresee shows its spending against 0 planned.
    expect(view.years.find((y) => y.year === 2028)).toMatchObject({ planned: 0, committed: 240_000, drift: true });
  });
});
