// Decode times from RTP presentation times: B-frames in decode order give monotonic decode
// times and the right presentation times (dts + composition), with no negative composition.
import { describe, expect, it } from 'vitest';
import {
  DecodeClock,
  REORDER_LEAD_MS,
} from '../../../../../electron/streams/protocols/rtsp/decode-clock';

const FRAME = 3600; // 40 ms at 90 kHz

/** Runs presentation times (in frames, decode order) through a clock. */
function run(framesInDecodeOrder: number[], start = 0, lead = REORDER_LEAD_MS) {
  const clock = new DecodeClock(90_000, lead);
  return framesInDecodeOrder.map((f) => {
    const t = clock.next((start + f * FRAME) >>> 0);
    return { ...t, ptsMs: t.dtsMs + t.compositionMs };
  });
}

function expectSound(out: ReturnType<typeof run>, framesInDecodeOrder: number[], lead: number) {
  for (let i = 1; i < out.length; i++)
    expect(out[i]!.dtsMs).toBeGreaterThanOrEqual(out[i - 1]!.dtsMs);
  for (const t of out) expect(t.compositionMs).toBeGreaterThanOrEqual(0);
  // Presentation times are the camera's, shifted by the lead.
  expect(out.map((t) => t.ptsMs)).toEqual(framesInDecodeOrder.map((f) => f * 40 + lead));
}

describe('DecodeClock', () => {
  it('keeps a stream without B-frames as it is, with no lead for Baseline', () => {
    const frames = [0, 1, 2, 3, 4, 5];
    const out = run(frames, 0, 0);
    expect(out.map((t) => t.dtsMs)).toEqual([0, 40, 80, 120, 160, 200]);
    expect(out.every((t) => t.compositionMs === 0)).toBe(true);
  });

  it('derives decode times for x264 bframes=2 (I P B B)', () => {
    const frames = [0, 3, 1, 2, 6, 4, 5, 9, 7, 8, 12, 10, 11];
    const out = run(frames);
    expectSound(out, frames, REORDER_LEAD_MS);
    // Once the depth is known, B-frames decode when they are shown.
    expect(out.slice(5).map((t) => t.dtsMs)).toEqual([160, 200, 240, 280, 320, 360, 400, 440]);
  });

  it('derives decode times for a b-pyramid (I P B b b)', () => {
    const frames = [0, 4, 2, 1, 3, 8, 6, 5, 7, 12, 10, 9, 11];
    expectSound(run(frames), frames, REORDER_LEAD_MS);
  });

  it('crosses the 32-bit RTP wrap-around', () => {
    const frames = [0, 3, 1, 2, 6, 4, 5];
    expectSound(run(frames, 0xffffffff - 2 * FRAME), frames, REORDER_LEAD_MS);
  });

  it('starts afresh after a timestamp jump instead of stalling the decode clock', () => {
    const clock = new DecodeClock(90_000, 0);
    const before = [0, 1, 2].map((f) => clock.next(f * FRAME).dtsMs);
    const after = [0, 1, 2].map((f) => clock.next((123_456_789 + f * FRAME) >>> 0).dtsMs);
    expect(before).toEqual([0, 40, 80]);
    expect(after).toEqual([120, 160, 200]);
  });
});
