// A snapshot's file, decided without touching the disk: the request checked, the file name
// (centre, camera, the frame's local time), and the frame's exact time written into the PNG
// itself (a tEXt "Creation Time" chunk with milliseconds), so the file carries its proof of
// time even when renamed.
import { crc32 } from 'node:zlib';
import type { SnapshotRequest } from '../contract/look-closer';
import type { Result } from '../contract/wall-contract';

/** A 4K frame as PNG stays far below this. */
export const MAX_SNAPSHOT_BYTES = 48 * 1024 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR_END = 8 + 8 + 13 + 4;

export function parseSnapshotRequest(payload: unknown): Result<SnapshotRequest> {
  const p = payload as Partial<Record<keyof SnapshotRequest, unknown>> | null;
  if (typeof p?.cameraId !== 'string') return { ok: false, error: 'The camera id must be text.' };
  if (typeof p.png !== 'string' || p.png.length > (MAX_SNAPSHOT_BYTES / 3) * 4 + 4) {
    return { ok: false, error: 'The snapshot must be a PNG of at most 48 MB, as base64.' };
  }
  const frameAt = p.frameAt ?? null;
  if (frameAt !== null && (typeof frameAt !== 'number' || !Number.isFinite(frameAt))) {
    return { ok: false, error: 'The frame time must be a number of milliseconds or null.' };
  }
  return { ok: true, value: { cameraId: p.cameraId, png: p.png, frameAt } };
}

/** The PNG's bytes, or null when they are not a PNG (signature and IHDR first). */
export function decodePng(base64: string): Buffer | null {
  const bytes = Buffer.from(base64, 'base64');
  const ok =
    bytes.length > IHDR_END &&
    PNG_SIGNATURE.every((b, i) => bytes[i] === b) &&
    bytes.toString('latin1', 12, 16) === 'IHDR';
  return ok ? bytes : null;
}

/** The PNG with a tEXt chunk after IHDR (PNG allows tEXt anywhere between IHDR and IEND). */
export function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const body = Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0]),
    Buffer.from(text, 'latin1'),
  ]);
  const chunk = Buffer.alloc(12 + body.length);
  chunk.writeUInt32BE(body.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  body.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + body.length)), 8 + body.length);
  return Buffer.concat([png.subarray(0, IHDR_END), chunk, png.subarray(IHDR_END)]);
}

/** Reads a tEXt chunk back (tests and anyone checking a file); null when absent. */
export function readPngText(png: Buffer, keyword: string): string | null {
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'tEXt') {
      const body = png.subarray(at + 8, at + 8 + length);
      const zero = body.indexOf(0);
      if (body.toString('latin1', 0, zero) === keyword) return body.toString('latin1', zero + 1);
    }
    at += 12 + length;
  }
  return null;
}

/** "Cẩm Đoài - Quầy 1 - 2026-11-30 14-02-10.png": what Explorer sorts and people read. */
export function snapshotFileName(site: string, camera: string, frameAt: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${frameAt.getFullYear()}-${pad(frameAt.getMonth() + 1)}-${pad(frameAt.getDate())}`;
  const time = `${pad(frameAt.getHours())}-${pad(frameAt.getMinutes())}-${pad(frameAt.getSeconds())}`;
  // Characters Windows refuses in a name, and control characters, become a dash.
  // eslint-disable-next-line no-control-regex
  const clean = (part: string) => part.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return `${clean(site)} - ${clean(camera)} - ${date} ${time}.png`;
}
