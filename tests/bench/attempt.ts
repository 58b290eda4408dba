// One part of the run (a contender at a tile count, recovery, relay cost, RTSP cost, the layout
// switch) must not take the rest of the run down with it: a part that throws is tried once more
// (a reset connection or a slow start on a shared machine is usually gone the second time), and
// if it fails again the run records why and moves on. Pure apart from the function it is given,
// so the retry rule is unit-tested.

/** A part that could not be measured, and why; shown as a row or a footnote in the tables. */
export interface NotMeasured {
  notMeasured: string;
}

export type Outcome<T> = T | NotMeasured;

export function isNotMeasured(value: unknown): value is NotMeasured {
  return typeof value === 'object' && value !== null && 'notMeasured' in value;
}

/** The measured value, or null for a part that was not measured (or not run at all). */
export function measuredOf<T>(value: Outcome<T> | null | undefined): T | null {
  return value === null || value === undefined || isNotMeasured(value) ? null : value;
}

export const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface AttemptOptions {
  /** Pause before the retry, so whatever broke (a server restart, a busy core) can settle. */
  retryDelayMs?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs `part`; on a throw runs it once more; on a second throw returns both reasons. */
export async function attempt<T>(
  what: string,
  part: () => Promise<T>,
  options: AttemptOptions = {},
): Promise<Outcome<T>> {
  const log = options.log ?? (() => undefined);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let first: string;
  try {
    return await part();
  } catch (error) {
    first = errorOf(error);
    log(`${what} failed (${first}); trying once more`);
  }
  await sleep(options.retryDelayMs ?? 2_000);
  try {
    return await part();
  } catch (error) {
    const second = errorOf(error);
    log(`${what} failed again (${second}); recorded as not measured`);
    return {
      notMeasured: second === first ? `${second} (twice)` : `${first}; then ${second}`,
    };
  }
}
