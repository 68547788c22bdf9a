/**
 * CSV the way Dutch Excel opens it with a double click: UTF-8 with a byte-order mark (or Excel
 * guesses Windows-1252), `;` between cells (`,` is the decimal separator), CRLF between rows.
 * Cells are quoted when they hold a separator, quote or line break; text that Excel would read
 * as a formula (= + - @, and tab/CR which it strips first) is prefixed with an apostrophe, as
 * OWASP's CSV-injection advice says, so a Keeping note like "=HYPERLINK(…)" stays text.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text; numbers are written as given (format them first, e.g. with a decimal comma). */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  if (/[;"\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** The whole file: BOM, then each row's cells joined by `;`, each row ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => `${row.map(csvCell).join(CSV_SEPARATOR)}\r\n`).join('');
}

/** Minutes as decimal hours with a comma ("1,50"): the number a Dutch Excel sums. */
export function csvHours(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const hundredths = Math.round((Math.abs(minutes) * 100) / 60);
  return `${sign}${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
}

/** An instant as dd-mm-jjjj and HH:mm in the given time zone (the bookkeeper's own by default). */
export function csvDateTime(epochMs: number, timeZone?: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return { date: `${get('day')}-${get('month')}-${get('year')}`, time: `${get('hour')}:${get('minute')}` };
}
