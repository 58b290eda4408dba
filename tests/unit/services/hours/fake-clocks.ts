// A wall clock and a monotonic timer, apart, as on a real PC: timers run on elapsed time, while
// the wall clock may be set (by hand, NTP) or jump after sleep without any timer firing.
import type { ControllerTimers } from '../../../../electron/services/office-hours-controller';

interface Pending {
  callback: () => void;
  due: number;
}

export function fakeClocks(wallStart: number) {
  let elapsed = 0;
  let offset = wallStart;
  const pending = new Set<Pending>();
  const timers: ControllerTimers = {
    set: (callback, ms) => {
      const timer = { callback, due: elapsed + ms };
      pending.add(timer);
      return timer;
    },
    clear: (handle) => void pending.delete(handle as Pending),
  };
  return {
    now: () => elapsed + offset,
    timers,
    /** Time passes: timers fire in order, each seeing the wall clock of its moment. */
    advance(ms: number): void {
      const end = elapsed + ms;
      for (;;) {
        const next = [...pending].sort((a, b) => a.due - b.due)[0];
        if (!next || next.due > end) break;
        pending.delete(next);
        elapsed = next.due;
        next.callback();
      }
      elapsed = end;
    },
    /** The wall clock is set (or the PC wakes from sleep) by `ms`; no timer fires. */
    setClock(ms: number): void {
      offset += ms;
    },
    /** The longest wait any armed timer has left. */
    longestWait: () => Math.max(0, ...[...pending].map((p) => p.due - elapsed)),
    pendingCount: () => pending.size,
  };
}
