import type { Dimension } from '../shared/dimensions.ts';
import { parseNumber } from '../shared/format.ts';
import type { NeedInput } from './need.ts';
import {
  ACCEPTED_VALUES_FR,
  type CodedColumn,
  categoryOf,
  dimensionOf,
  frenchCategory,
  frenchDimension,
  frenchSource,
  frenchTimeframe,
  frenchUrgency,
  normaliseWord,
  sourceOf,
  timeframeOf,
  urgencyOf,
} from './need-vocabulary.ts';

/**
 * The columns of the needs spreadsheet, the same for export, template and import (issues 5 and 10). The file's
 * header names them in French (`NEED_COLUMN_HEADERS_FR`); import also reads the English keys of earlier exports and
 * the usual variants (« Code INS », « nis_code », « Catégorie », « category »…). Values are written in French and
 * read in French, English or as codes (need-vocabulary.ts).
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

export const NEED_COLUMN_HEADERS_FR: Record<NeedColumn, string> = {
  id: 'Identifiant',
  nis_code: 'Code INS',
  commune: 'Commune',
  title: 'Titre',
  description: 'Description',
  category: 'Catégorie',
  dimensions: 'Dimensions',
  urgency: 'Urgence',
  budget: 'Budget (€ HTVA)',
  timeframe: 'Échéance',
  source: 'Source',
  source_ref: 'Référence de la source',
};

/** What each column holds, for the template's instructions and the import dialog. */
export const NEED_COLUMN_HELP_FR: Record<NeedColumn, string> = {
  id: 'vide pour un nouveau besoin ; l’identifiant d’un besoin exporté le met à jour',
  nis_code: 'obligatoire : le code INS de la commune (5 chiffres, p. ex. 81001 pour Arlon)',
  commune: 'facultatif, pour la lecture : le code INS fait foi',
  title: 'obligatoire, 200 caractères au plus',
  description: 'facultatif, en français, 4 000 caractères au plus',
  category: 'facultatif : une catégorie de la liste (ou l’un de ses termes courants)',
  dimensions: 'facultatif : une ou plusieurs dimensions, séparées par des virgules',
  urgency: 'facultatif (Moyenne par défaut)',
  budget: 'facultatif : montant en euros hors TVA, p. ex. 12 500,50',
  timeframe: 'facultatif',
  source: 'facultatif (Saisie directe par défaut)',
  source_ref: 'facultatif : quel diagnostic, quelle fiche ou quelle réunion',
};

const HEADER_ALIASES: Record<NeedColumn, string[]> = {
  id: ['identifiant', 'id besoin'],
  nis_code: ['code ins', 'nis', 'ins', 'code nis', 'code ins de la commune'],
  commune: ['nom de la commune'],
  title: ['titre', 'intitule', 'besoin'],
  description: ['descriptif'],
  category: ['categorie'],
  dimensions: ['dimension'],
  urgency: ['urgence', 'priorite'],
  budget: ['budget estime', 'montant', 'estimated budget'],
  timeframe: ['echeance', 'horizon', 'delai'],
  source: ['origine'],
  source_ref: ['reference de la source', 'reference', 'ref source', 'source reference'],
};

const HEADER_INDEX = new Map<string, NeedColumn>(
  NEED_COLUMNS.flatMap((column) =>
    [column, NEED_COLUMN_HEADERS_FR[column], ...HEADER_ALIASES[column]].map((h) => [normaliseWord(h), column] as const),
  ),
);

/** The column a header names, whatever its case, accents, brackets (« Budget (€ HTVA) ») or language. */
export function columnOfHeader(header: string): NeedColumn | null {
  return HEADER_INDEX.get(normaliseWord(header)) ?? null;
}

/** One row as read from the file: column → text, and whether the bytes were valid UTF-8. */
export type RawNeedRow = { line: number; cells: Partial<Record<string, string>>; badEncoding?: boolean };

export const ROW_PROBLEM_CODES = [
  'BAD_ENCODING',
  'UNKNOWN_NIS',
  'MISSING_NIS',
  'NOT_YOUR_COMMUNE',
  'MISSING_TITLE',
  'TOO_LONG',
  'FORMULA',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_DIMENSION',
  'UNKNOWN_URGENCY',
  'BAD_BUDGET',
  'UNKNOWN_TIMEFRAME',
  'UNKNOWN_SOURCE',
  'BAD_ID',
  'UNKNOWN_ID',
  'DUPLICATE_ID',
  'ID_OTHER_COMMUNE',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

/** `accepted`: the French values the column accepts, when the value was not one of them. */
export type RowProblem = { column: string; code: RowProblemCode; value?: string; accepted?: string[] };

/** What confirming the import does with a valid row: a new need, a change of an exported one, or nothing. */
export type RowAction = 'create' | 'update' | 'unchanged';

export type ImportRowResult =
  | { line: number; ok: true; action: RowAction; id: string | null; need: NeedInput }
  | { line: number; ok: false; problems: RowProblem[]; title: string | null };

/** A text cell that a spreadsheet would run as a formula (formula injection): refused, never written. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+@\t\r]/.test(value) || /^-[^\d\s]/.test(value);
}

/** French amounts accepted: "12 500,50", "12.500,50 €", "12500.5" → 12500.5. */
export function parseAmount(value: string): number | null {
  // Written as a Belgian reads it: « 12.500 » is twelve thousand five hundred, « 12 500,50 € » has cents.
  const amount = parseNumber(value, 'fr');
  return amount !== null && amount >= 0 ? amount : null;
}

/** A need as it stands, to tell an update from an unchanged row. */
export type ExistingNeed = Omit<NeedInput, 'communeNis'> & { communeNis: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What `validateNeedRows` checks the rows against. */
export type NeedRowsContext = {
  communeNis: ReadonlySet<string>;
  onlyCommune?: string | null;
  existing?: ReadonlyMap<string, ExistingNeed>;
  columns?: ReadonlySet<string>;
};

/**
 * Checks every row of an import and says, row by row, what is wrong, so the preview lists every problem before
 * anything is written. `communeNis` are the current communes; `onlyCommune` restricts a commune editor to theirs;
 * `existing` are the needs the rows' identifiers name (a row with an identifier updates that need, and only the
 * columns the file has); `columns` are the columns the file has.
 */
export function validateNeedRows(rows: RawNeedRow[], options: NeedRowsContext): ImportRowResult[] {
  const seenIds = new Set<string>();
  const has = (column: NeedColumn) => !options.columns || options.columns.has(column);
  return rows.map((row) => {
    const problems: RowProblem[] = [];
    const cell = (column: string) => (row.cells[column] ?? '').trim();
    if (row.badEncoding) problems.push({ column: '*', code: 'BAD_ENCODING' });
    for (const [column, value] of Object.entries(row.cells)) {
      if (value && looksLikeFormula(value.trim())) problems.push({ column, code: 'FORMULA', value: value.trim() });
    }
    const nis = checkCommune(cell('nis_code'), options, problems);
    const id = cell('id') || null;
    const before = id ? options.existing?.get(id.toLowerCase()) : undefined;
    if (id) checkId(id, nis, before, seenIds, problems);
    const fields = readFields(cell, problems);
    if (problems.length || !fields.urgency || !fields.source)
      return { line: row.line, ok: false, problems, title: fields.title || null };
    const read: NeedInput = {
      communeNis: nis,
      title: fields.title,
      description: fields.description,
      dimensions: [...new Set(fields.dimensions)],
      category: fields.category,
      urgency: fields.urgency,
      estimatedBudget: fields.budget,
      timeframe: fields.timeframe,
      source: fields.source,
      sourceRef: cell('source_ref') || null,
    };
    if (!before || !id) return { line: row.line, ok: true, action: 'create', id: null, need: read };
    const need = updatedNeed(before, read, has);
    return { line: row.line, ok: true, action: sameNeed(need, before) ? 'unchanged' : 'update', id, need };
  });
}

/** The row's commune: given, current, and the editor's own when they may edit only theirs. */
function checkCommune(nis: string, options: NeedRowsContext, problems: RowProblem[]): string {
  if (!nis) problems.push({ column: 'nis_code', code: 'MISSING_NIS' });
  else if (!options.communeNis.has(nis)) problems.push({ column: 'nis_code', code: 'UNKNOWN_NIS', value: nis });
  else if (options.onlyCommune && nis !== options.onlyCommune)
    problems.push({ column: 'nis_code', code: 'NOT_YOUR_COMMUNE', value: nis });
  return nis;
}

/** The row's identifier: well formed, named once in the file, of an existing need of the same commune. */
function checkId(
  id: string,
  nis: string,
  before: ExistingNeed | undefined,
  seenIds: Set<string>,
  problems: RowProblem[],
): void {
  if (!UUID.test(id)) problems.push({ column: 'id', code: 'BAD_ID', value: id });
  else if (seenIds.has(id.toLowerCase())) problems.push({ column: 'id', code: 'DUPLICATE_ID', value: id });
  else if (!before) problems.push({ column: 'id', code: 'UNKNOWN_ID', value: id });
  else if (nis && before.communeNis !== nis) problems.push({ column: 'id', code: 'ID_OTHER_COMMUNE', value: id });
  seenIds.add(id.toLowerCase());
}

/** The need's columns read from the row's cells; what cannot be read is added to `problems`. */
function readFields(cell: (column: string) => string, problems: RowProblem[]) {
  const unknown = (column: CodedColumn, code: RowProblemCode, value: string) =>
    problems.push({ column, code, value, accepted: [...ACCEPTED_VALUES_FR[column]] });
  const title = cell('title');
  if (!title) problems.push({ column: 'title', code: 'MISSING_TITLE' });
  else if (title.length > 200) problems.push({ column: 'title', code: 'TOO_LONG' });
  const description = cell('description');
  if (description.length > 4000) problems.push({ column: 'description', code: 'TOO_LONG' });

  let category: string | null = null;
  if (cell('category')) {
    category = categoryOf(cell('category')) ?? null;
    if (!category) unknown('category', 'UNKNOWN_CATEGORY', cell('category'));
  }
  const dimensions: Dimension[] = [];
  for (const part of cell('dimensions')
    .split(/[,;|/]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const dimension = dimensionOf(part);
    if (dimension) dimensions.push(dimension);
    else unknown('dimensions', 'UNKNOWN_DIMENSION', part);
  }
  const urgency = cell('urgency') ? urgencyOf(cell('urgency')) : 'medium';
  if (!urgency) unknown('urgency', 'UNKNOWN_URGENCY', cell('urgency'));
  let budget: number | null = null;
  if (cell('budget')) {
    budget = parseAmount(cell('budget'));
    if (budget === null) problems.push({ column: 'budget', code: 'BAD_BUDGET', value: cell('budget') });
  }
  const timeframe = cell('timeframe') ? (timeframeOf(cell('timeframe')) ?? null) : null;
  if (cell('timeframe') && !timeframe) unknown('timeframe', 'UNKNOWN_TIMEFRAME', cell('timeframe'));
  const source = cell('source') ? sourceOf(cell('source')) : 'direct';
  if (!source) unknown('source', 'UNKNOWN_SOURCE', cell('source'));
  return { title, description, category, dimensions, urgency, budget, timeframe, source };
}

/** An update changes only the columns the file has; the others keep the need's values. */
function updatedNeed(before: ExistingNeed, read: NeedInput, has: (column: NeedColumn) => boolean): NeedInput {
  return {
    communeNis: before.communeNis,
    title: has('title') ? read.title : before.title,
    description: has('description') ? read.description : before.description,
    dimensions: has('dimensions') ? read.dimensions : before.dimensions,
    category: has('category') ? read.category : before.category,
    urgency: has('urgency') ? read.urgency : before.urgency,
    estimatedBudget: has('budget') ? read.estimatedBudget : before.estimatedBudget,
    timeframe: has('timeframe') ? read.timeframe : before.timeframe,
    source: has('source') ? read.source : before.source,
    sourceRef: has('source_ref') ? read.sourceRef : before.sourceRef,
  };
}

/** Two needs hold the same facts (dimensions in any order, amounts to the cent). */
export function sameNeed(a: ExistingNeed, b: ExistingNeed): boolean {
  const cents = (n: number | null) => (n === null ? null : Math.round(n * 100));
  return (
    a.communeNis === b.communeNis &&
    a.title === b.title &&
    a.description === b.description &&
    [...a.dimensions].sort().join(',') === [...b.dimensions].sort().join(',') &&
    a.category === b.category &&
    a.urgency === b.urgency &&
    cents(a.estimatedBudget) === cents(b.estimatedBudget) &&
    a.timeframe === b.timeframe &&
    a.source === b.source &&
    (a.sourceRef ?? null) === (b.sourceRef ?? null)
  );
}

/** A need as a row of the spreadsheet: French values, the budget as a number (the file writes it in French). */
export function needToRow(
  need: ExistingNeed & { id: string; communeName: string },
): Record<NeedColumn, string | number | null> {
  return {
    id: need.id,
    nis_code: need.communeNis,
    commune: need.communeName,
    title: need.title,
    description: need.description,
    category: need.category ? frenchCategory(need.category) : null,
    dimensions: need.dimensions.map(frenchDimension).join(', '),
    urgency: frenchUrgency(need.urgency),
    budget: need.estimatedBudget,
    timeframe: need.timeframe ? frenchTimeframe(need.timeframe) : null,
    source: frenchSource(need.source),
    source_ref: need.sourceRef,
  };
}
