// Parent side of soak-host.ts: writes the config, starts the host under node --expose-gc with
// tsx's loader (so the measured pid is the host itself, not an npx wrapper) and asks it for
// its memory. Registered with the benchmark's cleanup, so Ctrl+C leaves nothing running.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { WallSettingsFile } from '../../electron/settings/settings-model';
import { killAndWait, onCleanup, spawnTracked } from '../bench/cleanup';
import type { HostMemory } from './soak-host';

export interface SoakHost {
  pid: number;
  url: string;
  memory(): Promise<HostMemory | null>;
  close(): Promise<void>;
}

export async function startSoakHost(settings: WallSettingsFile): Promise<SoakHost> {
  const file = join(mkdtempSync(join(tmpdir(), 'soak-wall-')), 'wall.json');
  writeFileSync(file, JSON.stringify(settings, null, 2));
  const child = spawnTracked(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'soak-host.ts'), file],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waiting: ((line: string | null) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('{')) waiting.shift()?.(line);
  });
  const nextLine = (timeoutMs: number) =>
    new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(done), 1);
        resolve(null);
      }, timeoutMs);
      const done = (line: string | null) => {
        clearTimeout(timer);
        resolve(line);
      };
      waiting.push(done);
    });
  const ready = await nextLine(60_000);
  if (ready === null) throw new Error('the soak host did not start within 60 s');
  const close = onCleanup(async () => {
    child.stdin?.end();
    await killAndWait(child, 'SIGTERM');
    await killAndWait(child);
  });
  return {
    pid: child.pid!,
    url: (JSON.parse(ready) as { url: string }).url,
    async memory() {
      child.stdin!.write('mem\n');
      const line = await nextLine(10_000);
      return line === null ? null : (JSON.parse(line) as HostMemory);
    },
    close,
  };
}
