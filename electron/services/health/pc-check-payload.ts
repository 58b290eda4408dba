// Checks the renderer's half of the PC check before main keeps it: the payload is untrusted
// like every other, and what is kept is read back at every start.
import type { CodecSupport, DecodeStep, RendererPcCheck } from '../../contract/pc-check';
import type { Result } from '../../contract/wall-contract';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function codec(v: unknown): CodecSupport | null {
  if (!isObj(v) || typeof v.mse !== 'boolean') return null;
  if (v.webCodecs !== null && typeof v.webCodecs !== 'boolean') return null;
  return { mse: v.mse, webCodecs: v.webCodecs };
}

function step(v: unknown): DecodeStep | null {
  if (!isObj(v) || !count(v.tiles, 64) || !finite(v.slowestFps) || !count(v.dropped, 1e7)) {
    return null;
  }
  if (typeof v.fullRate !== 'boolean') return null;
  return { tiles: v.tiles, slowestFps: v.slowestFps, dropped: v.dropped, fullRate: v.fullRate };
}

const BAD = { ok: false, error: 'The PC check result is not in the expected shape.' } as const;

export function parseRendererPcCheck(payload: unknown): Result<RendererPcCheck> {
  if (!isObj(payload) || !finite(payload.measuredAt)) return BAD;
  const { codecs, decode, display } = payload;
  if (!isObj(codecs) || !isObj(decode) || !isObj(display)) return BAD;
  const h264 = codec(codecs.h264);
  const h265 = codec(codecs.h265);
  const clip = decode.clip;
  const steps = Array.isArray(decode.steps) ? decode.steps.slice(0, 32).map(step) : null;
  if (!h264 || !h265 || !isObj(clip) || !steps || steps.some((s) => s === null)) return BAD;
  if (!count(decode.tiles, 64) || !count(decode.wallPlayers, 256)) return BAD;
  if (!count(clip.width, 10_000) || !count(clip.height, 10_000) || !finite(clip.fps)) return BAD;
  if (decode.stoppedBy !== null && typeof decode.stoppedBy !== 'string') return BAD;
  if (typeof display.id !== 'string' || !count(display.width, 100_000)) return BAD;
  if (!count(display.height, 100_000) || !finite(display.scale)) return BAD;
  return {
    ok: true,
    value: {
      measuredAt: payload.measuredAt,
      codecs: { h264, h265 },
      decode: {
        tiles: decode.tiles,
        clip: { width: clip.width, height: clip.height, fps: clip.fps },
        wallPlayers: decode.wallPlayers,
        steps: steps as DecodeStep[],
        stoppedBy: decode.stoppedBy === null ? null : decode.stoppedBy.slice(0, 200),
      },
      display: {
        id: display.id.slice(0, 80),
        width: display.width,
        height: display.height,
        scale: display.scale,
      },
    },
  };
}
