// A small SDP reader (RFC 4566) for what an RTSP client needs: the video media, its payload
// type, clock rate, control URL and codec parameters (RFC 6184 / RFC 7798 fmtp). Never throws.
import { splitParameterSets } from '../../codecs/nal-units';

export interface SdpMedia {
  kind: string; // 'video', 'audio', 'application', ...
  payloadTypes: number[];
  control?: string;
  rtpmap: Map<number, { encoding: string; clockRate: number }>;
  fmtp: Map<number, Map<string, string>>;
}

export interface SdpSession {
  control?: string;
  media: SdpMedia[];
}

const MAX_LINES = 2000;

export function parseSdp(text: string): SdpSession {
  const session: SdpSession = { media: [] };
  let current: SdpMedia | undefined;
  const lines = text.split(/\r?\n|\r/).slice(0, MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length < 2 || line[1] !== '=') continue;
    const type = line[0];
    const value = line.slice(2);
    if (type === 'm') {
      const [kind = '', , , ...formats] = value.split(/\s+/);
      current = {
        kind: kind.toLowerCase(),
        payloadTypes: formats.map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < 128),
        rtpmap: new Map(),
        fmtp: new Map(),
      };
      session.media.push(current);
      continue;
    }
    if (type !== 'a') continue;
    const colon = value.indexOf(':');
    const name = (colon < 0 ? value : value.slice(0, colon)).toLowerCase();
    const arg = colon < 0 ? '' : value.slice(colon + 1).trim();
    if (name === 'control') {
      if (current) current.control = arg;
      else session.control = arg;
    } else if (name === 'rtpmap' && current) {
      const m = /^(\d+)\s+([^/\s]+)\/(\d+)/.exec(arg);
      if (m) {
        current.rtpmap.set(Number(m[1]), {
          encoding: m[2]!.toUpperCase(),
          clockRate: Number(m[3]),
        });
      }
    } else if (name === 'fmtp' && current) {
      const m = /^(\d+)\s+(.*)$/.exec(arg);
      if (m) current.fmtp.set(Number(m[1]), parseFmtp(m[2]!));
    }
  }
  return session;
}

function parseFmtp(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return out;
}

export interface VideoTrack {
  codec: 'h264' | 'h265';
  payloadType: number;
  clockRate: number;
  control?: string;
  /** Parameter sets from the SDP (may be empty; in-band ones override them). */
  vps: Uint8Array[];
  sps: Uint8Array[];
  pps: Uint8Array[];
}

export type TrackChoice =
  | { ok: true; track: VideoTrack }
  | { ok: false; code: 'no-video-track' }
  | { ok: false; code: 'unsupported-codec'; encoding: string };

/** Picks the first H.264 or H.265 video payload; says why when there is none. */
export function pickVideoTrack(sdp: SdpSession): TrackChoice {
  const videos = sdp.media.filter((m) => m.kind === 'video');
  if (videos.length === 0) return { ok: false, code: 'no-video-track' };
  let other: string | undefined;
  for (const media of videos) {
    for (const pt of media.payloadTypes) {
      const map = media.rtpmap.get(pt);
      const encoding = map?.encoding ?? (pt === 26 ? 'JPEG' : pt === 32 ? 'MPV' : `payload ${pt}`);
      const codec =
        encoding === 'H264'
          ? 'h264'
          : encoding === 'H265' || encoding === 'HEVC'
            ? 'h265'
            : undefined;
      if (!codec) {
        other ??= encoding;
        continue;
      }
      const fmtp = media.fmtp.get(pt) ?? new Map<string, string>();
      const clockRate = map && map.clockRate > 0 ? map.clockRate : 90000;
      const track: VideoTrack = {
        codec,
        payloadType: pt,
        clockRate,
        ...(media.control === undefined ? {} : { control: media.control }),
        vps: [],
        sps: [],
        pps: [],
      };
      if (codec === 'h264') {
        for (const nal of splitParameterSets(fmtp.get('sprop-parameter-sets'))) {
          const t = nal[0]! & 0x1f;
          if (t === 7) track.sps.push(nal);
          else if (t === 8) track.pps.push(nal);
        }
      } else {
        // Some cameras put all three in one list; classify by NAL type, not by attribute.
        const all = ['sprop-vps', 'sprop-sps', 'sprop-pps'].flatMap((k) =>
          splitParameterSets(fmtp.get(k)),
        );
        for (const nal of all) {
          const t = (nal[0]! >> 1) & 0x3f;
          if (t === 32) track.vps.push(nal);
          else if (t === 33) track.sps.push(nal);
          else if (t === 34) track.pps.push(nal);
        }
      }
      return { ok: true, track };
    }
  }
  return { ok: false, code: 'unsupported-codec', encoding: other ?? 'unknown' };
}
