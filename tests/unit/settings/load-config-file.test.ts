import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSettings } from '../../../electron/settings/demo-config';
import { ConfigFileError, loadConfigFile } from '../../../electron/settings/load-config-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wall-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function refusal(file: string): ConfigFileError {
  try {
    loadConfigFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return error as ConfigFileError;
  }
  throw new Error('the file was accepted');
}

describe('loadConfigFile', () => {
  it('loads a valid file (with a UTF-8 BOM, as Windows Notepad writes it)', () => {
    const file = write('wall.json', '\uFEFF' + JSON.stringify(demoSettings()));
    expect(loadConfigFile(file)).toEqual(demoSettings());
  });

  it('says that a missing file does not exist', () => {
    const error = refusal(join(dir, 'nope.json'));
    expect(error.problems).toEqual(['the file does not exist']);
    expect(error.file).toBe(join(dir, 'nope.json'));
    expect(error.message).toContain(join(dir, 'nope.json'));
  });

  it('says that a directory cannot be read', () => {
    expect(refusal(dir).problems[0]).toMatch(/cannot be read \(EISDIR\)/);
  });

  it('says the file is not valid JSON', () => {
    const error = refusal(write('bad.json', '{ "schemaVersion": 1, '));
    expect(error.problems).toEqual([expect.stringMatching(/^it is not valid JSON: /)]);
  });

  it('points at a JSON mistake by line and column and never quotes the file', () => {
    const text = '{\n  "cameras": [{ "auth": { "password": hunter2-Secret } }]\n}';
    const error = refusal(write('typo.json', text));
    expect(error.problems).toEqual([
      'it is not valid JSON: line 2, column 39: expected a value, found a bare word (text must be in "quotes")',
    ]);
    expect(error.message).not.toMatch(/hunter2|Secret/);
  });

  it('lists every schema problem and tells IT what to do next', () => {
    const settings = { ...demoSettings(), schemaVersion: 9, locale: 'de' };
    const error = refusal(write('wall.json', JSON.stringify(settings)));
    expect(error.problems).toEqual([
      'schemaVersion: is 9, written by a newer version of One-Stop Wall; this one reads up to 2. Update the app on this PC.',
      'locale: must be "vi" or "en"',
    ]);
    expect(error.message).toContain('  - schemaVersion: is 9, written by a newer version');
    expect(error.message).toContain('  - locale: must be "vi" or "en"');
    expect(error.message).toMatch(/Fix the file/);
    expect(error.name).toBe('ConfigFileError');
  });
});
