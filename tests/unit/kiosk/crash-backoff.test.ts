// Renderer reloads back off 1 s, 2 s, 4 s … up to a minute and start over after 10 minutes of
// health. Times are a fake clock: plain numbers handed to the policy.
import { describe, expect, it } from 'vitest';
import { CrashBackoff, formatDelay, RendererWatch } from '../../../electron/kiosk/crash-backoff';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('CrashBackoff', () => {
  it('doubles from 1 s to a one-minute ceiling while crashes come close together', () => {
    const backoff = new CrashBackoff();
    let now = 0;
    const delays: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const delay = backoff.nextDelay(now);
      delays.push(delay);
      now += delay + 5 * SECOND; // reloads, then crashes again 5 s later
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * SECOND));
    expect(backoff.streak).toBe(9);
  });

  it('starts again at 1 s after 10 minutes of health since the last reload', () => {
    const backoff = new CrashBackoff();
    expect(backoff.nextDelay(0)).toBe(1 * SECOND);
    expect(backoff.nextDelay(2 * SECOND)).toBe(2 * SECOND); // reloaded at 4 s
    // Healthy from 4 s: 9 min 59 s later is not yet 10 minutes…
    expect(backoff.nextDelay(4 * SECOND + 10 * MINUTE - 1)).toBe(4 * SECOND);
    // …while a full 10 minutes after that reload forgives everything.
    const reloadedAt = 4 * SECOND + 10 * MINUTE - 1 + 4 * SECOND;
    expect(backoff.nextDelay(reloadedAt + 10 * MINUTE)).toBe(1 * SECOND);
    expect(backoff.streak).toBe(1);
  });

  it('measures health from the reload, not from the crash', () => {
    const backoff = new CrashBackoff();
    let now = 0;
    for (let i = 0; i < 7; i += 1) now += backoff.nextDelay(now); // at the 60 s ceiling
    // The last crash was scheduled 60 s out; 10 minutes after the crash is only 9 of health.
    const lastCrash = now - 60 * SECOND;
    expect(backoff.nextDelay(lastCrash + 10 * MINUTE)).toBe(60 * SECOND);
  });

  it('takes other timings', () => {
    const backoff = new CrashBackoff({ initialMs: 100, maxMs: 300, healthyResetMs: 1_000 });
    expect([0, 1, 2, 3].map((t) => backoff.nextDelay(t))).toEqual([100, 200, 300, 300]);
  });
});

describe('RendererWatch', () => {
  it('reloads a crashed renderer after the backoff and logs the reason', () => {
    const watch = new RendererWatch('window 0');
    expect(watch.gone(0, 'crashed')).toEqual({
      kind: 'reload',
      delayMs: 1 * SECOND,
      line: 'window 0: renderer gone (crashed); reloading in 1 s',
    });
    watch.reloaded();
    expect(watch.gone(3 * SECOND, 'oom')).toEqual({
      kind: 'reload',
      delayMs: 2 * SECOND,
      line: 'window 0: renderer gone (oom); reloading in 2 s (crash 2 in a row)',
    });
  });

  it('ends a hung renderer, then reloads it naming the hang as the cause', () => {
    const watch = new RendererWatch('window 1');
    expect(watch.unresponsive()).toEqual({
      kind: 'end-renderer',
      line: 'window 1: renderer unresponsive; ending it',
    });
    // Electron repeats 'unresponsive' while the page stays hung: it is ended only once.
    expect(watch.unresponsive()).toEqual({ kind: 'none' });
    const step = watch.gone(0, 'killed');
    expect(step).toMatchObject({ kind: 'reload', delayMs: 1 * SECOND });
    expect(step.kind === 'reload' && step.line).toBe(
      'window 1: renderer gone (unresponsive, then killed); reloading in 1 s',
    );
  });

  it('adds nothing while a reload is already scheduled', () => {
    const watch = new RendererWatch('window 0');
    watch.gone(0, 'crashed');
    expect(watch.gone(100, 'crashed')).toEqual({ kind: 'none' });
    expect(watch.unresponsive()).toEqual({ kind: 'none' });
    watch.reloaded();
    expect(watch.gone(5 * SECOND, 'crashed')).toMatchObject({
      kind: 'reload',
      delayMs: 2 * SECOND,
    });
  });
});

describe('formatDelay', () => {
  it('says seconds under a minute, minutes above', () => {
    expect(formatDelay(1_000)).toBe('1 s');
    expect(formatDelay(32_000)).toBe('32 s');
    expect(formatDelay(60_000)).toBe('1 min');
    expect(formatDelay(90_000)).toBe('1.5 min');
  });
});
