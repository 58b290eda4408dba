// Sample SDPs and RTP builders shared by the RTSP unit and fuzz tests. The SDPs are shaped
// like what real devices send (GStreamer 1.22 verbatim; Hikvision and Dahua as seen in the
// field, with their absolute / '*' / query-string controls).

export const GSTREAMER_H264_SDP = `v=0
o=- 5535964930869381415 1 IN IP4 127.0.0.1
s=Session streamed with GStreamer
i=rtsp-server
t=0 0
a=tool:GStreamer
a=type:broadcast
a=control:*
a=range:npt=now-
m=video 0 RTP/AVP 96
c=IN IP4 0.0.0.0
b=AS:819
a=rtpmap:96 H264/90000
a=framerate:25
a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0LAHtoCgL/lwFqDAwNSgAAAAwCAAAAZR4sXUA==,aM48gA==;profile-level-id=42c01e;level-asymmetry-allowed=1
a=control:stream=0
a=ts-refclk:local
a=mediaclk:sender
`.replace(/\n/g, '\r\n');

export const GSTREAMER_H265_SDP = `v=0
o=- 13620336540549983890 1 IN IP4 127.0.0.1
s=Session streamed with GStreamer
t=0 0
a=control:*
m=video 0 RTP/AVP 96
c=IN IP4 0.0.0.0
a=rtpmap:96 H265/90000
a=fmtp:96 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwA/ugJA;sprop-sps=QgEBAWAAAAMAkAAAAwAAAwA/oAUCAXHy5bpKTC//AAEAAWoMDAwIAAADAAgAAAMAyEA=;sprop-pps=RAHAcYMS
a=control:stream=0
`;

export const HIKVISION_SDP = `v=0
o=- 1109162014219182 1109162014219182 IN IP4 0.0.0.0
s=Media Presentation
e=NONE
b=AS:5100
t=0 0
a=control:rtsp://192.168.1.64:554/Streaming/Channels/101/?transportmode=unicast
m=video 0 RTP/AVP 96
c=IN IP4 0.0.0.0
b=AS:5000
a=recvonly
a=x-dimensions:1920,1080
a=control:rtsp://192.168.1.64:554/Streaming/Channels/101/trackID=1?transportmode=unicast
a=rtpmap:96 H264/90000
a=fmtp:96 profile-level-id=420029; packetization-mode=1; sprop-parameter-sets=Z0IAKpY1QPAET8s3AQEBAg==,aM4xsg==
a=Media_header:MEDIAINFO=494D4B48010100000400010000000000000000000000000000000000000000000000000000000000;
a=appversion:1.0
m=audio 0 RTP/AVP 0
c=IN IP4 0.0.0.0
b=AS:50
a=recvonly
a=control:rtsp://192.168.1.64:554/Streaming/Channels/101/trackID=2?transportmode=unicast
a=rtpmap:0 PCMU/8000
`.replace(/\n/g, '\r\n');

export const DAHUA_SDP = `v=0
o=- 2251938210 2251938210 IN IP4 0.0.0.0
s=Media Server
c=IN IP4 0.0.0.0
t=0 0
a=control:*
a=packetization-supported:DH
a=rtppayload-supported:DH
a=range:npt=now-
m=video 0 RTP/AVP 96
a=control:trackID=0
a=framerate:25.000000
a=rtpmap:96 H264/90000
a=fmtp:96 packetization-mode=1;profile-level-id=4D002A;sprop-parameter-sets=Z00AKp2oHgCJ+WbgICAoAAADAAgAAAMBlCA=,aO48gA==
a=recvonly
m=audio 0 RTP/AVP 8
a=control:trackID=1
a=rtpmap:8 PCMA/8000
a=recvonly
`.replace(/\n/g, '\r\n');

/** Annex-B start codes inside the base64 (00 00 00 01 67 ... 00 00 00 01 68 ...). */
export const ANNEXB_SPROP_SDP = `v=0
m=video 0 RTP/AVP 97
a=rtpmap:97 H264/90000
a=fmtp:97 packetization-mode=1;sprop-parameter-sets=${Buffer.from([
  0, 0, 0, 1, 0x67, 0x42, 0xc0, 0x1e, 0xda, 0x02, 0x80, 0, 0, 0, 1, 0x68, 0xce, 0x3c, 0x80,
]).toString('base64')}
a=control:track1
`;

export const AUDIO_ONLY_SDP = `v=0
m=audio 0 RTP/AVP 0
a=rtpmap:0 PCMU/8000
`;

export const MJPEG_SDP = `v=0
m=video 0 RTP/AVP 26
a=control:track1
`;

export interface RtpFields {
  pt?: number;
  marker?: boolean;
  seq: number;
  ts: number;
  ssrc?: number;
  payload: Uint8Array | number[];
  csrc?: number;
  extensionWords?: number;
  padding?: number;
}

/** Builds an RTP packet, optionally with CSRCs, a header extension and padding. */
export function rtp(f: RtpFields): Uint8Array {
  const payload = Uint8Array.from(f.payload);
  const csrc = f.csrc ?? 0;
  const ext = f.extensionWords;
  const pad = f.padding ?? 0;
  const headerLen = 12 + csrc * 4 + (ext !== undefined ? 4 + ext * 4 : 0);
  const out = new Uint8Array(headerLen + payload.length + pad);
  out[0] = 0x80 | (pad ? 0x20 : 0) | (ext !== undefined ? 0x10 : 0) | csrc;
  out[1] = (f.marker ? 0x80 : 0) | (f.pt ?? 96);
  out[2] = (f.seq >> 8) & 0xff;
  out[3] = f.seq & 0xff;
  new DataView(out.buffer).setUint32(4, f.ts >>> 0);
  new DataView(out.buffer).setUint32(8, f.ssrc ?? 0x11223344);
  if (ext !== undefined) {
    const at = 12 + csrc * 4;
    out[at] = 0xbe;
    out[at + 1] = 0xde;
    out[at + 2] = ext >> 8;
    out[at + 3] = ext & 0xff;
  }
  out.set(payload, headerLen);
  if (pad) out[out.length - 1] = pad;
  return out;
}

/** Interleaved frame: '$', channel, 16-bit length, payload. */
export function interleaved(channel: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  out[0] = 0x24;
  out[1] = channel;
  out[2] = payload.length >> 8;
  out[3] = payload.length & 0xff;
  out.set(payload, 4);
  return out;
}

export const SPS = Uint8Array.from(
  Buffer.from('Z0LAHtoCgL/lwFqDAwNSgAAAAwCAAAAZR4sXUA==', 'base64'),
);
export const PPS = Uint8Array.from(Buffer.from('aM48gA==', 'base64'));
export const IDR = Uint8Array.from([0x65, 0x88, 0x84, 0x00, 0x33, 0xff, 0x10, 0x20, 0x30]);
export const P_SLICE = Uint8Array.from([0x41, 0x9a, 0x02, 0x04, 0x05]);

/** STAP-A: header byte then 16-bit size + NAL, repeated. */
export function stapA(nalus: Uint8Array[]): Uint8Array {
  const parts: number[] = [0x18];
  for (const n of nalus) parts.push(n.length >> 8, n.length & 0xff, ...n);
  return Uint8Array.from(parts);
}

/** Splits one NAL into FU-A payloads of at most `size` body bytes. */
export function fuA(nal: Uint8Array, size: number): Uint8Array[] {
  const indicator = (nal[0]! & 0xe0) | 28;
  const type = nal[0]! & 0x1f;
  const body = nal.subarray(1);
  const out: Uint8Array[] = [];
  for (let at = 0; at < body.length; at += size) {
    const start = at === 0 ? 0x80 : 0;
    const end = at + size >= body.length ? 0x40 : 0;
    out.push(Uint8Array.from([indicator, start | end | type, ...body.subarray(at, at + size)]));
  }
  return out;
}

/** Seeded PRNG (mulberry32) so fuzz failures reproduce. */
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
