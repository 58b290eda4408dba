// CSV that Excel opens correctly: UTF-8 with a BOM (without it Excel guesses the ANSI code
// page and Vietnamese diacritics turn to mojibake), CRLF line ends and RFC 4180 quoting.
//
// Formula injection: camera names and reasons come from configuration and from cameras'
// error text, so a cell starting with = + - @ (or tab/CR, which Excel also strips before
// evaluating) could run as a formula. Such text cells get a leading apostrophe: Excel shows
// it and never evaluates the cell, and a reader can see the guard. Numbers are written as
// numbers and never guarded, so -1 stays a number.

export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  // Semicolons are quoted too, for Excel set to a ';' list separator.
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header row, data rows, every line ended by CRLF. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.map((line) => line + CRLF).join('');
}
