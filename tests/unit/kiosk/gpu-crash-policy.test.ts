// GPU crashes reload the windows; the third within 10 minutes relaunches the app once with
// hardware acceleration off, and the flag it relaunches with stops it from doing so again.
import { describe, expect, it } from 'vitest';
import {
  GPU_FALLBACK_FLAG,
  GPU_STATUS_TEXT,
  GpuCrashPolicy,
  gpuRelaunchOptions,
  hasGpuFallbackFlag,
} from '../../../electron/kiosk/gpu-crash-policy';

const MINUTE = 60_000;
const gpu = (reason = 'crashed') => ({ type: 'GPU', reason, exitCode: 1 });

describe('GpuCrashPolicy', () => {
  it('reloads the windows on each of the first two crashes, relaunches on the third', () => {
    const policy = new GpuCrashPolicy(false);
    expect(policy.onChildGone(gpu(), 0).kind).toBe('reload-windows');
    expect(policy.onChildGone(gpu(), 4 * MINUTE).kind).toBe('reload-windows');
    const third = policy.onChildGone(gpu('launch-failed'), 9 * MINUTE);
    expect(third).toEqual({
      kind: 'relaunch-without-gpu',
      line: 'process GPU gone (launch-failed, exit 1); 3 GPU crashes within 10 minutes: relaunching once with hardware acceleration off',
    });
  });

  it('relaunches only once, even if more crashes arrive before the app has exited', () => {
    const policy = new GpuCrashPolicy(false);
    [0, 1, 2].forEach((t) => policy.onChildGone(gpu(), t));
    expect(policy.onChildGone(gpu(), 3).kind).toBe('reload-windows');
    expect(policy.onChildGone(gpu(), 4).kind).toBe('reload-windows');
  });

  it('forgets crashes older than 10 minutes', () => {
    const policy = new GpuCrashPolicy(false);
    policy.onChildGone(gpu(), 0);
    policy.onChildGone(gpu(), 6 * MINUTE);
    // The first crash is exactly 10 minutes old: out of the window, so two remain.
    expect(policy.onChildGone(gpu(), 10 * MINUTE).kind).toBe('reload-windows');
    expect(policy.onChildGone(gpu(), 11 * MINUTE).kind).toBe('relaunch-without-gpu');
  });

  it('never relaunches a run that already fell back, and says so at start', () => {
    const policy = new GpuCrashPolicy(true);
    for (let t = 0; t < 10; t += 1) {
      expect(policy.onChildGone(gpu(), t).kind).toBe('reload-windows');
    }
    expect(policy.status).toBe('software-after-crashes');
    expect(policy.startLine()).toBe(
      `gpu: hardware acceleration off (${GPU_FALLBACK_FLAG}: the GPU crashed 3 times within 10 minutes)`,
    );
    expect(new GpuCrashPolicy(false).startLine()).toBeNull();
    expect(new GpuCrashPolicy(false).status).toBe('accelerated');
  });

  it('only logs utility processes and a GPU process that exited cleanly', () => {
    const policy = new GpuCrashPolicy(false);
    expect(policy.onChildGone({ type: 'Utility', reason: 'crashed', exitCode: 5 }, 0)).toEqual({
      kind: 'log',
      line: 'process Utility gone (crashed, exit 5)',
    });
    for (let t = 0; t < 5; t += 1) {
      expect(policy.onChildGone(gpu('clean-exit'), t).kind).toBe('log');
    }
    expect(policy.onChildGone(gpu(), 10).kind).toBe('reload-windows');
  });

  it('has a status sentence in both languages', () => {
    expect(GPU_STATUS_TEXT['software-after-crashes'].en).toMatch(/off/);
    expect(GPU_STATUS_TEXT['software-after-crashes'].vi).toMatch(/tắt/);
  });
});

describe('relaunch arguments', () => {
  it('keeps the arguments, adds the flag once, and relaunches an AppImage by its image', () => {
    const argv = ['/opt/One-Stop Wall/one-stop-wall', '--kiosk', '--config', 'C:\\wall.json'];
    expect(gpuRelaunchOptions(argv, {})).toEqual({
      args: ['--kiosk', '--config', 'C:\\wall.json', GPU_FALLBACK_FLAG],
    });
    expect(gpuRelaunchOptions([...argv, GPU_FALLBACK_FLAG], {}).args).toEqual([
      '--kiosk',
      '--config',
      'C:\\wall.json',
      GPU_FALLBACK_FLAG,
    ]);
    expect(
      gpuRelaunchOptions(['/tmp/.mount_x/one-stop-wall'], { APPIMAGE: '/home/a/W.AppImage' }),
    ).toEqual({
      args: [GPU_FALLBACK_FLAG],
      execPath: '/home/a/W.AppImage',
    });
  });

  it('recognises the flag at start', () => {
    expect(hasGpuFallbackFlag(['exe', GPU_FALLBACK_FLAG])).toBe(true);
    expect(hasGpuFallbackFlag(['exe', '--kiosk'])).toBe(false);
  });
});
