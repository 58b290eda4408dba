// Every child the benchmark starts (servers, encoders, browsers, host processes) registers its
// teardown here, so an error, Ctrl+C or SIGTERM still leaves nothing running. As a last resort
// the remaining descendants of this process are killed by pid.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { descendants } from './proc-stats';

type Teardown = () => Promise<void> | void;
const teardowns: Teardown[] = [];
let exiting = false;

/** Registers a teardown; returns a function that runs it now and unregisters it. */
export function onCleanup(teardown: Teardown): () => Promise<void> {
  teardowns.push(teardown);
  return async () => {
    const index = teardowns.indexOf(teardown);
    if (index >= 0) teardowns.splice(index, 1);
    await teardown();
  };
}

/** spawn() whose child is killed by cleanUp() if it is still running. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  const release = onCleanup(() => killAndWait(child));
  child.once('exit', () => void release());
  return child;
}

export async function killAndWait(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
}

export async function cleanUp(): Promise<void> {
  while (teardowns.length > 0) {
    const teardown = teardowns.pop()!;
    try {
      await teardown();
    } catch (error) {
      console.error(`cleanup: ${(error as Error).message}`);
    }
  }
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Ctrl+C and SIGTERM clean up and exit; a second signal exits at once. */
export function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (exiting) process.exit(130);
      exiting = true;
      console.error(`\nbench: ${signal}, stopping every child process…`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}
