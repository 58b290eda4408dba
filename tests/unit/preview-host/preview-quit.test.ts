// Staff quitting in the browser preview: the host answers, then stops (its page server and the
// wall's services close, as Electron's app.quit() ends the app) and says so; `npm run preview`
// then exits. Locked, it refuses and keeps running.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAFF_LOCKED_ERROR } from '../../../electron/contract/staff-status';
import { startPreviewHost, type PreviewHost } from '../../../electron/preview-host/preview-host';

let host: PreviewHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

describe('quitting the preview host', () => {
  it('refuses while locked, then answers and stops itself', async () => {
    const log: string[] = [];
    let quitDone!: () => void;
    const stopped = new Promise<void>((done) => (quitDone = done));
    host = await startPreviewHost({
      configFile: null,
      store: null,
      assetsDir: resolve('assets'),
      rendererDir: mkdtempSync(join(tmpdir(), 'renderer-')),
      port: 0,
      log: (line) => log.push(line),
      onQuit: quitDone,
    });
    const { service, origin } = host;
    await expect(service.handle('wall:quit', undefined)).resolves.toEqual({
      ok: false,
      error: STAFF_LOCKED_ERROR,
    });
    expect((await fetch(`${origin}/`)).status).toBeLessThan(500);

    await service.handle('staff:set-pin', { pin: '2468' });
    await expect(service.handle('wall:quit', undefined)).resolves.toEqual({
      ok: true,
      value: true,
    });
    await stopped;
    expect(log).toContain('wall: quit by staff');
    expect(log).toContain('preview: stopped (quit by staff)');
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });
});
