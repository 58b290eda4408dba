// The preview host as people run it (`npm run preview -- --config FILE`, without the build), in
// a process of its own with ONE_STOP_WALL_DATA_DIR, so a test sees its real stdout and stderr
// and its data folder exactly as the host leaves them.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../fixtures/media-server/media-server';

const ENTRY = join(PROJECT_ROOT, 'electron', 'preview-host', 'preview-main.ts');

export interface PreviewProcess {
  url: string;
  /** Everything the host wrote to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Waits until the output (both streams) matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPreviewProcess(options: {
  configFile: string | null;
  dataDir: string;
}): Promise<PreviewProcess> {
  const args = ['--import', 'tsx', ENTRY, '--port', '0'];
  if (options.configFile) args.push('--config', options.configFile);
  // Node with tsx's loader, not the tsx wrapper, whose own child would outlive a kill.
  const env: NodeJS.ProcessEnv = { ...process.env, ONE_STOP_WALL_DATA_DIR: options.dataDir };
  delete env.ONE_STOP_WALL_CONFIG;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const waitForOutput = async (pattern: RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(out + err)) {
      if (child.exitCode !== null) throw new Error(`preview host exited: ${out}${err}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${out}${err}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForOutput(/open (http:\/\/127\.0\.0\.1:\d+\/\S*)/);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = /open (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)![1]!;
  return { url, stdout: () => out, stderr: () => err, waitForOutput, stop };
}
