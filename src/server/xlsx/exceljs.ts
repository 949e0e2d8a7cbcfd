import type ExcelJS from 'exceljs';

/**
 * exceljs takes ~27 MB once loaded: it is imported with the first spreadsheet read or written, not when the server
 * starts, so an idle server does not hold it (bench/memory.ts).
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
