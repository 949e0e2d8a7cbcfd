import { describe, expect, it } from 'vitest';
import { columnOfHeader, looksLikeFormula, parseAmount, validateNeedRows } from './import-rows.ts';

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

  it('reads the French labels the screens show, whatever the case and accents (issue 10)', () => {
    const [row] = validateNeedRows(
      [
        {
          line: 2,
          cells: {
            nis_code: '81001',
            title: 'Éclairage du parc',
            urgency: 'Élevée',
            timeframe: 'Court terme',
            source: 'Réunion',
            dimensions: 'Gouvernance; qualite de vie',
            category: 'Éclairage public',
          },
        },
        {
          line: 3,
          cells: {
            nis_code: '81001',
            title: 'Wi-Fi',
            urgency: 'FAIBLE',
            timeframe: 'moyen terme (3–4 ans)',
            source: 'fiche projet',
            category: 'wi-fi public',
          },
        },
      ],
      { communeNis: communes },
    );
    expect(row).toMatchObject({
      ok: true,
      action: 'create',
      need: {
        urgency: 'high',
        timeframe: 'short',
        source: 'meeting',
        dimensions: ['governance', 'living'],
        category: 'public-lighting',
      },
    });
  });

  it('names the accepted values, in French, of a value it does not know', () => {
    const [row] = validateNeedRows(
      [
        {
          line: 2,
          cells: { nis_code: '81001', title: 'X', urgency: 'pressant', timeframe: 'bientôt', dimensions: 'Sport' },
        },
      ],
      { communeNis: communes },
    );
    if (!row || row.ok) throw new Error('expected a problem');
    expect(row.problems).toEqual([
      {
        column: 'dimensions',
        code: 'UNKNOWN_DIMENSION',
        value: 'Sport',
        accepted: expect.arrayContaining(['Gouvernance']),
      },
      { column: 'urgency', code: 'UNKNOWN_URGENCY', value: 'pressant', accepted: ['Faible', 'Moyenne', 'Élevée'] },
      {
        column: 'timeframe',
        code: 'UNKNOWN_TIMEFRAME',
        value: 'bientôt',
        accepted: ['Court terme', 'Moyen terme', 'Long terme'],
      },
    ]);
  });

  it('reads the French headers of the template and the English keys of earlier exports', () => {
    expect(
      ['Code INS', 'nis_code', 'Budget (€ HTVA)', 'ÉCHÉANCE', 'Référence de la source', 'Titre'].map(columnOfHeader),
    ).toEqual(['nis_code', 'nis_code', 'budget', 'timeframe', 'source_ref', 'title']);
    expect(columnOfHeader('Couleur')).toBeNull();
    expect(['12 500,50 €', '12.500,50', '12500.5', '0', '12.500', '-5'].map(parseAmount)).toEqual([
      12500.5,
      12500.5,
      12500.5,
      0,
      12500,
      null,
    ]);
  });

  it('tells an update from an unchanged row by the identifier, and changes only the columns the file has', () => {
    const id = '6f1d2c3b-1111-4222-8333-944455556666';
    const existing = new Map([
      [
        id,
        {
          communeNis: '81001',
          title: 'Wi-Fi public',
          description: 'Sur la place',
          dimensions: ['living' as const],
          category: 'public-wifi',
          urgency: 'medium' as const,
          estimatedBudget: 5000,
          timeframe: null,
          source: 'direct' as const,
          sourceRef: null,
        },
      ],
    ]);
    const rows = validateNeedRows(
      [
        { line: 2, cells: { id, nis_code: '81001', title: 'Wi-Fi public', urgency: 'Moyenne' } },
        { line: 3, cells: { id, nis_code: '81001', title: 'Wi-Fi public', urgency: 'Élevée' } },
        { line: 4, cells: { id: 'b1d2c3b4-1111-4222-8333-944455556666', nis_code: '81001', title: 'Autre' } },
        { line: 5, cells: { id, nis_code: '81004', title: 'Wi-Fi public' } },
      ],
      { communeNis: communes, existing, columns: new Set(['id', 'nis_code', 'title', 'urgency']) },
    );
    expect(rows[0]).toMatchObject({ ok: true, action: 'unchanged', id });
    expect(rows.slice(1).map((r) => (r.ok ? r.action : r.problems.map((p) => p.code).join()))).toEqual([
      'DUPLICATE_ID',
      'UNKNOWN_ID',
      'DUPLICATE_ID',
    ]);
    const options = { communeNis: communes, existing, columns: new Set(['id', 'nis_code', 'title', 'urgency']) };
    const [changed] = validateNeedRows(
      [{ line: 2, cells: { id, nis_code: '81001', title: 'Wi-Fi public', urgency: 'Élevée' } }],
      options,
    );
    const [moved] = validateNeedRows([{ line: 2, cells: { id, nis_code: '81004', title: 'Wi-Fi public' } }], options);
    expect(moved).toMatchObject({ ok: false, problems: [{ code: 'ID_OTHER_COMMUNE' }] });
    expect(changed).toMatchObject({
      ok: true,
      action: 'update',
      need: { urgency: 'high', description: 'Sur la place', estimatedBudget: 5000, category: 'public-wifi' },
    });
  });
});
