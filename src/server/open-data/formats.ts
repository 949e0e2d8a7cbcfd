import { stringify } from 'csv-stringify/sync';
import { type Column, csvCell, type DatasetDefinition, type Row } from '../../domain/open-data/datasets.ts';
import { loadExcelJS } from '../xlsx/exceljs.ts';
import { addTableSheet } from '../xlsx/table-sheet.ts';

const BOM = '\ufeff';

/**
 * The spreadsheet CSV (UTF-8 with BOM so Excel reads the accents, `;` separator, decimal comma, dd/mm/yyyy dates, as
 * Belgian spreadsheets expect) or the plain one (UTF-8 without BOM, `,`, decimal point, ISO dates) for programs.
 */
export function toCsv(rows: Row[], columns: Column[], variant: 'csv' | 'csv-comma'): string {
  const records = rows.map((row) => columns.map((c) => csvCell(row[c.key] ?? null, c, variant)));
  const text = stringify([columns.map((c) => c.header), ...records], {
    delimiter: variant === 'csv' ? ';' : ',',
    record_delimiter: '\r\n',
  });
  return variant === 'csv' ? BOM + text : text;
}

/** One sheet of the data, one of what it is (title, licence, publisher, update date). */
export async function toXlsx(
  dataset: DatasetDefinition,
  rows: Row[],
  meta: { publisher: string; licence: string; modified: string | null; source: string },
): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.publisher;
  const sheet = addTableSheet(
    workbook,
    'donnees',
    dataset.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.max(12, c.header.length + 2),
      ...(c.type === 'number' ? { style: { numFmt: '#,##0.##' } } : {}),
    })),
  );
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        dataset.columns.map((c) => {
          const value = row[c.key] ?? null;
          return [
            c.key,
            c.type === 'date' && typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value,
          ];
        }),
      ),
    );
  }
  const about = workbook.addWorksheet('a-propos');
  about.columns = [
    { header: 'champ', key: 'k', width: 18 },
    { header: 'valeur', key: 'v', width: 100 },
  ];
  about.addRows([
    { k: 'jeu de données', v: dataset.title.fr },
    { k: 'description', v: dataset.description.fr },
    { k: 'éditeur', v: meta.publisher },
    { k: 'licence', v: meta.licence },
    { k: 'mis à jour le', v: meta.modified ?? '' },
    { k: 'source', v: meta.source },
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
