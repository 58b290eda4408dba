// Run as a child process by store-last-good.test.ts: opens the settings store (conf, the
// derived schema, the last good copy kept) in argv[2] and writes staff's settings over and
// over, each a little different and large enough that a write takes a while. argv[3] names a
// step of the last good copy's write at which to stop and wait for the parent's SIGKILL;
// 'never' keeps writing until killed, wherever that lands (inside conf's own write or ours).
import Conf from 'conf';
import { join } from 'node:path';
import type { WriteStep } from '../../../../electron/settings/atomic-json-file';
import { openStoreSafely } from '../../../../electron/settings/open-store-safely';
import { localSettingsSlot, STORE_SCHEMA } from '../../../../electron/settings/settings-store';

const [dir, stopAt] = process.argv.slice(2) as [string, WriteStep | 'never'];
let writing = 0;
const opened = openStoreSafely(
  () => new Conf({ cwd: dir, configName: 'settings', schema: STORE_SCHEMA }),
  join(dir, 'settings.json'),
  {
    afterStep: (step) => {
      if (step !== stopAt || writing < 2) return;
      process.stdout.write(`stopped:${step}:${writing}\n`);
      // Block this thread until the parent's SIGKILL arrives.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    },
  },
);
const slot = localSettingsSlot(opened.store);

/** Version n: n centres, each named for n, so a half-written mix of two would show. */
export function version(n: number) {
  const sites = Array.from({ length: n }, (_, i) => ({ id: `xa-${i}`, name: `Xã ${i} v${n}` }));
  return { schemaVersion: 2, sites, cameras: [], note: 'x'.repeat(200_000 + n) };
}

for (writing = 1; writing < 10_000; writing += 1) {
  slot.write(version(writing));
  process.stdout.write(`wrote:${writing}\n`);
}
