// When the soak disturbs the wall, decided up front as a plain list so it is unit-tested and
// written into results.json: a layout switch every 20 s, an upstream restart every few minutes
// (one publisher, every other time the whole media server), a ~20 s TCP stall of the proxied
// tiles, and a renderer crash every 15 minutes. Disruptive events are kept apart, so each one's
// recovery is measured on its own and not blamed on the next.

export type ChurnKind =
  | 'layout'
  | 'publisher-restart'
  | 'server-restart'
  | 'stall-start'
  | 'stall-end'
  | 'renderer-crash';

export interface ChurnEvent {
  atMs: number;
  kind: ChurnKind;
  /** The preset for a layout switch, the stream name for a publisher restart, else ''. */
  detail: string;
}

export interface ChurnOptions {
  durationMs: number;
  layoutEveryMs: number;
  /** The two presets the layout alternates between, starting with the first. */
  layouts: readonly [string, string];
  upstreamEveryMs: number;
  stallEveryMs: number;
  stallMs: number;
  crashEveryMs: number;
  /** Publishers to restart in turn (never the barcode encoder: latency stays measurable). */
  publishers: readonly string[];
  /** Least time between the end of one disruptive event and the start of the next. */
  gapMs: number;
}

export const DEFAULT_CHURN: Omit<ChurnOptions, 'durationMs' | 'publishers'> = {
  layoutEveryMs: 20_000,
  layouts: ['3x3', '4x4'],
  upstreamEveryMs: 180_000,
  stallEveryMs: 180_000,
  stallMs: 20_000,
  crashEveryMs: 15 * 60_000,
  gapMs: 30_000,
};

interface Disruption {
  atMs: number;
  endMs: number;
  events: ChurnEvent[];
}

/**
 * Places a disruption at or after `wantedMs`, moving it on in steps of `stepMs` (a layout
 * period, so it stays halfway between two switches) until it keeps `gapMs` from every other.
 */
function place(
  placed: Disruption[],
  wantedMs: number,
  lengthMs: number,
  gapMs: number,
  stepMs: number,
): number {
  let at = wantedMs;
  const clashes = (t: number) =>
    placed.some((d) => t < d.endMs + gapMs && d.atMs < t + lengthMs + gapMs);
  while (clashes(at)) at += stepMs;
  return at;
}

export function churnSchedule(o: ChurnOptions): ChurnEvent[] {
  const half = o.layoutEveryMs / 2;
  const placed: Disruption[] = [];
  const add = (wanted: number, lengthMs: number, make: (at: number) => ChurnEvent[]) => {
    const at = place(placed, wanted, lengthMs, o.gapMs, o.layoutEveryMs);
    if (at + lengthMs < o.durationMs)
      placed.push({ atMs: at, endMs: at + lengthMs, events: make(at) });
  };
  // Crashes first: they are the rarest, so they keep their times and the others make way.
  for (let at = o.crashEveryMs + half; at < o.durationMs; at += o.crashEveryMs)
    add(at, 0, (t) => [{ atMs: t, kind: 'renderer-crash', detail: '' }]);
  let restart = 0;
  for (let at = o.upstreamEveryMs / 3 + half; at < o.durationMs; at += o.upstreamEveryMs) {
    // Every other restart takes the whole server down; the others one camera's publisher.
    const whole = restart % 2 === 1;
    // Publisher restarts are every other one: count those alone to cycle through the names.
    const name = o.publishers[Math.floor(restart / 2) % Math.max(1, o.publishers.length)] ?? '';
    restart += 1;
    add(at, 0, (t) => [
      whole || name === ''
        ? { atMs: t, kind: 'server-restart', detail: '' }
        : { atMs: t, kind: 'publisher-restart', detail: name },
    ]);
  }
  for (let at = (2 * o.stallEveryMs) / 3 + half; at < o.durationMs; at += o.stallEveryMs)
    add(at, o.stallMs, (t) => [
      { atMs: t, kind: 'stall-start', detail: '' },
      { atMs: t + o.stallMs, kind: 'stall-end', detail: '' },
    ]);
  const events = placed.flatMap((d) => d.events);
  let layout = 0;
  for (let at = o.layoutEveryMs; at < o.durationMs; at += o.layoutEveryMs) {
    events.push({ atMs: at, kind: 'layout', detail: o.layouts[layout % 2]! });
    layout += 1;
  }
  return events.sort((a, b) => a.atMs - b.atMs);
}
