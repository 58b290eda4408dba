import { describe, expect, it } from 'vitest';
import { churnSchedule, DEFAULT_CHURN, type ChurnEvent } from '../../soak/churn-schedule';

const HOUR = 3_600_000;
const options = (durationMs: number, extra = {}) => ({
  ...DEFAULT_CHURN,
  durationMs,
  publishers: ['clip1', 'clip2'],
  ...extra,
});
const disruptive = (events: ChurnEvent[]) => events.filter((e) => e.kind !== 'layout');

describe('churnSchedule', () => {
  it('switches the layout every 20 s, alternating 3x3 and 4x4, starting from 4x4', () => {
    const layouts = churnSchedule(options(100_000)).filter((e) => e.kind === 'layout');
    expect(layouts.map((e) => [e.atMs, e.detail])).toEqual([
      [20_000, '3x3'],
      [40_000, '4x4'],
      [60_000, '3x3'],
      [80_000, '4x4'],
    ]);
  });

  it('crashes the renderer every 15 minutes, between two layout switches', () => {
    const crashes = churnSchedule(options(2 * HOUR)).filter((e) => e.kind === 'renderer-crash');
    expect(crashes.map((e) => e.atMs)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((k) => k * 900_000 + 10_000),
    );
  });

  it('alternates publisher and whole-server restarts, cycling through the publishers', () => {
    const restarts = churnSchedule(options(HOUR)).filter((e) => e.kind.endsWith('restart'));
    expect(restarts.slice(0, 4).map((e) => [e.kind, e.detail])).toEqual([
      ['publisher-restart', 'clip1'],
      ['server-restart', ''],
      ['publisher-restart', 'clip2'],
      ['server-restart', ''],
    ]);
  });

  it('restarts the whole server when there is no publisher to restart', () => {
    const events = churnSchedule({ ...options(HOUR), publishers: [] });
    expect(events.some((e) => e.kind === 'publisher-restart')).toBe(false);
    expect(events.some((e) => e.kind === 'server-restart')).toBe(true);
  });

  it('pairs every stall start with its end 20 s later', () => {
    const events = churnSchedule(options(HOUR));
    const starts = events.filter((e) => e.kind === 'stall-start');
    const ends = events.filter((e) => e.kind === 'stall-end');
    expect(starts.length).toBeGreaterThan(10);
    expect(ends.map((e) => e.atMs)).toEqual(starts.map((e) => e.atMs + 20_000));
  });

  it.each([
    ['defaults over two hours', options(2 * HOUR)],
    ['a 10-minute run crashing every 5', options(600_000, { crashEveryMs: 300_000 })],
    [
      'everything every minute',
      options(HOUR, { crashEveryMs: 60_000, upstreamEveryMs: 60_000, stallEveryMs: 60_000 }),
    ],
  ])('keeps disruptions 30 s apart and inside the run: %s', (_name, o) => {
    const events = disruptive(churnSchedule(o));
    const spans: [number, number][] = [];
    for (const e of events) {
      if (e.kind === 'stall-end') continue;
      const end = e.kind === 'stall-start' ? e.atMs + o.stallMs : e.atMs;
      spans.push([e.atMs, end]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0] - spans[i - 1]![1]).toBeGreaterThanOrEqual(o.gapMs);
    expect(events.every((e) => e.atMs < o.durationMs)).toBe(true);
  });

  it('places disruptions halfway between layout switches', () => {
    for (const e of disruptive(churnSchedule(options(2 * HOUR)))) {
      if (e.kind !== 'stall-end') expect(e.atMs % 20_000).toBe(10_000);
    }
  });

  it('returns the events in time order', () => {
    const times = churnSchedule(options(HOUR)).map((e) => e.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
