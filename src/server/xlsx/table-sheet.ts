import type ExcelJS from 'exceljs';

/** A column of a table sheet: its heading, the key rows give its value under, its width (and format). */
export type TableColumn = { header: string; key: string; width: number; style?: Partial<ExcelJS.Style> };

/**
 * A sheet that is one table: its first row heads the columns, in bold, and stays in view while the rows scroll
 * under it. The app's exports (diagnostic data, province dashboard, needs, open data) all look so.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: TableColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  return sheet;
}
