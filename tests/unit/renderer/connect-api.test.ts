// The renderer's first reads and main's pushed events share one ordered channel (IPC or the
// preview socket). A snapshot main pushes while the first reads are still going must win over
// the older one those reads fetched: a staff change made right as a window opens must show.
import { describe, expect, it } from 'vitest';
import {
  buildWallApi,
  type WallEventChannel,
  type WallRequestChannel,
  type WallTransport,
} from '../../../electron/contract/wall-verbs';
import type { WallSnapshot } from '../../../electron/contract/wall-contract';
import { connectApiToStore } from '../../../renderer/src/api/connect-api';
import { createAppStore } from '../../../renderer/src/store/app-store';

const snapshot = (productName: string) => ({ productName }) as WallSnapshot;

/**
 * A main process that answers requests in order and, once it has answered `changeAfter`, changes
 * its snapshot and pushes it ahead of its next answer (as one ordered channel delivers them).
 */
function orderedMain(changeAfter: WallRequestChannel): WallTransport {
  const listeners = new Map<WallEventChannel, ((payload: unknown) => void)[]>();
  let current = snapshot('old');
  let changePending = false;
  const answers: Partial<Record<WallRequestChannel, () => unknown>> = {
    'hours:get-status': () => ({ inHours: true, showing: true, overrideUntil: null }),
    'wall:get-snapshot': () => current,
    'streams:get-statuses': () => [],
    'staff:status': () => ({ hasPin: false, unlocked: false }),
  };
  return {
    async request(channel) {
      await Promise.resolve();
      if (changePending) {
        changePending = false;
        current = snapshot('new');
        for (const listener of listeners.get('wall:snapshot') ?? []) listener(current);
        await Promise.resolve();
      }
      const value = answers[channel]?.();
      if (channel === changeAfter) changePending = true;
      return value === undefined ? { ok: false, error: 'unknown' } : { ok: true, value };
    },
    subscribe(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return () => {};
    },
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

describe('connecting the API to the store', () => {
  it('keeps a snapshot pushed right after the first read answered', async () => {
    const store = createAppStore();
    const stop = connectApiToStore(buildWallApi(orderedMain('wall:get-snapshot')), store);
    await settle();
    expect(store.getState().snapshot?.productName).toBe('new');
    stop();
  });

  it('takes the read’s snapshot when nothing was pushed', async () => {
    const store = createAppStore();
    const stop = connectApiToStore(buildWallApi(orderedMain('staff:status')), store);
    await settle();
    expect(store.getState().snapshot?.productName).toBe('old');
    stop();
  });
});
