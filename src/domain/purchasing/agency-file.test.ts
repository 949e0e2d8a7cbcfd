import { describe, expect, it } from 'vitest';
import { SEED_THRESHOLD_TABLE } from '../implementation/thresholds.ts';
import { DomainError } from '../shared/errors.ts';
import { AwardInput, addMonths, agreementFromAward, standstillFor } from './agency-file.ts';
import { analyseScenario } from './analysis.ts';

const analysis = (amount: number) =>
  analyseScenario(
    {
      launchDate: '2026-06-01',
      initialMonths: 24,
      renewals: 2,
      renewalMonths: 12,
      lots: [
        {
          key: 'lot-1',
          label: 'Télégestion',
          nature: 'services',
          participations: [
            { communeNis: '81001', communeName: 'Arlon', amount },
            { communeNis: '85039', communeName: 'Tintigny', amount },
          ],
        },
      ],
    },
    { thresholds: SEED_THRESHOLD_TABLE },
  );

const award = (startDate: string, amount = 100_000) =>
  AwardInput.parse({
    awardDate: '2026-10-01',
    agreementReference: 'CA-1',
    startDate,
    awards: [{ lotKey: 'lot-1', vendor: 'LumiTech SA', amount }],
  });

const input = (a: ReturnType<typeof analysis>) => ({
  title: 'Télégestion',
  analysis: a,
  confirmedCommunes: ['81001', '85039'],
  lots: [{ key: 'lot-1', label: 'Télégestion' }],
});

describe('the award and the framework agreement it creates', () => {
  it('above the European threshold: a 15-day standstill, the agreement only after it', () => {
    expect(standstillFor(true, '2026-10-01')).toMatchObject({ applies: true, endsOn: '2026-10-16' });
    const above = analysis(60_000); // 2 × 60 000 × 2 (renewals) = 240 000 € ≥ 216 000 €
    expect(above.europeanPublication.required).toBe(true);
    expect(() => agreementFromAward(input(above), award('2026-10-16'))).toThrow(DomainError);
    const draft = agreementFromAward(input(above), award('2026-10-17'));
    expect(draft).toMatchObject({
      startDate: '2026-10-17',
      endDate: '2030-10-16',
      ceiling: 240_000,
      lots: [{ number: 1, vendor: 'LumiTech SA', ceiling: 240_000 }],
      communes: ['81001', '85039'],
    });
  });

  it('below it: no standstill in this model, the agreement may start on the award date', () => {
    const below = analysis(20_000);
    expect(below.europeanPublication.required).toBe(false);
    expect(standstillFor(false, '2026-10-01').applies).toBe(false);
    expect(agreementFromAward(input(below), award('2026-10-01', 50_000)).startDate).toBe('2026-10-01');
  });

  it('refuses an award above the published estimate, a lot without vendor, a start before the award', () => {
    const a = analysis(20_000);
    expect(() => agreementFromAward(input(a), award('2026-10-01', 80_001))).toThrow(/dépasse sa valeur estimée/);
    expect(() =>
      agreementFromAward(
        { ...input(a), lots: [...input(a).lots, { key: 'lot-2', label: 'Capteurs' }] },
        award('2026-10-01', 50_000),
      ),
    ).toThrow(/n’a pas d’attributaire/);
    expect(() => agreementFromAward(input(a), award('2026-09-30'))).toThrow(/avant la date d’attribution/);
  });

  it('adds months to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-10-20', 48)).toBe('2030-10-20');
  });
});
