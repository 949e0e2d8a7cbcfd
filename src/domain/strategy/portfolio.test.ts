import { describe, expect, it } from 'vitest';
import { planObjective, planViolations } from './portfolio.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';
import { explainPlan } from './portfolio-explain.ts';
import { greedyPlan } from './portfolio-greedy.ts';
import { PortfolioProblem } from './schemas.ts';
import { domainErrorOf, portfolioHorizons } from './strategy-fixtures.test-support.ts';

describe('checkPortfolioProblem', () => {
  const base = (): PortfolioProblem => ({
    horizons: structuredClone(portfolioHorizons),
    projects: [
      { id: 'fibre', value: 10, cost: 60 },
      { id: 'sensors', value: 6, cost: 30, requires: ['fibre'] },
      { id: 'app', value: 5, cost: 20, excludes: ['kiosk'] },
      { id: 'kiosk', value: 4, cost: 10 },
    ],
  });
  const cases: [string, (p: PortfolioProblem) => void, string][] = [
    ['PROJECT_DEPENDENCY_CYCLE', (p) => (p.projects[0]!.requires = ['sensors']), 'fibre → sensors → fibre'],
    ['PROJECT_DEPENDENCY_CYCLE', (p) => (p.projects[3]!.requires = ['kiosk']), 'kiosk → kiosk'],
    ['PORTFOLIO_UNKNOWN_PROJECT', (p) => (p.projects[1]!.requires = ['fiber']), '"fiber"'],
    ['PORTFOLIO_UNKNOWN_PROJECT', (p) => (p.projects[2]!.excludes = ['kiosque']), '"kiosque"'],
    ['PORTFOLIO_UNKNOWN_HORIZON', (p) => (p.projects[2]!.earliest = 'later'), '"later"'],
    ['PORTFOLIO_UNKNOWN_HORIZON', (p) => (p.locks = [{ projectId: 'app', horizonId: 'soon' }]), '"soon"'],
    ['PORTFOLIO_UNKNOWN_PROJECT', (p) => (p.locks = [{ projectId: 'ap', horizonId: 'short' }]), '"ap"'],
    ['PORTFOLIO_NEGATIVE_COST', (p) => (p.projects[2]!.cost = -1), '"app"'],
    ['PORTFOLIO_NEGATIVE_BUDGET', (p) => (p.horizons[1]!.budget = -5), '"medium"'],
    ['PORTFOLIO_DUPLICATE_PROJECT', (p) => (p.projects[3]!.id = 'app'), '"app"'],
    ['PORTFOLIO_DUPLICATE_HORIZON', (p) => (p.horizons[2]!.id = 'short'), '"short"'],
    ['PORTFOLIO_SELF_EXCLUSION', (p) => (p.projects[3]!.excludes = ['kiosk']), '"kiosk"'],
    [
      'PORTFOLIO_DUPLICATE_LOCK',
      (p) => {
        p.locks = [
          { projectId: 'app', horizonId: 'short' },
          { projectId: 'app', horizonId: 'long' },
        ];
      },
      '"app"',
    ],
    [
      'PORTFOLIO_LOCK_BEFORE_EARLIEST',
      (p) => {
        p.projects[2]!.earliest = 'medium';
        p.locks = [{ projectId: 'app', horizonId: 'short' }];
      },
      '"app"',
    ],
  ];
  it.each(cases)('%s (%s)', (code, spoil, named) => {
    const problem = base();
    spoil(problem);
    const error = domainErrorOf(() => checkPortfolioProblem(problem));
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(named);
  });

  it('accepts the CLI input shape through its zod schema, and refuses extra fields', () => {
    expect(PortfolioProblem.safeParse(base()).success).toBe(true);
    expect(PortfolioProblem.safeParse({ ...base(), budget: 3 }).success).toBe(false);
    expect(PortfolioProblem.safeParse({ ...base(), projects: [{ id: '', value: 1, cost: 1 }] }).success).toBe(false);
  });
});

describe('greedyPlan: fund in rank order until the money runs out', () => {
  it('places by decreasing value in the earliest horizon with money left', () => {
    const plan = greedyPlan({
      horizons: portfolioHorizons,
      projects: [
        { id: 'small', value: 3, cost: 50 },
        { id: 'big', value: 9, cost: 80 },
        { id: 'medium', value: 5, cost: 40 },
      ],
    });
    expect(plan).toEqual([
      { id: 'big', horizon: 'short' },
      { id: 'small', horizon: 'medium' },
      { id: 'medium', horizon: 'medium' },
    ]);
  });

  it('honours locks and mandatory projects first, exclusions, earliest starts and prerequisites', () => {
    const plan = greedyPlan({
      horizons: portfolioHorizons,
      projects: [
        { id: 'app', value: 9, cost: 10, excludes: ['kiosk'] },
        { id: 'kiosk', value: 1, cost: 10 },
        { id: 'sensors', value: 8, cost: 30, requires: ['fibre'] },
        { id: 'fibre', value: 2, cost: 90 },
        { id: 'later', value: 7, cost: 5, earliest: 'long' },
        { id: 'gdpr', value: 0, cost: 5, mandatory: true },
      ],
      locks: [{ projectId: 'kiosk', horizonId: 'medium' }],
    });
    expect(plan).toEqual([
      { id: 'fibre', horizon: 'short' },
      { id: 'gdpr', horizon: 'short' },
      { id: 'kiosk', horizon: 'medium' },
      { id: 'sensors', horizon: 'medium' },
      { id: 'later', horizon: 'long' },
    ]);
  });

  it('funds a mandatory project together with the projects it requires, before the others', () => {
    const plan = greedyPlan({
      horizons: [{ id: 'only', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'portal', value: 0, cost: 4, requires: ['identity'], mandatory: true },
        { id: 'identity', value: 0, cost: 4 },
        { id: 'flashy', value: 9, cost: 6 },
      ],
    });
    expect(plan).toEqual([
      { id: 'portal', horizon: 'only' },
      { id: 'identity', horizon: 'only' },
    ]);
  });

  it('can be beaten: the optimal plan gives up the single most valuable project', () => {
    const problem: PortfolioProblem = {
      horizons: [{ id: 'only', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'flagship', value: 10, cost: 10 },
        { id: 'a', value: 6, cost: 5 },
        { id: 'b', value: 6, cost: 5 },
      ],
    };
    expect(planObjective(problem, greedyPlan(problem))).toBe(10);
    const checked = checkPortfolioProblem(problem);
    const better = [
      { id: 'a', horizon: 'only' },
      { id: 'b', horizon: 'only' },
    ];
    expect(planViolations(checked, better)).toEqual([]);
    expect(planObjective(problem, better)).toBe(12);
  });
});

describe('explainPlan', () => {
  it('says how much each budget uses, whether it binds, and why each project is out', () => {
    const problem: PortfolioProblem = {
      horizons: [
        { id: 'short', budget: 100, valueFactor: 1 },
        { id: 'medium', budget: 50, valueFactor: 0.8 },
      ],
      projects: [
        { id: 'fibre', value: 10, cost: 90 },
        { id: 'app', value: 5, cost: 20, excludes: ['fibre'] },
        { id: 'sensors', value: 6, cost: 30, requires: ['app'] },
        { id: 'museum', value: 8, cost: 60, earliest: 'medium' },
        { id: 'kiosk', value: 2, cost: 10 },
        { id: 'nothing', value: 0, cost: 1 },
        { id: 'forgotten', value: 1, cost: 1 },
      ],
    };
    const plan = [
      { id: 'fibre', horizon: 'short' },
      { id: 'kiosk', horizon: 'short' },
    ];
    const { budgets, leftOut } = explainPlan(problem, plan);
    expect(budgets).toEqual([
      { horizon: 'short', budget: 100, used: 100, remaining: 0, binds: true },
      { horizon: 'medium', budget: 50, used: 0, remaining: 50, binds: true },
    ]);
    const reasons = Object.fromEntries(leftOut.map((l) => [l.id, l.reasons]));
    expect(reasons.app).toEqual([{ code: 'EXCLUDED_BY', by: 'fibre' }]);
    expect(reasons.sensors).toEqual([{ code: 'REQUIRES_LEFT_OUT', requires: 'app' }]);
    expect(reasons.museum).toEqual([
      { code: 'DOES_NOT_FIT', cost: 60, from: 'medium', remaining: [{ horizon: 'medium', amount: 50 }] },
    ]);
    expect(reasons.nothing).toEqual([{ code: 'NO_VALUE' }]);
    expect(reasons.forgotten).toEqual([{ code: 'FITS', horizon: 'medium' }]);
    expect(leftOut.find((l) => l.id === 'museum')?.message).toBe(
      '"museum" is left out: cannot start before "medium"; costs 60, more than any budget it could use (50 left in "medium").',
    );
  });

  it('does not call a budget binding when money is left and nothing waits for it', () => {
    const { budgets, leftOut } = explainPlan(
      { horizons: [{ id: 'only', budget: 100, valueFactor: 1 }], projects: [{ id: 'a', value: 1, cost: 40 }] },
      [{ id: 'a', horizon: 'only' }],
    );
    expect(budgets[0]).toMatchObject({ used: 40, remaining: 60, binds: false });
    expect(leftOut).toEqual([]);
  });
});
