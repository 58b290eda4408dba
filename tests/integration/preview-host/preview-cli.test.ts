// The preview host as people start it: `npm run preview -- --config FILE` (here its entry,
// without the build). A bad file is refused with the field named; with no configuration that
// ever worked on this PC the wall shows the problems (it never exits, so a kiosk never shows
// the desktop) and takes the file as soon as it is fixed.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const entry = join(process.cwd(), 'electron', 'preview-host', 'preview-main.ts');
// Node itself with tsx's loader, not the tsx wrapper: the wrapper runs the script in a child
// process that killing the wrapper would leave running (a preview host streaming 16 feeds).
const node = (args: string[]) => [process.execPath, ['--import', 'tsx', ...args]] as const;
const children: ReturnType<typeof spawn>[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function run(args: string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wall-data-'));
  const child = spawn(...node([entry, ...args]), {
    env: { ...process.env, ONE_STOP_WALL_DATA_DIR: dataDir },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, out: () => stdout, err: () => stderr, dataDir };
}

/** Resolves once the host's output (stdout and stderr) matches. */
async function outputMatching(
  run1: ReturnType<typeof run>,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run1.out() + run1.err())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${run1.out()}${run1.err()}`);
    if (run1.child.exitCode !== null) throw new Error(`exited: ${run1.out()}${run1.err()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const VALID = {
  schemaVersion: 1,
  sites: [{ id: 'a', name: 'Xã Cao An' }],
  cameras: [{ id: 'cam', siteId: 'a', name: 'Quầy 1', streams: { sub: { url: 'demo:clip-1' } } }],
  layout: { preset: '2x2', cameraIds: ['cam'] },
};

function configFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wall-cfg-')), 'wall.json');
  writeFileSync(file, content);
  return file;
}

describe('preview host command line', () => {
  it('refuses a configuration that fails the schema, naming the field, and takes it once fixed', async () => {
    const bad = structuredClone(VALID);
    bad.cameras[0]!.streams.sub.url = 'ftp://user:Hidden-Pa55@10.0.0.5/x';
    const file = configFile(JSON.stringify(bad));
    const run1 = run(['--config', file, '--port', '0']);
    await outputMatching(run1, /open http:\/\/127\.0\.0\.1/);
    expect(run1.out()).toContain('cameras[0].streams.sub.url');
    expect(run1.out()).toContain('Fix the file');
    expect(run1.out() + run1.err()).not.toContain('Hidden-Pa55');
    // Fixed in place: the running wall takes it, no restart.
    writeFileSync(file, JSON.stringify(VALID));
    await outputMatching(run1, /is valid again; the wall now runs on it/);
    expect(run1.child.exitCode).toBeNull();
  });

  it('refuses a file that is not JSON, says so, and keeps running', async () => {
    const run1 = run(['--config', configFile('{ "schemaVersion": 1, '), '--port', '0']);
    await outputMatching(run1, /not valid JSON[\s\S]*open http/);
    expect(run1.child.exitCode).toBeNull();
  });

  it('refuses a missing file and takes it once it is there', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wall-cfg-')), 'wall.json');
    const run1 = run(['--config', file, '--port', '0']);
    await outputMatching(run1, /does not exist[\s\S]*open http/);
    writeFileSync(file, JSON.stringify(VALID));
    await outputMatching(run1, /is valid again/);
  });

  it('starts the demo wall without a configuration and prints the URL to open first', async () => {
    const run1 = run(['--port', '0']);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${run1.out()}`)), 20_000);
      run1.child.stdout!.on('data', () => {
        const match = /https?:\/\/\S+/.exec(run1.out());
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#key=[0-9a-f]{64}$/);
    // The wall's log line comes after, so the first URL is the page, not the gateway.
    expect(run1.out().indexOf(url)).toBe(run1.out().search(/https?:\/\//));
  });

  it('starts with defaults when the settings store is corrupt, keeping the old file aside', async () => {
    const first = run(['--port', '0']);
    writeFileSync(join(first.dataDir, 'settings.json'), '{ this is not json');
    first.child.kill('SIGKILL');
    const child = spawn(...node([entry, '--port', '0']), {
      env: { ...process.env, ONE_STOP_WALL_DATA_DIR: first.dataDir },
    });
    children.push(child);
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no warning: ${out}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('was damaged')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(out).toMatch(/settings\.corrupt-.*\.json/);
  });
});

describe('npm run preview', () => {
  it('builds, starts, and the first URL in its whole output is the one to open', async () => {
    // Its own process group, so the build's and the host's processes all end with it.
    const child = spawn('npm', ['run', 'preview', '--', '--port', '0'], {
      detached: true,
      env: { ...process.env, ONE_STOP_WALL_DATA_DIR: mkdtempSync(join(tmpdir(), 'wall-data-')) },
    });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no page URL: ${output}`)), 90_000);
        const read = (d: Buffer) => {
          output += d;
          if (/#key=[0-9a-f]{64}/.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
      });
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
    const first = /https?:\/\/\S+/.exec(output)?.[0];
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#key=[0-9a-f]{64}$/);
  });
});
