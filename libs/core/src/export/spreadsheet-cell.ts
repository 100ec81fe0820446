/**
 * Cells of every export (CSV, XLSX) pass through here: text a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so a complaint
 * text like `=HYPERLINK(...)` shows as text. Numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CellValue = string | number | boolean | Date | null | undefined;

/** One CSV field (RFC 4180): formula-neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = neutraliseFormula(value instanceof Date ? value.toISOString() : value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (CRLF lines, UTF-8 BOM so spreadsheet programs read Chinese right). */
export function toCsv(header: string[], rows: CellValue[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
