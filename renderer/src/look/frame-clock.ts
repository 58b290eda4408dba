// Maps a player's media time to the wall-clock time main received that frame, from the clock
// marks main sends before each keyframe (electron/streams/flv/clock-mark.ts). A snapshot burns
// in this time, and a replay shows it: the frame's own time, not the moment of the click.

export interface ClockMark {
  /** The keyframe's time on the player's timeline (ms). */
  t: number;
  /** When main received it (epoch ms). */
  at: number;
}

/**
 * Marks compared for a frame: those just before it and just after (one or two, at four a
 * second). Close, so a drifting stream clock (an encoder at 23 frames a second stamping 40 ms
 * each drifts 8 %) moves the result by well under a frame.
 */
const OFFSET_BEFORE_MS = 400;
const OFFSET_AFTER_MS = 100;
/** A minute of marks at one keyframe a second is plenty: the player keeps less behind. */
const MAX_MARKS = 240;

/** The mark in mpegts.js's script data ({ onWallClock: { t, at } }), or null. */
export function clockMarkOf(scriptData: unknown): ClockMark | null {
  const mark = (scriptData as { onWallClock?: { t?: unknown; at?: unknown } } | null)?.onWallClock;
  const { t, at } = mark ?? {};
  return typeof t === 'number' && typeof at === 'number' && Number.isFinite(t + at)
    ? { t, at }
    : null;
}

export class FrameClock {
  private marks: ClockMark[] = [];

  add(mark: ClockMark): void {
    const last = this.marks[this.marks.length - 1];
    // A new timeline (a new connection of the player): the old marks mean nothing on it.
    if (last && mark.t < last.t) this.marks = [];
    this.marks.push(mark);
    if (this.marks.length > MAX_MARKS) this.marks.shift();
  }

  clear(): void {
    this.marks = [];
  }

  /**
   * The wall-clock time of the frame at `seconds` of media time: its stream time plus the
   * smallest offset (receive time − stream time) among the marks around it. A frame can only
   * come late, never early: a server's cached GOP arrives in a burst at connection, later than
   * it was live, and the first live frames after it give the true offset. Only marks around
   * the frame count, because a stream's clock drifts from the PC's (an encoder that cannot keep
   * up stamps 40 ms per frame and makes fewer than 25 a second). Null before any mark.
   */
  epochAt(seconds: number): number | null {
    const ms = seconds * 1_000;
    let around = this.marks.filter(
      (m) => m.t >= ms - OFFSET_BEFORE_MS && m.t <= ms + OFFSET_AFTER_MS,
    );
    if (around.length === 0) {
      const nearest = this.marks.reduce<ClockMark | null>(
        (best, m) => (best === null || Math.abs(m.t - ms) < Math.abs(best.t - ms) ? m : best),
        null,
      );
      around = nearest ? [nearest] : [];
    }
    if (around.length === 0) return null;
    const offset = Math.min(...around.map((m) => m.at - m.t));
    return Math.round(ms + offset);
  }
}
