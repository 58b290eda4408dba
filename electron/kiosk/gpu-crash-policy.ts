// The GPU process on an office PC's old integrated graphics can crash again and again (driver
// resets, a monitor switched off and on). Electron restarts it, but the wall's video may stay
// black, so each GPU crash reloads the windows. Three crashes in 10 minutes say the driver will
// not settle: the app relaunches once with hardware acceleration off, which is slower but
// stays up. The flag on the command line is the memory: a wall started with it never
// relaunches for this reason again. Pure; times come in as arguments.

export const GPU_FALLBACK_FLAG = '--disable-gpu-after-crashes';

export interface GpuCrashOptions {
  limit: number;
  windowMs: number;
}

export const DEFAULT_GPU_CRASH: GpuCrashOptions = { limit: 3, windowMs: 10 * 60_000 };

/** The fields of Electron's child-process-gone details this policy reads. */
export interface ChildGone {
  type: string;
  reason: string;
  exitCode: number;
}

export type GpuStep =
  | { kind: 'log'; line: string }
  | { kind: 'reload-windows'; line: string }
  | { kind: 'relaunch-without-gpu'; line: string };

export type GpuStatus = 'accelerated' | 'software-after-crashes';

/** For the status line: a short sentence in each of the wall's languages. */
export const GPU_STATUS_TEXT: Record<GpuStatus, { vi: string; en: string }> = {
  accelerated: { vi: 'Tăng tốc đồ họa: bật', en: 'Graphics acceleration: on' },
  'software-after-crashes': {
    vi: 'Tăng tốc đồ họa: tắt sau nhiều lần GPU gặp sự cố',
    en: 'Graphics acceleration: off after repeated GPU crashes',
  },
};

export function hasGpuFallbackFlag(argv: readonly string[]): boolean {
  return argv.includes(GPU_FALLBACK_FLAG);
}

/**
 * What to pass to app.relaunch. `argv` is process.argv; an AppImage must relaunch the image
 * itself (process.execPath lies in its mount, which vanishes when the app exits).
 */
export function gpuRelaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { args: string[]; execPath?: string } {
  const args = argv.slice(1).filter((arg) => arg !== GPU_FALLBACK_FLAG);
  args.push(GPU_FALLBACK_FLAG);
  return env.APPIMAGE ? { args, execPath: env.APPIMAGE } : { args };
}

export class GpuCrashPolicy {
  private crashes: number[] = [];
  private relaunching = false;

  constructor(
    /** True when this run was started with GPU_FALLBACK_FLAG. */
    private readonly fallenBack: boolean,
    private readonly options: GpuCrashOptions = DEFAULT_GPU_CRASH,
  ) {}

  get status(): GpuStatus {
    return this.fallenBack ? 'software-after-crashes' : 'accelerated';
  }

  /** Log line for the start of a run that fell back, or null. */
  startLine(): string | null {
    return this.fallenBack
      ? `gpu: hardware acceleration off (${GPU_FALLBACK_FLAG}: the GPU crashed ${this.options.limit} times within ${this.options.windowMs / 60_000} minutes)`
      : null;
  }

  onChildGone(details: ChildGone, at: number): GpuStep {
    const what = `process ${details.type} gone (${details.reason}, exit ${details.exitCode})`;
    // Utility processes restart by themselves; a GPU process that exits cleanly did not crash.
    if (details.type !== 'GPU' || details.reason === 'clean-exit')
      return { kind: 'log', line: what };
    this.crashes = this.crashes.filter((t) => at - t < this.options.windowMs);
    this.crashes.push(at);
    const many = this.crashes.length >= this.options.limit;
    if (many && !this.fallenBack && !this.relaunching) {
      this.relaunching = true;
      return {
        kind: 'relaunch-without-gpu',
        line: `${what}; ${this.crashes.length} GPU crashes within ${this.options.windowMs / 60_000} minutes: relaunching once with hardware acceleration off`,
      };
    }
    return { kind: 'reload-windows', line: `${what}; reloading the wall windows` };
  }
}
