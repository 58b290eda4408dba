import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSettings } from '../../../electron/settings/demo-config';
import { readPngText, snapshotFileName } from '../../../electron/services/snapshot-file';
import { saveSnapshot } from '../../../electron/services/snapshot-saver';

/** A real 2x1 RGB PNG, built by hand (chunks and CRCs as any viewer checks them). */
function tinyPng(): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    out.write(type, 4, 'latin1');
    body.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let dir: string;
const logs: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
  logs.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saveSnapshot', () => {
  const settings = demoSettings();
  const camera = settings.cameras.find((c) => c.availability === 'installed')!;
  const site = settings.sites.find((s) => s.id === camera.siteId)!;
  const frameAt = new Date(2026, 10, 30, 14, 2, 10, 345).getTime();

  it('names the file by centre, camera and the frame’s time, and stamps that time inside', async () => {
    const copies: Buffer[] = [];
    const result = await saveSnapshot(
      { cameraId: camera.id, png: tinyPng().toString('base64'), frameAt },
      settings,
      { defaultFolder: join(dir, 'One-Stop Wall'), copyImage: (png) => copies.push(png) },
      (line) => logs.push(line),
      () => frameAt + 5_000,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const name = `${site.shortName ?? site.name} - ${camera.name} - 2026-11-30 14-02-10.png`;
    expect(result.value).toEqual({ path: join(dir, 'One-Stop Wall', name), copied: true });
    const file = readFileSync(result.value.path);
    // The frame's time, not the click's (5 s later), to the millisecond.
    expect(readPngText(file, 'Creation Time')).toBe(new Date(frameAt).toISOString());
    expect(copies[0]!.equals(file)).toBe(true);
  });

  it('never replaces a file, uses the settings’ folder, and says when there is no clipboard', async () => {
    const folder = join(dir, 'chosen');
    const request = { cameraId: camera.id, png: tinyPng().toString('base64'), frameAt };
    const place = { defaultFolder: join(dir, 'unused'), copyImage: null };
    const own = { ...settings, snapshotFolder: folder };
    const first = await saveSnapshot(request, own, place, () => {});
    const second = await saveSnapshot(request, own, place, () => {});
    expect(first.ok && second.ok && second.value.path.endsWith(' (2).png')).toBe(true);
    expect(second.ok && second.value.copied).toBe(false);
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('refuses what is not a PNG of a known camera, and says why a folder cannot be used', async () => {
    const png = tinyPng().toString('base64');
    const place = { defaultFolder: dir, copyImage: null };
    const bad = async (payload: unknown) => {
      const result = await saveSnapshot(payload, settings, place, () => {});
      return result.ok ? null : result.error;
    };
    expect(await bad({ cameraId: 'nope', png, frameAt })).toMatch(/No camera/);
    expect(await bad({ cameraId: camera.id, png: 'aGVsbG8=', frameAt })).toMatch(/not a PNG/);
    expect(await bad({ cameraId: camera.id, png, frameAt: 'now' })).toMatch(/frame time/);
    expect(await bad(null)).toMatch(/camera id/);
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const result = await saveSnapshot(
      { cameraId: camera.id, png, frameAt },
      { ...settings, snapshotFolder: join(blocker, 'sub') },
      place,
      (line) => logs.push(line),
    );
    expect(!result.ok && result.error).toMatch(/could not be saved .*Ask IT/);
    expect(logs[0]).toMatch(/^snapshot: could not write/);
  });

  it('keeps file names legal on Windows', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5);
    expect(snapshotFileName('A/B', 'Quầy: 1?', at)).toBe(
      'A-B - Quầy- 1- - 2026-01-02 03-04-05.png',
    );
  });
});
