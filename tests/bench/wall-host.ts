// Parent side of host-process.ts: writes the wall's configuration, starts the host process
// (node with tsx's loader, so the measured pid is the host itself and not an npx wrapper), and
// asks it for broker connection counts.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { presetCellCount, type LayoutPresetId } from '../../electron/contract/layout-presets';
import { ROUND_THE_CLOCK } from '../../electron/settings/schedule-field';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { killAndWait, onCleanup, spawnTracked } from './cleanup';
import type { HostStats } from './host-process';

export interface WallCamera {
  id: string;
  /** ws://…flv on the media server, signed by the wall with the NMS secret. */
  url: string;
}

export function wallSettings(
  cameras: WallCamera[],
  preset: LayoutPresetId,
  secret: string,
): WallSettingsFile {
  return {
    schemaVersion: 1,
    locale: 'vi',
    sites: cameras.map((c, i) => ({ id: `site-${c.id}`, name: `Xã ${i + 1}`, shortName: c.id })),
    cameras: cameras.map((c) => ({
      id: c.id,
      siteId: `site-${c.id}`,
      name: 'Quầy 1',
      streams: { sub: { url: c.url, auth: { type: 'nms-sign' as const, secret } } },
    })),
    // The layout lists exactly one camera per cell; the rest are configured but off screen.
    layout: { preset, cameraIds: cameras.slice(0, presetCellCount(preset)).map((c) => c.id) },
    // Measured at whatever hour the run happens: the wall must not go dark at 17:00.
    schedule: ROUND_THE_CLOCK,
  };
}

export interface WallHost {
  pid: number;
  urls: string[];
  stats(): Promise<HostStats>;
  close(): Promise<void>;
}

export async function startWallHost(settings: WallSettingsFile[]): Promise<WallHost> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wall-'));
  const files = settings.map((s, i) => {
    const file = join(dir, `wall-${i}.json`);
    writeFileSync(file, JSON.stringify(s, null, 2));
    return file;
  });
  const child: ChildProcess = spawnTracked(
    process.execPath,
    [
      // For profiling the host: BENCH_HOST_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/host'.
      ...(process.env.BENCH_HOST_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      join(import.meta.dirname, 'host-process.ts'),
      JSON.stringify(files),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ONE_STOP_WALL_BENCH: '1' } },
  );
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  const queued: string[] = [];
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return; // the services' own log lines
    const next = waiting.shift();
    if (next) next(line);
    else queued.push(line);
  });
  const nextLine = (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const early = queued.shift();
      if (early !== undefined) return resolve(early);
      const timer = setTimeout(() => reject(new Error('the wall host did not answer')), timeoutMs);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the wall host exited (${code})`))),
  );
  exited.catch(() => undefined);
  const ready = JSON.parse(await Promise.race([nextLine(60_000), exited])) as { urls: string[] };
  const close = onCleanup(async () => {
    child.stdin?.end();
    await killAndWait(child, 'SIGTERM');
    await killAndWait(child);
  });
  return {
    pid: child.pid!,
    urls: ready.urls,
    async stats() {
      child.stdin!.write('stats\n');
      return JSON.parse(await nextLine(10_000)) as HostStats;
    },
    close,
  };
}
