import { describe, expect, it } from 'vitest';
import { looksLikeFormula, validateNeedRows } from './import-rows.ts';

const communes = new Set(['81001', '81004']);

describe('validateNeedRows', () => {
  it('accepts a full row, French amounts and labels included', () => {
    const [row] = validateNeedRows(
      [
        {
          line: 2,
          cells: {
            nis_code: '81001',
            title: 'Bornes de recharge',
            category: 'Bornes de recharge',
            dimensions: 'mobility, environment',
            urgency: 'HIGH',
            budget: '12 500,50 €',
            timeframe: 'short',
            source: 'meeting',
          },
        },
      ],
      { communeNis: communes },
    );
    expect(row).toMatchObject({
      ok: true,
      need: {
        category: 'ev-charging',
        dimensions: ['mobility', 'environment'],
        urgency: 'high',
        estimatedBudget: 12500.5,
        source: 'meeting',
      },
    });
  });

  it('lists every problem of a row, with the column and the value', () => {
    const [row] = validateNeedRows(
      [
        {
          line: 3,
          badEncoding: true,
          cells: { nis_code: '99999', title: '=HYPERLINK("http://x")', category: 'téléportation', budget: '-5' },
        },
      ],
      { communeNis: communes },
    );
    expect(row?.ok).toBe(false);
    if (!row || row.ok) return;
    expect(row.problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      '*:BAD_ENCODING',
      'title:FORMULA',
      'nis_code:UNKNOWN_NIS',
      'category:UNKNOWN_CATEGORY',
      'budget:BAD_BUDGET',
    ]);
  });

  it('keeps a commune editor to their own commune', () => {
    const [row] = validateNeedRows([{ line: 2, cells: { nis_code: '81004', title: 'Wi-Fi' } }], {
      communeNis: communes,
      onlyCommune: '81001',
    });
    expect(row).toMatchObject({ ok: false, problems: [{ code: 'NOT_YOUR_COMMUNE' }] });
  });

  it('recognises what a spreadsheet would run as a formula, not a negative number', () => {
    expect(['=1+1', '+SUM(A1)', '@cmd', '-HYPERLINK(x)', '\tx'].every(looksLikeFormula)).toBe(true);
    expect(['-5', 'Éclairage', '- 3 lampes'].some(looksLikeFormula)).toBe(false);
  });
});
