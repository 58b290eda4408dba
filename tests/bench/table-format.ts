// Aligned plain-text tables for the benchmark's stdout: numbers right-aligned, text left.

export type Cell = string | number | null | undefined;

export function formatCell(value: Cell, digits = 0): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '–';
    return value.toFixed(digits);
  }
  return value;
}

function isNumeric(text: string): boolean {
  return /^[-+]?\d/.test(text) || text === '–';
}

/** Renders rows under a header, each column as wide as its widest cell, two spaces apart. */
export function formatTable(title: string, headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], header: boolean) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? cell.length;
        return !header && i > 0 && isNumeric(cell) ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(headers, true), rule, ...rows.map((r) => line(r, false))].join('\n');
}
