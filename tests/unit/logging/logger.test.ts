import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/logging/logger';

describe('createLogger', () => {
  it('appends stamped lines to the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'wall.log');
    const log = createLogger({ file, echo: false });
    log('first');
    log('second');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ first$/);
  });

  it('rotates the file before it passes its size limit, keeping one old file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'wall.log');
    const log = createLogger({ file, echo: false, maxBytes: 1_000 });
    for (let i = 0; i < 100; i += 1) log(`line ${i} ${'x'.repeat(40)}`);
    expect(readFileSync(file).length).toBeLessThanOrEqual(1_000);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(readFileSync(`${file}.1`).length).toBeLessThanOrEqual(1_000);
    expect(readFileSync(file, 'utf8')).toContain('line 99 ');
  });

  it('keeps counting from an existing file’s size after a restart', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'wall.log');
    const first = createLogger({ file, echo: false, maxBytes: 500 });
    for (let i = 0; i < 6; i += 1) first(`${'y'.repeat(60)}`);
    const second = createLogger({ file, echo: false, maxBytes: 500 });
    for (let i = 0; i < 6; i += 1) second(`${'z'.repeat(60)}`);
    expect(readFileSync(file).length).toBeLessThanOrEqual(500);
  });
});
