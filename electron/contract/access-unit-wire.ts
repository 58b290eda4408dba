// The loopback gateway's second stream format, for tiles that decode with WebCodecs: one
// WebSocket message per item, no container. Main writes it (streams/core/access-unit-feed.ts)
// from the session's FLV tags; the renderer's WebCodecs engine reads it. Both ends use this
// module, so the layout is written down once.
//
//   config: [1][codec length u8][codec, ASCII][width u16][height u16]
//           [decoder configuration record (avcC or hvcC)]
//   frame:  [2][flags u8: bit 0 keyframe][dts u32 ms][pts - dts i32 ms][received f64 epoch ms]
//           [the picture: NAL units, each with a 4-byte big-endian length (AVCC, as in FLV)]
//
// All numbers big-endian. dts is on the viewer's own timeline (stream-viewer.ts), received is
// when main got the frame: the clock mark the FLV format carries in script tags. The picture
// size is the SPS's (main parses the record anyway; 0 when it could not): an MP4 track must name
// it, and a page has no SPS reader of its own.

export const AU_MESSAGE_CONFIG = 1;
export const AU_MESSAGE_FRAME = 2;
export const AU_FRAME_HEADER_BYTES = 18;

export interface AuConfig {
  kind: 'config';
  /** A WebCodecs codec string: avc1.PPCCLL or hvc1.… */
  codec: string;
  /** The AVC/HEVC decoder configuration record, VideoDecoderConfig.description. */
  description: Uint8Array;
  /** The picture size the SPS gives, 0 × 0 when main could not read it. */
  width: number;
  height: number;
}

export interface AuFrame {
  kind: 'frame';
  keyframe: boolean;
  dts: number;
  pts: number;
  receivedAt: number;
  /** Length-prefixed NAL units (a view into the message, not a copy). */
  data: Uint8Array;
}

export type AuMessage = AuConfig | AuFrame;

export function encodeAuConfig(
  codec: string,
  description: Uint8Array,
  size: { width: number; height: number } = { width: 0, height: 0 },
): Uint8Array {
  const name = new TextEncoder().encode(codec);
  if (name.length > 255) throw new Error('codec string too long');
  const out = new Uint8Array(2 + name.length + 4 + description.length);
  const view = new DataView(out.buffer);
  out[0] = AU_MESSAGE_CONFIG;
  out[1] = name.length;
  out.set(name, 2);
  view.setUint16(2 + name.length, clampU16(size.width));
  view.setUint16(4 + name.length, clampU16(size.height));
  out.set(description, 6 + name.length);
  return out;
}

const clampU16 = (value: number): number =>
  Number.isFinite(value) ? Math.min(0xffff, Math.max(0, Math.round(value))) : 0;

/** A frame message; `payload` is copied in after the header. */
export function encodeAuFrame(frame: Omit<AuFrame, 'kind'>): Uint8Array {
  const out = new Uint8Array(AU_FRAME_HEADER_BYTES + frame.data.length);
  const view = new DataView(out.buffer);
  out[0] = AU_MESSAGE_FRAME;
  out[1] = frame.keyframe ? 1 : 0;
  view.setUint32(2, Math.max(0, Math.floor(frame.dts)) >>> 0);
  view.setInt32(6, Math.round(frame.pts - frame.dts) | 0);
  view.setFloat64(10, frame.receivedAt);
  out.set(frame.data, AU_FRAME_HEADER_BYTES);
  return out;
}

/** The same decoder configuration: a config message that repeats it needs no new decoder setup. */
export function sameAuConfig(a: AuConfig, b: AuConfig): boolean {
  if (a.codec !== b.codec || a.description.length !== b.description.length) return false;
  return a.description.every((byte, i) => byte === b.description[i]);
}

/** Reads one message; null for anything malformed or unknown (a newer main, a damaged frame). */
export function decodeAuMessage(bytes: Uint8Array): AuMessage | null {
  const type = bytes[0];
  if (type === AU_MESSAGE_CONFIG) {
    const length = bytes[1];
    if (length === undefined || length === 0 || bytes.length < 6 + length + 1) return null;
    const codec = new TextDecoder().decode(bytes.subarray(2, 2 + length));
    if (!/^(avc[13]|hvc1|hev1)\.[0-9A-Za-z.]+$/.test(codec)) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return {
      kind: 'config',
      codec,
      width: view.getUint16(2 + length),
      height: view.getUint16(4 + length),
      description: bytes.subarray(6 + length),
    };
  }
  if (type === AU_MESSAGE_FRAME) {
    if (bytes.length <= AU_FRAME_HEADER_BYTES) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dts = view.getUint32(2);
    const receivedAt = view.getFloat64(10);
    if (!Number.isFinite(receivedAt)) return null;
    return {
      kind: 'frame',
      keyframe: (bytes[1]! & 1) === 1,
      dts,
      pts: dts + view.getInt32(6),
      receivedAt,
      data: bytes.subarray(AU_FRAME_HEADER_BYTES),
    };
  }
  return null;
}
