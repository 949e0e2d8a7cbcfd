import { describe, expect, it } from 'vitest';
import { fundingAmount, projectFunding } from './funding.ts';
import { DEFAULT_HORIZONS } from './horizons.ts';
import { analyseRanking, buildPortfolioProblem, phasingOf, type StrategyData } from './mission-model.ts';
import { greedyPlan } from './portfolio-greedy.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('projectFunding', () => {
  it('takes a line’s amount, else its rate of the investment, and caps it at the investment', () => {
    expect(fundingAmount({ amount: 30_000 }, 100_000)).toBe(30_000);
    expect(fundingAmount({ rate: 75 }, 100_000)).toBe(75_000);
    expect(fundingAmount({ amount: null, rate: null }, 100_000)).toBe(0);
    expect(fundingAmount({ amount: 250_000 }, 100_000)).toBe(100_000);
  });

  it('counts requested and granted lines, or granted lines only', () => {
    const project = {
      investmentCost: 200_000,
      funding: [
        { name: 'Smart Région', rate: 50, status: 'requested' as const },
        { name: 'PCDR', amount: 40_000, status: 'granted' as const },
        { name: 'FEDER (sans statut : demandé)', amount: 10_000 },
      ],
    };
    expect(projectFunding(project)).toEqual({
      investment: 200_000,
      funding: 150_000,
      ownShare: 50_000,
      requested: 110_000,
      granted: 40_000,
    });
    expect(projectFunding(project, 'granted')).toMatchObject({ funding: 40_000, ownShare: 160_000 });
    // Lines adding up beyond the investment leave the commune nothing to pay, never a negative share.
    expect(
      projectFunding({
        investmentCost: 10_000,
        funding: [
          { name: 'a', rate: 80 },
          { name: 'b', rate: 80 },
        ],
      }),
    ).toMatchObject({ funding: 10_000, ownShare: 0 });
    expect(projectFunding({ investmentCost: 10_000 })).toMatchObject({ funding: 0, ownShare: 10_000 });
  });
});

describe('the plan charges the commune’s own share', () => {
  const C = { impact: uuid(101) };
  const data = (fundingStatus: 'requested' | 'granted'): StrategyData => ({
    criteria: [{ id: C.impact, direction: 'max', weight: 1, preference: { type: 'usual' }, source: 'manual' }],
    projects: [
      {
        id: uuid(1),
        title: 'Fibre',
        status: 'proposed',
        investmentCost: 400_000,
        runningCostPerYear: 0,
        requires: [],
        excludes: [],
        earliestHorizon: null,
        mandatory: false,
        funding: [{ name: 'Smart Région', rate: 75, status: fundingStatus }],
      },
      {
        id: uuid(2),
        title: 'Guichet',
        status: 'proposed',
        investmentCost: 90_000,
        runningCostPerYear: 0,
        requires: [],
        excludes: [],
        earliestHorizon: null,
        mandatory: false,
      },
    ],
    evaluations: [
      { projectId: uuid(1), criterionId: C.impact, value: 5 },
      { projectId: uuid(2), criterionId: C.impact, value: 2 },
    ],
    horizons: DEFAULT_HORIZONS.map((h, i) => ({ ...h, budget: i === 0 ? 100_000 : 0 })),
    locks: [],
  });

  it('a project 75 % subsidised costs a quarter of its investment, and fits where its gross cost would not', () => {
    const requested = data('requested');
    const ranking = analyseRanking(requested).ranking;
    const { problem } = buildPortfolioProblem(requested, ranking);
    expect(problem.projects.find((p) => p.id === uuid(1))!.cost).toBe(100_000);
    expect(greedyPlan(problem).map((p) => p.id)).toEqual([uuid(1)]);
    // Counting granted funding only, the same request is the gross investment, and the plan changes.
    const prudent = buildPortfolioProblem(requested, ranking, { fundingBasis: 'granted' }).problem;
    expect(prudent.projects.find((p) => p.id === uuid(1))!.cost).toBe(400_000);
    expect(greedyPlan(prudent).map((p) => p.id)).toEqual([uuid(2)]);
    // Once granted, both bases agree.
    const granted = data('granted');
    expect(
      buildPortfolioProblem(granted, ranking, { fundingBasis: 'granted' }).problem.projects.find(
        (p) => p.id === uuid(1),
      )!.cost,
    ).toBe(100_000);
  });
});

describe('phasingOf: a project’s cost over the horizons it runs in', () => {
  const horizons = DEFAULT_HORIZONS;
  it('spreads by duration over the horizons’ months, none for a project within its start horizon', () => {
    expect(phasingOf({ durationMonths: 12 }, horizons)).toBeUndefined();
    expect(phasingOf({ durationMonths: 36 }, horizons)).toEqual([24 / 36, 12 / 36]);
    // Starting at the earliest in the medium term: its own months count from there.
    expect(phasingOf({ durationMonths: 30, earliestHorizon: 'medium' }, horizons)).toEqual([24 / 30, 6 / 30]);
    // Past the last horizon, what is left counts in the last.
    const long = phasingOf({ durationMonths: 84 }, horizons)!;
    expect(long.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(long).toHaveLength(3);
  });

  it('takes the consultant’s schedule when the sheet has one', () => {
    expect(phasingOf({ durationMonths: 12, phasing: [40, 60] }, horizons)).toEqual([0.4, 0.6]);
    expect(phasingOf({ durationMonths: 36, phasing: [100] }, horizons)).toBeUndefined();
  });

  it('puts the phasing and the carry-over into the mission’s portfolio problem', () => {
    const data: StrategyData = {
      criteria: [{ id: uuid(101), direction: 'max', weight: 1, preference: { type: 'usual' }, source: 'manual' }],
      projects: [
        {
          id: uuid(1),
          title: 'Long',
          status: 'proposed',
          investmentCost: 150_000,
          runningCostPerYear: 0,
          requires: [],
          excludes: [],
          earliestHorizon: null,
          mandatory: false,
          durationMonths: 36,
        },
      ],
      evaluations: [{ projectId: uuid(1), criterionId: uuid(101), value: 3 }],
      horizons: DEFAULT_HORIZONS.map((h) => ({ ...h, budget: 100_000 })),
      locks: [],
    };
    const ranking = analyseRanking(data).ranking;
    const { problem } = buildPortfolioProblem(data, ranking, { carryOver: true });
    expect(problem.carryOver).toBe(true);
    expect(problem.projects[0]!.phasing).toEqual([24 / 36, 12 / 36]);
    expect(buildPortfolioProblem(data, ranking).problem).not.toHaveProperty('carryOver');
  });
});
