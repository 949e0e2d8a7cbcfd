import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { NEED_COLUMNS, type RawNeedRow } from '../../domain/needs/import-rows.ts';
import { ValidationError } from '../errors.ts';
import { safeCell } from '../xlsx/safe-cell.ts';

/**
 * Reading and writing the needs spreadsheet (CSV or XLSX, the same columns both ways). CSV: UTF-8 (a BOM is fine),
 * comma or semicolon, first line the header. A byte sequence that is not UTF-8 is kept as "�" and the row says so,
 * so the preview can name it instead of importing garbled text.
 */
export type NeedFileRows = { columns: string[]; rows: RawNeedRow[] };

export const MAX_IMPORT_ROWS = 5000;

export async function readNeedFile(filename: string, content: Buffer): Promise<NeedFileRows> {
  const isXlsx = /\.xlsx$/i.test(filename) || content.subarray(0, 2).toString('latin1') === 'PK';
  const table = isXlsx ? await readXlsx(content) : readCsv(content);
  if (table.length === 0) throw new ValidationError('IMPORT_EMPTY');
  const columns = table[0]!.cells.map((c) => c.trim().toLowerCase());
  const rows = table.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length > MAX_IMPORT_ROWS) throw new ValidationError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
  return {
    columns,
    rows: rows.map((r) => ({
      line: r.line,
      cells: Object.fromEntries(columns.map((column, i) => [column, r.cells[i] ?? ''])),
      ...(r.cells.some((c) => c.includes('\uFFFD')) ? { badEncoding: true } : {}),
    })),
  };
}

type Line = { line: number; cells: string[] };

export function readCsv(content: Buffer): Line[] {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(content);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    });
  } catch (error) {
    throw new ValidationError('IMPORT_UNREADABLE', { reason: (error as Error).message });
  }
  return records.map((cells, i) => ({ line: i + 1, cells }));
}

async function readXlsx(content: Buffer): Promise<Line[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new ValidationError('IMPORT_UNREADABLE', { reason: (error as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const lines: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    lines.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return lines;
}

/** A cell as the user typed it; a formula cell shows as its formula, so the preview can refuse it. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('formula' in value && value.formula) return `=${value.formula}`;
    if ('sharedFormula' in value && value.sharedFormula) return `=${value.sharedFormula}`;
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

export type NeedExportRow = Record<(typeof NEED_COLUMNS)[number], string | number | null>;

export function needsCsv(rows: NeedExportRow[]): Buffer {
  const quoted = (value: string | number | null) => {
    const text = String(safeCell(value) ?? '');
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [NEED_COLUMNS.join(';'), ...rows.map((r) => NEED_COLUMNS.map((c) => quoted(r[c])).join(';'))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function needsXlsx(rows: NeedExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Besoins');
  sheet.columns = NEED_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key === 'description' ? 60 : key === 'title' ? 40 : 14,
  }));
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(NEED_COLUMNS.map((c) => [c, safeCell(row[c])])));
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
