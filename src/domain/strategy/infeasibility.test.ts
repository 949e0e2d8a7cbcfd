import { describe, expect, it } from 'vitest';
import { diagnoseInfeasibility } from './infeasibility.ts';
import type { PortfolioProblem } from './schemas.ts';

const horizons = [
  { id: 'short', budget: 100, valueFactor: 1 },
  { id: 'medium', budget: 100, valueFactor: 0.8 },
];

describe('diagnoseInfeasibility', () => {
  const causeOf = (problem: PortfolioProblem) => diagnoseInfeasibility(problem).causes;

  it('a mandatory project dearer than any budget it could use', () => {
    expect(
      causeOf({ horizons, projects: [{ id: 'hall', value: 1, cost: 150, mandatory: true, earliest: 'medium' }] }),
    ).toEqual([{ code: 'MANDATORY_TOO_EXPENSIVE', project: 'hall', cost: 150, largestBudget: 100 }]);
  });

  it('locked projects over their horizon’s budget', () => {
    expect(
      causeOf({
        horizons,
        projects: [
          { id: 'a', value: 1, cost: 60 },
          { id: 'b', value: 1, cost: 60 },
        ],
        locks: [
          { projectId: 'a', horizonId: 'short' },
          { projectId: 'b', horizonId: 'short' },
        ],
      }),
    ).toEqual([{ code: 'LOCKED_OVER_BUDGET', horizon: 'short', cost: 120, budget: 100 }]);
  });

  it('two forced projects that exclude each other, one of them only required', () => {
    expect(
      causeOf({
        horizons,
        projects: [
          { id: 'app', value: 1, cost: 10, mandatory: true, requires: ['platform'] },
          { id: 'platform', value: 1, cost: 10 },
          { id: 'kiosk', value: 1, cost: 10, mandatory: true, excludes: ['platform'] },
        ],
      }),
    ).toEqual([{ code: 'FORCED_EXCLUDE_EACH_OTHER', first: 'platform', second: 'kiosk' }]);
  });

  it('a lock before what the locked project requires can be ready', () => {
    const { causes, message } = diagnoseInfeasibility({
      horizons,
      projects: [
        { id: 'wifi', value: 1, cost: 10, requires: ['fibre'] },
        { id: 'fibre', value: 1, cost: 10, earliest: 'medium' },
      ],
      locks: [{ projectId: 'wifi', horizonId: 'short' }],
    });
    expect(causes).toEqual([{ code: 'LOCK_BEFORE_REQUIREMENT', project: 'wifi', horizon: 'short', requires: 'fibre' }]);
    expect(message).toContain('"wifi" is locked in "short" but requires "fibre"');
  });

  it('otherwise the total, or a general statement', () => {
    expect(
      causeOf({
        horizons,
        projects: [
          { id: 'a', value: 1, cost: 90, mandatory: true },
          { id: 'b', value: 1, cost: 90, mandatory: true },
          { id: 'c', value: 1, cost: 90, mandatory: true },
        ],
      }),
    ).toEqual([{ code: 'FORCED_OVER_TOTAL_BUDGET', cost: 270, budget: 200 }]);
    expect(
      causeOf({
        horizons,
        projects: [
          { id: 'a', value: 1, cost: 60, mandatory: true },
          { id: 'b', value: 1, cost: 60, mandatory: true },
          { id: 'c', value: 1, cost: 60, mandatory: true },
        ],
      }),
    ).toEqual([{ code: 'FORCED_DO_NOT_FIT' }]);
  });
});
