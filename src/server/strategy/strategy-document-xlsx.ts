import type ExcelJS from 'exceljs';
import type { Locale } from '../../domain/shared/format.ts';
import type { PstAction, PstDocument } from '../../domain/strategy/strategy-document.ts';
import { loadExcelJS } from '../xlsx/exceljs.ts';
import { safeCell } from '../xlsx/safe-cell.ts';
import { LABELS, type Labels } from './strategy-document.labels.ts';

const MONEY = '#,##0.00 "€"';

/** The strategy in the PST structure as a spreadsheet the commune can paste into its own PST. */
export async function renderDocumentXlsx(doc: PstDocument, lang: Locale): Promise<Buffer> {
  const L = LABELS[lang];
  const book = new (await loadExcelJS()).Workbook();
  book.creator = 'Smart Rural';
  book.created = new Date(`${doc.generatedOn}T00:00:00Z`);
  book.title = `${L.title} — ${doc.beneficiary}`;
  pstSheet(book, doc, L);
  horizonsSheet(book, doc, L);
  if (doc.notPlanned.length > 0) notPlannedSheet(book, doc, L);
  criteriaSheet(book, doc, L);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function actionRow(a: PstAction, L: Labels) {
  return {
    code: a.code,
    title: safeCell(a.title),
    description: safeCell(a.description ?? ''),
    dimensions: a.dimensions.map((d) => L.dimensionNames[d] ?? d).join(', '),
    owner: safeCell(a.owner ?? ''),
    horizon: a.horizon ? L.horizons[a.horizon] : '',
    years: a.years ?? '',
    period: a.period ?? '',
    investment: a.investmentCost,
    running: a.runningCostPerYear,
    funding: safeCell(a.funding.join(' ; ')),
    mandatory: a.mandatory ? L.yes : L.no,
    status: L.statuses[a.status] ?? a.status,
    rank: a.rank ?? '',
  };
}

/** One row per action under its operational and strategic objectives, the PST's own columns. */
function pstSheet(book: ExcelJS.Workbook, doc: PstDocument, L: Labels) {
  const pst = book.addWorksheet(L.sheetPst, { views: [{ state: 'frozen', ySplit: 1 }] });
  pst.columns = [
    { header: `${L.strategic} (${L.code})`, key: 'os', width: 10 },
    { header: L.strategic, key: 'osTitle', width: 34 },
    { header: `${L.operational} (${L.code})`, key: 'oo', width: 10 },
    { header: L.operational, key: 'ooTitle', width: 34 },
    { header: `${L.action} (${L.code})`, key: 'code', width: 11 },
    { header: L.action, key: 'title', width: 40 },
    { header: L.description, key: 'description', width: 50 },
    { header: L.dimensions, key: 'dimensions', width: 20 },
    { header: L.owner, key: 'owner', width: 22 },
    { header: L.horizon, key: 'horizon', width: 14 },
    { header: L.years, key: 'years', width: 11 },
    { header: L.period, key: 'period', width: 18 },
    { header: L.investment, key: 'investment', width: 15, style: { numFmt: MONEY } },
    { header: L.runningPerYear, key: 'running', width: 15, style: { numFmt: MONEY } },
    { header: L.funding, key: 'funding', width: 30 },
    { header: L.mandatory, key: 'mandatory', width: 11 },
    { header: L.status, key: 'status', width: 12 },
    { header: L.rank, key: 'rank', width: 7 },
  ];
  for (const goal of doc.strategic) {
    for (const op of goal.operational) {
      const base = { os: goal.code, osTitle: safeCell(goal.title), oo: op.code, ooTitle: safeCell(op.title) };
      if (op.actions.length === 0) pst.addRow(base);
      for (const a of op.actions) pst.addRow({ ...base, ...actionRow(a, L) });
    }
    if (goal.operational.length === 0) pst.addRow({ os: goal.code, osTitle: safeCell(goal.title) });
  }
  for (const a of doc.unassigned) pst.addRow(actionRow(a, L));
  styleHeader(pst);
  pst.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: pst.columnCount } };
}

function horizonsSheet(book: ExcelJS.Workbook, doc: PstDocument, L: Labels) {
  const horizons = book.addWorksheet(L.sheetHorizons);
  horizons.columns = [
    { header: L.horizon, key: 'horizon', width: 16 },
    { header: L.years, key: 'years', width: 12 },
    { header: L.budget, key: 'budget', width: 16, style: { numFmt: MONEY } },
    { header: L.used, key: 'used', width: 16, style: { numFmt: MONEY } },
    { header: L.actions, key: 'actions', width: 10 },
    { header: L.runningPerYear, key: 'running', width: 18, style: { numFmt: MONEY } },
  ];
  for (const h of doc.horizons) {
    horizons.addRow({
      horizon: L.horizons[h.key],
      years: h.years,
      budget: h.budget,
      used: h.used,
      actions: h.actions,
      running: h.runningPerYear,
    });
  }
  styleHeader(horizons);
}

function notPlannedSheet(book: ExcelJS.Workbook, doc: PstDocument, L: Labels) {
  const out = book.addWorksheet(L.sheetNotPlanned);
  out.columns = [
    { header: L.action, key: 'title', width: 40 },
    { header: L.rank, key: 'rank', width: 7 },
    { header: L.investment, key: 'investment', width: 15, style: { numFmt: MONEY } },
    { header: L.runningPerYear, key: 'running', width: 15, style: { numFmt: MONEY } },
    { header: L.status, key: 'status', width: 12 },
  ];
  for (const a of doc.notPlanned) {
    out.addRow({
      title: safeCell(a.title),
      rank: a.rank ?? '',
      investment: a.investmentCost,
      running: a.runningCostPerYear,
      status: L.statuses[a.status] ?? a.status,
    });
  }
  styleHeader(out);
}

function criteriaSheet(book: ExcelJS.Workbook, doc: PstDocument, L: Labels) {
  const criteria = book.addWorksheet(L.sheetCriteria);
  criteria.columns = [
    { header: L.criterion, key: 'name', width: 36 },
    { header: L.direction, key: 'direction', width: 14 },
    { header: L.weight, key: 'weight', width: 10, style: { numFmt: '0.0%' } },
  ];
  for (const c of doc.criteria) {
    criteria.addRow({ name: safeCell(c.name), direction: c.direction === 'max' ? L.max : L.min, weight: c.weight });
  }
  styleHeader(criteria);
}

function styleHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E9' } };
}
