import { describe, expect, it } from 'vitest';
import { formatCell, formatTable } from '../../bench/table-format';

describe('formatTable', () => {
  it('aligns columns: text left, numbers right', () => {
    const text = formatTable(
      'T',
      ['name', 'ms'],
      [
        ['ours', '12'],
        ['baseline', '1234'],
      ],
    );
    expect(text.split('\n')).toEqual([
      'T',
      'name      ms',
      '--------  ----',
      'ours        12',
      'baseline  1234',
    ]);
  });
  it('shows a missing value as a dash, never as 0', () => {
    expect(formatCell(null)).toBe('–');
    expect(formatCell(Number.NaN)).toBe('–');
    expect(formatCell(1.234, 1)).toBe('1.2');
  });
});
