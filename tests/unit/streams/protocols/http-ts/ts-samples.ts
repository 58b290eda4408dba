// Real MPEG-TS bytes for the http-ts tests (made by tests/fixtures/mpegts/make-fixtures.sh)
// and a few builders for what ffmpeg will not produce on request: other codecs, lost packets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32Mpeg } from '../../../../../electron/streams/protocols/http-ts/psi-tables';
import { TS_PACKET_SIZE } from '../../../../../electron/streams/protocols/http-ts/ts-packet-reader';

const FIXTURES = join(__dirname, '../../../../fixtures/mpegts');

/** 2 s of 320x180 H.264 at 25 fps, GOP 25, two B-frames: 50 pictures, IDRs at 0 and 25. */
export const H264_TS = new Uint8Array(readFileSync(join(FIXTURES, 'h264-bframes.mpegts')));
/** 1 s of 320x180 H.265 at 25 fps. */
export const H265_TS = new Uint8Array(readFileSync(join(FIXTURES, 'h265.mpegts')));
/** ffmpeg's defaults: PMT on 0x1000, the first stream on 0x100. */
export const VIDEO_PID = 0x100;

export function packets(ts: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at + TS_PACKET_SIZE <= ts.length; at += TS_PACKET_SIZE) {
    out.push(ts.subarray(at, at + TS_PACKET_SIZE));
  }
  return out;
}

export const pidOf = (packet: Uint8Array) => ((packet[1]! & 0x1f) << 8) | packet[2]!;
export const isStart = (packet: Uint8Array) => (packet[1]! & 0x40) !== 0;

export function cat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A packet carrying one PSI section (pointer_field 0), stuffed with 0xFF. */
export function psiPacket(pid: number, tableId: number, body: number[], cc = 0): Uint8Array {
  const sectionLength = 5 + body.length + 4;
  const section = [
    tableId,
    0xb0 | (sectionLength >> 8),
    sectionLength & 0xff,
    0x00,
    0x01, // table_id_extension
    0xc1, // version 0, current_next_indicator 1
    0x00,
    0x00,
    ...body,
  ];
  const crc = crc32Mpeg(Uint8Array.from(section));
  section.push(crc >>> 24, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff);
  const packet = new Uint8Array(TS_PACKET_SIZE).fill(0xff);
  packet.set([0x47, 0x40 | (pid >> 8), pid & 0xff, 0x10 | (cc & 0x0f), 0x00, ...section]);
  return packet;
}

export const patPacket = (pmtPid: number) =>
  psiPacket(0, 0x00, [0x00, 0x01, 0xe0 | (pmtPid >> 8), pmtPid & 0xff]);

/** A PMT listing (stream_type, pid) pairs without descriptors. */
export function pmtPacket(pmtPid: number, streams: Array<[number, number]>): Uint8Array {
  const body = [0xe0 | (VIDEO_PID >> 8), VIDEO_PID & 0xff, 0xf0, 0x00]; // PCR PID, no info
  for (const [type, pid] of streams) body.push(type, 0xe0 | (pid >> 8), pid & 0xff, 0xf0, 0x00);
  return psiPacket(pmtPid, 0x02, body);
}

/** A seeded PRNG (mulberry32), so a failing fuzz case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts bytes into random chunks of 1..maxChunk bytes. */
export function chunked(bytes: Uint8Array, rnd: () => number, maxChunk: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const n = 1 + Math.floor(rnd() * maxChunk);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}
