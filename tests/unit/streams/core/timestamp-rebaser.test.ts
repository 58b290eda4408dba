import { describe, expect, it } from 'vitest';
import { TimestampRebaser } from '../../../../electron/streams/core/timestamp-rebaser';
import { FlvReader } from '../../../../electron/streams/flv/flv-reader';
import { FLV_TAG_VIDEO } from '../../../../electron/streams/flv/flv-tag';
import { encodeFlvHeader, encodeFlvTag } from '../../../../electron/streams/flv/flv-writer';

function mapAll(rebaser: TimestampRebaser, timestamps: number[]): number[] {
  return timestamps.map((t) => rebaser.map(t));
}

describe('TimestampRebaser', () => {
  it('starts the first connection at 0 and keeps its frame spacing', () => {
    const rebaser = new TimestampRebaser();
    expect(mapAll(rebaser, [5_000, 5_040, 5_080, 5_200])).toEqual([0, 40, 80, 200]);
  });

  it('continues one frame after the last output when a new connection restarts at 0', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [0, 40, 80]);
    rebaser.newConnection();
    expect(mapAll(rebaser, [0, 40, 80])).toEqual([120, 160, 200]);
  });

  it('continues across a new connection whose clock is far ahead or far behind', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [1_000, 1_040]);
    rebaser.newConnection();
    expect(mapAll(rebaser, [9_000_000, 9_000_040])).toEqual([80, 120]);
    rebaser.newConnection();
    expect(mapAll(rebaser, [3, 43])).toEqual([160, 200]);
  });

  it('bridges a backwards jump within a connection (a looping server)', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [0, 40, 80, 12_000]);
    // 12_000 is a forward jump > 5 s: bridged to 120. Then the clip loops back to 0.
    expect(mapAll(rebaser, [0, 40])).toEqual([160, 200]);
  });

  it('bridges a big forward jump instead of leaving a gap the player stalls on', () => {
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [0, 40]);
    expect(mapAll(rebaser, [60_000, 60_040])).toEqual([80, 120]);
  });

  it('keeps a forward step of up to 5 s as it is (a slow camera, a dropped second)', () => {
    const rebaser = new TimestampRebaser();
    expect(mapAll(rebaser, [0, 40, 2_040, 2_080])).toEqual([0, 40, 2_040, 2_080]);
  });

  it('keeps tags of one instant together (script, configuration and keyframe at one time)', () => {
    const rebaser = new TimestampRebaser();
    expect(mapAll(rebaser, [700, 700, 700, 740])).toEqual([0, 0, 0, 40]);
  });

  it('bridges a new connection even when its clock runs only a little ahead', () => {
    // The gap between two connections is unknown: the player must not see it as a pause.
    const rebaser = new TimestampRebaser();
    mapAll(rebaser, [0, 40, 80]);
    rebaser.newConnection();
    expect(mapAll(rebaser, [2_000, 2_040])).toEqual([120, 160]);
  });

  it('bridges a wrap of the camera’s 32-bit clock to one frame after the last output', () => {
    // An FLV server or camera that has been up for 49.7 days wraps its millisecond clock.
    const rebaser = new TimestampRebaser();
    const top = 2 ** 32;
    expect(mapAll(rebaser, [top - 120, top - 80, top - 40, 0, 40, 80])).toEqual([
      0, 40, 80, 120, 160, 200,
    ]);
  });

  it('takes a step of exactly 5 s as it is, and bridges one of 5 s and 1 ms', () => {
    const rebaser = new TimestampRebaser();
    expect(mapAll(rebaser, [0, 5_000, 10_001, 10_041])).toEqual([0, 5_000, 5_040, 5_080]);
  });

  it('never goes backwards while a session’s timeline runs past 2^32 ms (49.7 days)', () => {
    const run = longRun();
    // A plain check per step: an expect() per step would dominate the run time.
    expect(run.firstMismatch).toBeNull();
    expect(run.wrapsOfInput).toBeGreaterThanOrEqual(10);
    expect(run.reconnects).toBeGreaterThan(10);
    expect(run.last).toBeGreaterThan(2 ** 32 + 10 * DAY_MS);
  });

  it('puts the timeline on the wire modulo 2^32, one frame step apart across the boundary', () => {
    // What a player reads is FLV's 32-bit timestamp (24 bits + 8 extended), so the stream
    // must advance by the frame step modulo 2^32 there, with no jump of any other size.
    const run = longRun();
    const around = run.outputs.filter((o) => Math.abs(o.out - 2 ** 32) <= 4 * STEP_MS);
    expect(around.length).toBeGreaterThanOrEqual(6);
    const reader = new FlvReader();
    reader.push(encodeFlvHeader({ audio: false, video: true }));
    const onWire = around.map(({ out }) => {
      const [result] = reader.push(encodeFlvTag({ type: FLV_TAG_VIDEO, timestamp: out, data }));
      if (result?.kind !== 'tag') throw new Error(`no tag read back for ${out}`);
      return result.tag.timestamp;
    });
    expect(onWire).toEqual(around.map(({ out }) => out % 2 ** 32));
    for (let i = 1; i < around.length; i += 1) {
      const stepOnWire = (onWire[i]! - onWire[i - 1]! + 2 ** 32) % 2 ** 32;
      expect(stepOnWire, `step ${i}`).toBe(around[i]!.out - around[i - 1]!.out);
    }
    expect(Math.min(...onWire)).toBeLessThan(4 * STEP_MS); // it did wrap
  });

  // Known bug, reported: the output is an unbounded number, so after 2^32 ms of one session's
  // timeline it no longer fits the 32 bits FLV carries (the writer truncates it instead). This
  // test fails while that holds, and vitest reports it when the rebaser is fixed: then make it
  // a plain `it`.
  it('lets one session’s timeline run past 32 bits: each viewer carries its own', () => {
    // A player reads FLV time as signed 32 bits; stream-viewer.ts gives every viewer a
    // timeline from its first picture and renews it at 20 days (stream-viewer.test.ts).
    expect(longRun().max).toBeGreaterThan(2 ** 32);
  });
});

const DAY_MS = 24 * 3_600_000;
/** Frames far apart (a slow camera, within the 5 s the rebaser keeps), to reach 2^32 ms fast. */
const STEP_MS = 5_000;
/** The bridge the rebaser puts across a discontinuity: one frame at 25 fps. */
const BRIDGE_MS = 40;
const data = Uint8Array.of(0x27, 1, 0, 0, 0);

/**
 * 60 days of one session: a camera clock that starts near its 32-bit wrap and wraps again
 * every 49.7 days, a reconnect every few days whose new clock starts anywhere (a seeded
 * generator, so a failure replays), each step checked against the exact expected output.
 */
function longRun(): LongRun {
  cachedRun ??= runSixtyDays();
  return cachedRun;
}

type LongRun = ReturnType<typeof runSixtyDays>;
let cachedRun: LongRun | undefined;

function runSixtyDays() {
  const rebaser = new TimestampRebaser();
  let seed = 0x2545f491;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  let input = 2 ** 32 - 7 * STEP_MS;
  let expected = 0;
  let last = -1;
  let max = 0;
  let wrapsOfInput = 0;
  let reconnects = 0;
  let firstMismatch: string | null = null;
  const outputs: { step: number; out: number }[] = [];
  const steps = Math.ceil((60 * DAY_MS) / STEP_MS);
  for (let step = 0; step < steps; step += 1) {
    let bridged = false;
    if (step > 0 && step % 50_000 === 0) {
      rebaser.newConnection();
      reconnects += 1;
      // A new connection's clock starts anywhere in its last 4 days before the wrap.
      input = 2 ** 32 - 1 - Math.floor(random() * 4 * DAY_MS);
      bridged = true;
    } else if (step > 0) {
      const next = input + STEP_MS;
      bridged = next >= 2 ** 32;
      if (bridged) wrapsOfInput += 1;
      input = next % 2 ** 32;
    }
    const out = rebaser.map(input);
    if (step > 0) expected += bridged ? BRIDGE_MS : STEP_MS;
    if (firstMismatch === null && (out !== expected || out < last)) {
      firstMismatch = `step ${step}: input ${input} gave ${out}, expected ${expected} (last ${last})`;
    }
    if (Math.abs(out - 2 ** 32) <= 4 * STEP_MS) outputs.push({ step, out });
    last = out;
    max = Math.max(max, out);
  }
  return { last, max, wrapsOfInput, reconnects, firstMismatch, outputs };
}
