/**
 * A cell a spreadsheet could read as a formula (=, +, -, @, tab, carriage return first) is written as text with a
 * leading apostrophe. Every XLSX or CSV the app writes passes user-typed text through it: interview comments,
 * needs, project titles and shortlists come from people outside the agency, and a formula must never run.
 */
export function safeCell(value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
