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

  it('rotates the file before it passes its size limit, keeping three old files', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'wall.log');
    const log = createLogger({ file, echo: false, maxBytes: 1_000 });
    for (let i = 0; i < 100; i += 1) log(`line ${i} ${'x'.repeat(40)}`);
    for (const name of [file, `${file}.1`, `${file}.2`, `${file}.3`]) {
      expect(readFileSync(name).length, name).toBeLessThanOrEqual(1_000);
    }
    expect(existsSync(`${file}.4`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('line 99 ');
    // The files hold consecutive history: .1 ends just before the current file starts.
    const firstNow = Number(/line (\d+) /.exec(readFileSync(file, 'utf8'))?.[1]);
    expect(readFileSync(`${file}.1`, 'utf8')).toContain(`line ${firstNow - 1} `);
  });

  it('counts bytes, not characters, so Vietnamese lines stay under the limit', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'wall.log');
    const log = createLogger({ file, echo: false, maxBytes: 1_000 });
    for (let i = 0; i < 60; i += 1) log(`Mất tín hiệu ở Cẩm Đoài, Định Sơn, Đức Chính ${i}`);
    expect(readFileSync(file).length).toBeLessThanOrEqual(1_000);
    expect(readFileSync(`${file}.1`).length).toBeLessThanOrEqual(1_000);
  });

  it('keeps writing when a rotation fails, and rotates once it can', () => {
    const written: string[] = [];
    let renames = 0;
    let renameWorks = false;
    const log = createLogger({
      file: join(mkdtempSync(join(tmpdir(), 'log-')), 'wall.log'),
      echo: false,
      maxBytes: 200,
      fs: {
        append: (_file, text) => written.push(text),
        rename: () => {
          renames += 1;
          if (!renameWorks) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
        },
      },
    });
    for (let i = 0; i < 20; i += 1) log(`line ${i} ${'x'.repeat(30)}`);
    expect(written).toHaveLength(20);
    const failedTries = renames;
    expect(failedTries).toBeGreaterThan(0);
    expect(failedTries).toBeLessThan(20); // retried every tenth of the limit, not every line
    renameWorks = true;
    for (let i = 20; i < 30; i += 1) log(`line ${i} ${'x'.repeat(30)}`);
    expect(written).toHaveLength(30);
    expect(renames).toBeGreaterThan(failedTries);
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
