import { DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import { SMART_CATEGORIES } from '../shared/smart-categories.ts';
import { NEED_SOURCES, type NeedInput, TIMEFRAMES, URGENCIES } from './need.ts';

/**
 * The columns of the needs spreadsheet, the same for export and import (issue 5). Values are the stable keys
 * (category `public-lighting`, urgency `high`…); import also accepts the French labels of the category.
 */
export const NEED_COLUMNS = [
  'id',
  'nis_code',
  'commune',
  'title',
  'description',
  'category',
  'dimensions',
  'urgency',
  'budget',
  'timeframe',
  'source',
  'source_ref',
] as const;
export type NeedColumn = (typeof NEED_COLUMNS)[number];

/** One row as read from the file: column → text, and whether the bytes were valid UTF-8. */
export type RawNeedRow = { line: number; cells: Partial<Record<string, string>>; badEncoding?: boolean };

export type RowProblemCode =
  | 'BAD_ENCODING'
  | 'UNKNOWN_NIS'
  | 'MISSING_NIS'
  | 'NOT_YOUR_COMMUNE'
  | 'MISSING_TITLE'
  | 'TOO_LONG'
  | 'FORMULA'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_DIMENSION'
  | 'UNKNOWN_URGENCY'
  | 'BAD_BUDGET'
  | 'UNKNOWN_TIMEFRAME'
  | 'UNKNOWN_SOURCE';

export type RowProblem = { column: string; code: RowProblemCode; value?: string };

export type ImportRowResult =
  | { line: number; ok: true; need: NeedInput }
  | { line: number; ok: false; problems: RowProblem[]; title: string | null };

/** French wording of each problem, for the preview and the CLI. */
export const ROW_PROBLEM_FR: Record<RowProblemCode, string> = {
  BAD_ENCODING: 'caractères illisibles : enregistrez le fichier en UTF-8',
  UNKNOWN_NIS: 'aucune commune n’a ce code INS',
  MISSING_NIS: 'code INS manquant',
  NOT_YOUR_COMMUNE: 'vous ne pouvez importer que les besoins de votre commune',
  MISSING_TITLE: 'titre manquant',
  TOO_LONG: 'texte trop long',
  FORMULA: 'formule refusée (une cellule ne peut pas commencer par =, +, - ou @)',
  UNKNOWN_CATEGORY: 'catégorie inconnue',
  UNKNOWN_DIMENSION: 'dimension inconnue',
  UNKNOWN_URGENCY: 'urgence inconnue (low, medium, high)',
  BAD_BUDGET: 'budget invalide : un montant en euros ≥ 0',
  UNKNOWN_TIMEFRAME: 'échéance inconnue (short, medium, long)',
  UNKNOWN_SOURCE: 'source inconnue (diagnostic, project_sheet, meeting, direct)',
};

/** A text cell that a spreadsheet would run as a formula (formula injection): refused, never written. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+@\t\r]/.test(value) || /^-[^\d\s]/.test(value);
}

const normalise = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

function categoryKey(value: string): string | undefined {
  const wanted = normalise(value);
  return SMART_CATEGORIES.find((c) => c.key === wanted || normalise(c.fr) === wanted || normalise(c.en) === wanted)
    ?.key;
}

/** French decimal comma and spaces accepted: "12 500,50" → 12500.5. */
function parseAmount(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * Checks every row of an import and says, row by row, what is wrong, so the preview lists every problem before
 * anything is written. `communeNis` are the current communes; `onlyCommune` restricts a commune editor to theirs.
 */
export function validateNeedRows(
  rows: RawNeedRow[],
  options: { communeNis: ReadonlySet<string>; onlyCommune?: string | null },
): ImportRowResult[] {
  return rows.map((row) => {
    const problems: RowProblem[] = [];
    const cell = (column: string) => (row.cells[column] ?? '').trim();
    if (row.badEncoding) problems.push({ column: '*', code: 'BAD_ENCODING' });
    for (const [column, value] of Object.entries(row.cells)) {
      if (value && looksLikeFormula(value.trim())) problems.push({ column, code: 'FORMULA', value: value.trim() });
    }
    const nis = cell('nis_code');
    if (!nis) problems.push({ column: 'nis_code', code: 'MISSING_NIS' });
    else if (!options.communeNis.has(nis)) problems.push({ column: 'nis_code', code: 'UNKNOWN_NIS', value: nis });
    else if (options.onlyCommune && nis !== options.onlyCommune)
      problems.push({ column: 'nis_code', code: 'NOT_YOUR_COMMUNE', value: nis });
    const title = cell('title');
    if (!title) problems.push({ column: 'title', code: 'MISSING_TITLE' });
    else if (title.length > 200) problems.push({ column: 'title', code: 'TOO_LONG' });
    const description = cell('description');
    if (description.length > 4000) problems.push({ column: 'description', code: 'TOO_LONG' });

    let category: string | null = null;
    if (cell('category')) {
      category = categoryKey(cell('category')) ?? null;
      if (!category) problems.push({ column: 'category', code: 'UNKNOWN_CATEGORY', value: cell('category') });
    }
    const dimensions: Dimension[] = [];
    for (const part of cell('dimensions').split(/[,;|]/).map(normalise).filter(Boolean)) {
      if ((DIMENSIONS as readonly string[]).includes(part)) dimensions.push(part as Dimension);
      else problems.push({ column: 'dimensions', code: 'UNKNOWN_DIMENSION', value: part });
    }
    const urgency = normalise(cell('urgency')) || 'medium';
    if (!(URGENCIES as readonly string[]).includes(urgency))
      problems.push({ column: 'urgency', code: 'UNKNOWN_URGENCY', value: cell('urgency') });
    let budget: number | null = null;
    if (cell('budget')) {
      budget = parseAmount(cell('budget'));
      if (budget === null) problems.push({ column: 'budget', code: 'BAD_BUDGET', value: cell('budget') });
    }
    const timeframe = normalise(cell('timeframe')) || null;
    if (timeframe && !(TIMEFRAMES as readonly string[]).includes(timeframe))
      problems.push({ column: 'timeframe', code: 'UNKNOWN_TIMEFRAME', value: cell('timeframe') });
    const source = normalise(cell('source')) || 'direct';
    if (!(NEED_SOURCES as readonly string[]).includes(source))
      problems.push({ column: 'source', code: 'UNKNOWN_SOURCE', value: cell('source') });

    if (problems.length) return { line: row.line, ok: false, problems, title: title || null };
    return {
      line: row.line,
      ok: true,
      need: {
        communeNis: nis,
        title,
        description,
        dimensions: [...new Set(dimensions)],
        category,
        urgency: urgency as NeedInput['urgency'],
        estimatedBudget: budget,
        timeframe: timeframe as NeedInput['timeframe'],
        source: source as NeedInput['source'],
        sourceRef: cell('source_ref') || null,
      },
    };
  });
}
