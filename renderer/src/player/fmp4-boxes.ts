// Fragmented MP4 (ISO/IEC 14496-12) for one video track, as Media Source Extensions take it: an
// initialization segment made from the gateway's decoder configuration (contract/
// access-unit-wire.ts), then one fragment (moof + mdat) per access unit. The access unit's
// NAL units are already length-prefixed (AVCC / HVCC, as in FLV), so a fragment is a fixed
// 112-byte header in front of the picture's bytes: no parsing, one copy.
//
// Only what a decoder and Chromium's MP4 parser read is written; times are in milliseconds
// (the timescale of the wire's timestamps).

export const FMP4_TIMESCALE = 1_000;
const TRACK_ID = 1;

/** What the init segment needs from the gateway's config message. */
export interface TrackConfig {
  /** A WebCodecs / RFC 6381 codec string: avc1.…, avc3.…, hvc1.…, hev1.… */
  codec: string;
  /** The AVC or HEVC decoder configuration record. */
  description: Uint8Array;
  width: number;
  height: number;
}

/** One access unit on the track's timeline (ms). */
export interface FragmentSample {
  dts: number;
  /** pts − dts, may be negative. */
  compositionOffset: number;
  duration: number;
  keyframe: boolean;
  data: Uint8Array;
}

/** The four-letter sample entry for a codec string (its part before the first dot). */
export function sampleEntryType(codec: string): 'avc1' | 'avc3' | 'hvc1' | 'hev1' | null {
  const kind = codec.split('.')[0];
  return kind === 'avc1' || kind === 'avc3' || kind === 'hvc1' || kind === 'hev1' ? kind : null;
}

/** The MIME type MediaSource.isTypeSupported and addSourceBuffer take for the track. */
export function trackMimeType(codec: string): string {
  return `video/mp4; codecs="${codec}"`;
}

// --- writing ----------------------------------------------------------------------------------

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
const u16 = (v: number): number[] => [(v >>> 8) & 0xff, v & 0xff];
const u32 = (v: number): number[] => [
  (v >>> 24) & 0xff,
  (v >>> 16) & 0xff,
  (v >>> 8) & 0xff,
  v & 0xff,
];
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

/** A box: size, type, then its body (already flattened). */
function box(type: string, ...parts: (number[] | Uint8Array)[]): number[] {
  const body: number[] = [];
  for (const part of parts) for (const byte of part) body.push(byte);
  return [...u32(8 + body.length), ...ascii(type), ...body];
}

/** A full box: a box whose body starts with version and 24-bit flags. */
function fullBox(type: string, version: number, flags: number, ...parts: number[][]): number[] {
  return box(type, [version, (flags >>> 16) & 0xff, (flags >>> 8) & 0xff, flags & 0xff], ...parts);
}

// prettier-ignore
const UNITY_MATRIX = [
  ...u32(0x00010000), ...u32(0), ...u32(0),
  ...u32(0), ...u32(0x00010000), ...u32(0),
  ...u32(0), ...u32(0), ...u32(0x40000000),
];

/**
 * ftyp + moov for one video track of `config`, with an mvex so the track's samples come in
 * fragments. Throws on a codec string that names no MP4 sample entry we write.
 */
export function initSegment(config: TrackConfig): Uint8Array {
  const entry = sampleEntryType(config.codec);
  if (entry === null) throw new Error(`no MP4 sample entry for codec ${config.codec}`);
  const width = Math.min(0xffff, Math.max(0, config.width));
  const height = Math.min(0xffff, Math.max(0, config.height));
  const ftyp = box('ftyp', ascii('isom'), u32(0x200), ascii('isom'), ascii('iso6'), ascii('mp41'));
  // prettier-ignore
  const mvhd = fullBox('mvhd', 0, 0,
    u32(0), u32(0), u32(FMP4_TIMESCALE), u32(0), // creation, modification, timescale, duration
    u32(0x00010000), u16(0x0100), zeros(10), // rate 1.0, volume 1.0, reserved
    UNITY_MATRIX, zeros(24), u32(TRACK_ID + 1), // pre_defined, next_track_ID
  );
  // prettier-ignore
  const tkhd = fullBox('tkhd', 0, 0x000003, // enabled, in movie
    u32(0), u32(0), u32(TRACK_ID), u32(0), u32(0), // times, track, reserved, duration
    zeros(8), u16(0), u16(0), u16(0), u16(0), // reserved, layer, group, volume, reserved
    UNITY_MATRIX, u32(width << 16), u32(height << 16),
  );
  // prettier-ignore
  const mdhd = fullBox('mdhd', 0, 0,
    u32(0), u32(0), u32(FMP4_TIMESCALE), u32(0), // times, timescale, duration
    u16(0x55c4), u16(0), // language 'und', pre_defined
  );
  const hdlr = fullBox('hdlr', 0, 0, u32(0), ascii('vide'), zeros(12), [...ascii('Video'), 0]);
  const vmhd = fullBox('vmhd', 0, 1, zeros(8));
  const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
  // prettier-ignore
  const visualEntry = box(entry,
    zeros(6), u16(1), // reserved, data_reference_index
    zeros(16), u16(width), u16(height), // pre_defined + reserved, size
    u32(0x00480000), u32(0x00480000), u32(0), u16(1), // 72 dpi, reserved, frame_count
    zeros(32), u16(0x0018), u16(0xffff), // compressor name, depth, pre_defined −1
    box(entry.startsWith('avc') ? 'avcC' : 'hvcC', config.description),
  );
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), visualEntry),
    fullBox('stts', 0, 0, u32(0)),
    fullBox('stsc', 0, 0, u32(0)),
    fullBox('stsz', 0, 0, u32(0), u32(0)),
    fullBox('stco', 0, 0, u32(0)),
  );
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', vmhd, dinf, stbl)));
  const mvex = box('mvex', fullBox('trex', 0, 0, u32(TRACK_ID), u32(1), u32(0), u32(0), u32(0)));
  return Uint8Array.from([...ftyp, ...box('moov', mvhd, trak, mvex)]);
}

/** Sample flags (14496-12 8.8.3.1): a sync sample depends on nothing; others are non-sync. */
const KEYFRAME_FLAGS = 0x02000000;
const DELTA_FRAME_FLAGS = 0x01010000;

/** moof (mfhd, traf: tfhd, tfdt v1, trun v1 of one sample) + mdat header. */
export const FRAGMENT_HEADER_BYTES = 112;
const MOOF_BYTES = 104;

/**
 * One fragment holding one sample: moof + mdat, written into a buffer of exactly its size (the
 * only allocation) with the sample's bytes copied after the header.
 */
export function fragment(sequence: number, sample: FragmentSample): Uint8Array {
  const out = new Uint8Array(FRAGMENT_HEADER_BYTES + sample.data.length);
  const view = new DataView(out.buffer);
  let at = 0;
  const head = (size: number, type: number): void => {
    view.setUint32(at, size);
    view.setUint32(at + 4, type);
    at += 8;
  };
  const word = (value: number): void => {
    view.setUint32(at, value >>> 0);
    at += 4;
  };
  head(MOOF_BYTES, MOOF);
  head(16, MFHD);
  word(0); // version, flags
  word(sequence);
  head(80, TRAF);
  head(16, TFHD);
  word(0x020000); // default-base-is-moof
  word(TRACK_ID);
  head(20, TFDT);
  word(0x01000000); // version 1: a 64-bit decode time
  const dts = Math.max(0, Math.round(sample.dts));
  word(Math.floor(dts / 0x100000000));
  word(dts % 0x100000000);
  head(36, TRUN);
  word(0x01000f01); // version 1 (signed offsets); data offset, duration, size, flags, cts
  word(1); // sample count
  word(FRAGMENT_HEADER_BYTES); // data offset from the moof's start: just past mdat's header
  word(Math.max(1, Math.round(sample.duration)));
  word(sample.data.length);
  word(sample.keyframe ? KEYFRAME_FLAGS : DELTA_FRAME_FLAGS);
  view.setInt32(at, Math.round(sample.compositionOffset));
  at += 4;
  head(8 + sample.data.length, MDAT);
  out.set(sample.data, at);
  return out;
}

const fourCc = (type: string): number =>
  ((type.charCodeAt(0) << 24) |
    (type.charCodeAt(1) << 16) |
    (type.charCodeAt(2) << 8) |
    type.charCodeAt(3)) >>>
  0;
const MOOF = fourCc('moof');
const MFHD = fourCc('mfhd');
const TRAF = fourCc('traf');
const TFHD = fourCc('tfhd');
const TFDT = fourCc('tfdt');
const TRUN = fourCc('trun');
const MDAT = fourCc('mdat');
