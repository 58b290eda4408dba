import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PcCheckKeeper } from '../../../../electron/services/health/pc-check-keeper';
import { tempDir } from '../../health/log/helpers';
import { measured, NOW } from './pc-check-fixture';

function keeper(dir: string | null, lastLogEntry: number | null = null, lines: string[] = []) {
  return new PcCheckKeeper({
    dir,
    lastLogEntry: () => lastLogEntry,
    log: (l) => lines.push(l),
    now: () => NOW,
  });
}

describe('PcCheckKeeper', () => {
  it('keeps the measurement on disk, and the next start reads it back', () => {
    const dir = tempDir();
    const lines: string[] = [];
    expect(keeper(dir).report().renderer).toBeNull();
    const saved = keeper(dir, null, lines).save(measured());
    expect(saved).toMatchObject({ ok: true, value: { renderer: measured() } });
    expect(JSON.parse(readFileSync(join(dir, 'pc-check.json'), 'utf8'))).toEqual(measured());
    expect(existsSync(join(dir, 'pc-check.json.tmp'))).toBe(false);
    expect(lines).toEqual([
      'pc check: 9 tiles of 640x360@25 at full rate; H.264 MSE true, H.265 MSE false',
    ]);
    expect(keeper(dir).report().renderer).toEqual(measured());
  });

  it('refuses a payload of the wrong shape and keeps what it had', () => {
    const dir = tempDir();
    const k = keeper(dir);
    k.save(measured(4));
    const bad = { ...measured(), decode: { ...measured().decode, tiles: -1 } };
    expect(k.save(bad)).toEqual({
      ok: false,
      error: 'The PC check result is not in the expected shape.',
    });
    expect(k.save(null).ok).toBe(false);
    expect(k.save({ ...measured(), codecs: { h264: { mse: 'yes' } } }).ok).toBe(false);
    expect(k.report().renderer?.decode.tiles).toBe(4);
  });

  it('drops what it does not know from a kept file and ignores a damaged one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pc-check.json'), '{"measuredAt": 1, "codecs"');
    expect(keeper(dir).report().renderer).toBeNull();
    writeFileSync(join(dir, 'pc-check.json'), JSON.stringify({ ...measured(), extra: 'x' }));
    expect(keeper(dir).report().renderer).toEqual(measured());
  });

  it('reports free disk for the log folder, or why it cannot', () => {
    const report = keeper(tempDir()).report();
    expect(report.disk.error).toBeNull();
    expect(report.disk.freeBytes).toBeGreaterThan(0);
    expect(keeper(null).report().disk).toEqual({
      freeBytes: null,
      error: 'this PC keeps no health record',
    });
    expect(keeper('/nonexistent/wall-health').report().disk).toEqual({
      freeBytes: null,
      error: 'ENOENT',
    });
  });

  it('keeps a measurement in memory where there is no folder', () => {
    const k = keeper(null);
    expect(k.report().persistent).toBe(false);
    expect(keeper(tempDir()).report().persistent).toBe(true);
    expect(k.save(measured(16)).ok).toBe(true);
    expect(k.report().renderer?.decode.tiles).toBe(16);
  });
});
