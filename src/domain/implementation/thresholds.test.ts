import { describe, expect, it } from 'vitest';
import { checkPeriodRemoval, SEED_THRESHOLD_TABLE, type ThresholdTable } from './thresholds.ts';

const [first, second] = SEED_THRESHOLD_TABLE as [ThresholdTable[number], ThresholdTable[number]];
const table: ThresholdTable = [first, second, { ...second, validFrom: '2028-01-01', validTo: '2029-12-31' }];
const codeOf = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('removing a period of thresholds', () => {
  it('refuses the period in force today, on its first and last day too', () => {
    for (const today of [second.validFrom, '2026-11-28', second.validTo]) {
      expect(codeOf(() => checkPeriodRemoval(table, second.validFrom, today))).toBe('THRESHOLD_PERIOD_IN_FORCE');
    }
  });

  it('refuses a period between two others, which would leave dates without figures', () => {
    expect(codeOf(() => checkPeriodRemoval(table, second.validFrom, '2030-06-01'))).toBe('THRESHOLD_PERIOD_LEAVES_GAP');
  });

  it('allows the first or the last period when today is elsewhere, never the only one', () => {
    expect(codeOf(() => checkPeriodRemoval(table, '2028-01-01', '2026-11-28'))).toBe('allowed');
    expect(codeOf(() => checkPeriodRemoval(table, first.validFrom, '2026-11-28'))).toBe('allowed');
    expect(codeOf(() => checkPeriodRemoval([table[2]!], '2028-01-01', '2026-11-28'))).toBe('THRESHOLD_PERIOD_IN_FORCE');
    expect(codeOf(() => checkPeriodRemoval(table, '2027-01-01', '2026-11-28'))).toBe('THRESHOLD_PERIOD_UNKNOWN');
  });
});
