import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../electron/settings/json-syntax-error';

function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, "x\\u00e9\\n", true, false, null]} ',
      '"s"',
      '0',
    ]) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('points at an unquoted password by line and column, without quoting it', () => {
    const text = '{\n  "auth": {\n    "password": hunter2secret\n  }\n}';
    const found = findJsonSyntaxError(text);
    expect(found).toEqual({
      line: 3,
      column: 17,
      problem: 'expected a value, found a bare word (text must be in "quotes")',
    });
    expect(JSON.stringify(found)).not.toMatch(/hunter|secret/);
  });

  it('names the usual mistakes', () => {
    expect(findJsonSyntaxError('{"a": 1,}')?.problem).toBe(
      'expected a "quoted" name, found an unexpected character',
    );
    expect(findJsonSyntaxError('{"a": 1 "b": 2}')).toMatchObject({
      column: 9,
      problem: 'expected "," or "}", found an unexpected character',
    });
    expect(findJsonSyntaxError('{"a": 1')?.problem).toBe(
      'expected "," or "}", but the file ends here',
    );
    expect(findJsonSyntaxError('{"a": "open')?.problem).toBe('a "quoted" text is not closed');
    expect(findJsonSyntaxError('{"a": "C:\\data"}')?.problem).toMatch(/unknown escape/);
    expect(findJsonSyntaxError('{} {}')?.problem).toBe('there is more after the end of the JSON');
    expect(findJsonSyntaxError('['.repeat(10_000))?.problem).toBe('the file is nested too deeply');
  });

  it('agrees with JSON.parse on whether random near-JSON is valid', () => {
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      '"a"',
      ':',
      ',',
      '1',
      '-',
      '.5',
      'e3',
      'true',
      'nul',
      ' ',
      '\n',
      '"\\u12"',
      '"\\n"',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(random() * 12);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join(
        '',
      );
      expect(findJsonSyntaxError(text) === null, text).toBe(isValidJson(text));
    }
  });
});
