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
 * Marks whose offsets are compared: half a minute at four a second. Short enough that a camera
 * clock running off the PC's by 0.1 % moves the result by under 30 ms.
 */
const OFFSET_WINDOW = 120;
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
   * The wall-clock time of the frame at `seconds` of media time: the stream's time plus the
   * smallest offset (receive time − stream time) among the recent marks. A frame can only come
   * late, never early: a server's cached GOP arrives in a burst at connection, later than it
   * was live, and the first live frames after it give the true offset. Null before any mark.
   */
  epochAt(seconds: number): number | null {
    if (this.marks.length === 0) return null;
    let offset = Infinity;
    for (const m of this.marks.slice(-OFFSET_WINDOW)) offset = Math.min(offset, m.at - m.t);
    return Math.round(seconds * 1_000 + offset);
  }
}
