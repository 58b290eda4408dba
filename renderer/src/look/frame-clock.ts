// Maps a player's media time to the wall-clock time main received that frame, from the clock
// marks main sends before each keyframe (electron/streams/flv/clock-mark.ts). A snapshot burns
// in this time, and a replay shows it: the frame's own time, not the moment of the click.

export interface ClockMark {
  /** The keyframe's time on the player's timeline (ms). */
  t: number;
  /** When main received it (epoch ms). */
  at: number;
}

/** A minute of marks at one keyframe a second is plenty: the player keeps less behind. */
const MAX_MARKS = 128;

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
   * The wall-clock time of the frame at `seconds` of media time: the last mark at or before it
   * plus the time since (frames between keyframes arrive at the stream's own pace). Null
   * before any mark.
   */
  epochAt(seconds: number): number | null {
    const ms = seconds * 1_000;
    let mark: ClockMark | undefined = this.marks[0];
    // Half a millisecond of slack: media time is a float, marks are whole milliseconds.
    for (const m of this.marks) if (m.t <= ms + 0.5) mark = m;
    return mark ? Math.round(mark.at + (ms - mark.t)) : null;
  }
}
