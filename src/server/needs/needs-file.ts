import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import {
  columnOfHeader,
  NEED_COLUMN_HEADERS_FR,
  NEED_COLUMN_HELP_FR,
  NEED_COLUMNS,
  type NeedColumn,
  type RawNeedRow,
} from '../../domain/needs/import-rows.ts';
import { ACCEPTED_VALUES_FR, type CodedColumn } from '../../domain/needs/need-vocabulary.ts';
import { ValidationError } from '../errors.ts';
import { loadExcelJS } from '../xlsx/exceljs.ts';
import { safeCell } from '../xlsx/safe-cell.ts';
import { addTableSheet } from '../xlsx/table-sheet.ts';

/**
 * Reading and writing the needs spreadsheet (CSV or XLSX, the same columns both ways, headers in French). CSV:
 * UTF-8 (a BOM is fine), comma or semicolon, first line the header, lines starting with « # » are notes (the
 * template's list of accepted values). A byte sequence that is not UTF-8 is kept as "�" and the row says so, so the
 * preview can name it instead of importing garbled text.
 */
export type NeedFileRows = { columns: NeedColumn[]; ignoredColumns: string[]; rows: RawNeedRow[] };

export const MAX_IMPORT_ROWS = 5000;
/**
 * What an XLSX file of needs may hold once unzipped, all its parts together: 5 000 rows of long descriptions take
 * ~10 MB. A small zip can unpack to gigabytes (one cell of 300 MB fits in 300 kB): the parts are unpacked as a
 * stream and counted before the workbook is parsed, and the reading stops at the bound (audit finding 4).
 */
export const MAX_XLSX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** The longest cell read: over twice a need's longest text (4 000), so the row check can still name the field. */
export const MAX_CELL_CHARACTERS = 10_000;

export async function readNeedFile(filename: string, content: Buffer): Promise<NeedFileRows> {
  const isXlsx = /\.xlsx$/i.test(filename) || content.subarray(0, 2).toString('latin1') === 'PK';
  const lines = isXlsx ? await readXlsx(content) : readCsv(content);
  checkCells(lines);
  const table = lines.filter((r) => !(r.cells[0] ?? '').trim().startsWith('#'));
  if (table.length === 0) throw new ValidationError('IMPORT_EMPTY');
  const headers = table[0]!.cells.map((c) => c.trim());
  const columns = headers.map(columnOfHeader);
  const rows = table.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length > MAX_IMPORT_ROWS) throw new ValidationError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
  return {
    columns: [...new Set(columns.filter((c): c is NeedColumn => c !== null))],
    ignoredColumns: headers.filter((h, i) => h !== '' && columns[i] === null),
    rows: rows.map((r) => ({
      line: r.line,
      cells: Object.fromEntries(
        columns.flatMap((column, i) => (column ? [[column, unescapeCell(r.cells[i] ?? '')] as const] : [])),
      ),
      ...(r.cells.some((c) => c.includes('\uFFFD')) ? { badEncoding: true } : {}),
    })),
  };
}

/**
 * The app writes text that a spreadsheet would run as a formula with a leading apostrophe (safeCell): read back,
 * the apostrophe goes, so an exported "- 3 lampes" re-imports as it was, as text.
 */
function unescapeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
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

/** A cell longer than any field is refused with its place, before anything echoes it back. */
function checkCells(lines: Line[]): void {
  for (const { line, cells } of lines) {
    const column = cells.findIndex((cell) => cell.length > MAX_CELL_CHARACTERS);
    if (column >= 0) {
      throw new ValidationError('IMPORT_CELL_TOO_LONG', { line, column: column + 1, max: MAX_CELL_CHARACTERS });
    }
  }
}

/**
 * Unpacks every part of the zip as a stream, counting bytes, and stops as soon as the total passes
 * MAX_XLSX_UNPACKED_BYTES: memory stays at one chunk, whatever the sizes the zip claims.
 */
async function checkUnpackedSize(content: Buffer): Promise<void> {
  const { default: JSZip } = await import('jszip');
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(content);
  } catch (error) {
    throw new ValidationError('IMPORT_UNREADABLE', { reason: (error as Error).message });
  }
  let total = 0;
  const tooLarge = () => new ValidationError('IMPORT_TOO_LARGE', { max: MAX_XLSX_UNPACKED_BYTES / 1024 / 1024 });
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > MAX_XLSX_UNPACKED_BYTES) {
          stream.pause();
          stream.removeAllListeners('data');
          stream.destroy?.();
          reject(tooLarge());
        }
      });
      stream.on('error', (error: Error) =>
        reject(new ValidationError('IMPORT_UNREADABLE', { reason: error.message.slice(0, 200) })),
      );
      stream.on('end', () => resolve());
    });
  }
}

async function readXlsx(content: Buffer): Promise<Line[]> {
  await checkUnpackedSize(content);
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new ValidationError('IMPORT_UNREADABLE', { reason: (error as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const lines: Line[] = [];
  // A sheet may hold more rows than the import takes (the header, notes): past twice the limit, stop reading.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS * 2) {
    throw new ValidationError('IMPORT_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
  }
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

export type NeedExportRow = Record<NeedColumn, string | number | null>;

const HEADER_LINE = NEED_COLUMNS.map((c) => NEED_COLUMN_HEADERS_FR[c]);

function csvLine(cells: (string | number | null)[]): string {
  return cells
    .map((value) => {
      // Amounts in the Belgian way, which a French-language spreadsheet reads as numbers: 12500,5.
      const text = typeof value === 'number' ? String(value).replace('.', ',') : String(safeCell(value) ?? '');
      return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(';');
}

const csvFile = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

export function needsCsv(rows: NeedExportRow[]): Buffer {
  return csvFile([csvLine(HEADER_LINE), ...rows.map((r) => csvLine(NEED_COLUMNS.map((c) => r[c])))]);
}

function needsSheet(workbook: ExcelJS.Workbook) {
  return addTableSheet(
    workbook,
    'Besoins',
    NEED_COLUMNS.map((key) => ({
      header: NEED_COLUMN_HEADERS_FR[key],
      key,
      width: key === 'description' ? 60 : key === 'title' ? 40 : key === 'id' ? 38 : key === 'category' ? 32 : 16,
    })),
  );
}

export async function needsXlsx(rows: NeedExportRow[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = needsSheet(workbook);
  for (const row of rows) sheet.addRow(Object.fromEntries(NEED_COLUMNS.map((c) => [c, safeCell(row[c])])));
  sheet.getColumn('budget').numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CODED: CodedColumn[] = ['category', 'dimensions', 'urgency', 'timeframe', 'source'];

/**
 * The template (issue 10): the columns in French, their meaning, and the values each coded column accepts. XLSX:
 * an empty « Besoins » sheet whose coded columns offer their values in a drop-down, a sheet of the accepted values
 * and a « Mode d'emploi » sheet. CSV: the header line, then « # » lines listing the accepted values, which import
 * skips.
 */
export async function needsTemplateXlsx(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = needsSheet(workbook);
  const values = workbook.addWorksheet('Valeurs acceptées');
  values.columns = CODED.map((c) => ({ header: NEED_COLUMN_HEADERS_FR[c], key: c, width: 36 }));
  values.getRow(1).font = { bold: true };
  CODED.forEach((column, i) => {
    ACCEPTED_VALUES_FR[column].forEach((value, j) => {
      values.getCell(j + 2, i + 1).value = value;
    });
  });
  const help = workbook.addWorksheet('Mode d’emploi');
  help.columns = [
    { header: 'Colonne', key: 'column', width: 26 },
    { header: 'Contenu', key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of NEED_COLUMNS) {
    help.addRow({ column: NEED_COLUMN_HEADERS_FR[column], help: NEED_COLUMN_HELP_FR[column] });
  }
  help.addRow({});
  help.addRow({
    column: 'Valeurs',
    help: 'Catégorie, dimensions, urgence, échéance et source : une valeur de la feuille « Valeurs acceptées » (majuscules et accents indifférents).',
  });
  // Drop-downs on the coded columns (one value each; dimensions may list several, so they stay free text).
  for (const column of CODED.filter((c) => c !== 'dimensions')) {
    const letter = values.getColumn(CODED.indexOf(column) + 1).letter;
    const range = `'Valeurs acceptées'!$${letter}$2:$${letter}$${ACCEPTED_VALUES_FR[column].length + 1}`;
    const target = sheet.getColumn(column).letter;
    for (let row = 2; row <= 501; row++) {
      sheet.getCell(`${target}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: NEED_COLUMN_HEADERS_FR[column],
        error: 'Choisissez une valeur de la liste (feuille « Valeurs acceptées »).',
      };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function needsTemplateCsv(): Buffer {
  const notes = [
    '# Modèle d’import des besoins. Les lignes qui commencent par # sont ignorées à l’import.',
    ...NEED_COLUMNS.map((c) => `# ${NEED_COLUMN_HEADERS_FR[c]} : ${NEED_COLUMN_HELP_FR[c]}`),
    ...CODED.map((c) => `# ${NEED_COLUMN_HEADERS_FR[c]} — valeurs acceptées : ${ACCEPTED_VALUES_FR[c].join(' | ')}`),
  ];
  // Each note is one cell: quoted if it holds the separator.
  return csvFile([csvLine(HEADER_LINE), ...notes.map((note) => csvLine([note]))]);
}
