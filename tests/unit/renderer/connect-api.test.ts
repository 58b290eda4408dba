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

/** The next task: each message on a real channel (IPC or a socket) arrives in a task of its own. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A main process that answers requests in the order they came, one message per task, and, once
 * it has answered `changeAfter` (if any), changes its snapshot and pushes it ahead of its next answer (as
 * one ordered channel delivers them). `hoursLast` answers the office hours after everything else,
 * as a host whose handlers finish out of order could.
 */
function orderedMain(changeAfter: WallRequestChannel | null, hoursLast = false): WallTransport {
  const listeners = new Map<WallEventChannel, ((payload: unknown) => void)[]>();
  let current = snapshot('old');
  let changePending = false;
  let line = Promise.resolve();
  const answers: Partial<Record<WallRequestChannel, () => unknown>> = {
    'hours:get-status': () => ({ inHours: true, showing: true, overrideUntil: null }),
    'wall:get-snapshot': () => current,
    'streams:get-statuses': () => [],
    'staff:status': () => ({ hasPin: false, unlocked: false }),
  };
  const answer = async (channel: WallRequestChannel) => {
    await nextTask();
    if (changePending) {
      changePending = false;
      current = snapshot('new');
      for (const listener of listeners.get('wall:snapshot') ?? []) listener(current);
      await nextTask();
    }
    const value = answers[channel]?.();
    if (channel === changeAfter) changePending = true;
    return value === undefined
      ? { ok: false as const, error: 'unknown' }
      : { ok: true as const, value };
  };
  return {
    request(channel) {
      if (hoursLast && channel === 'hours:get-status') {
        return new Promise((resolve) => setTimeout(() => resolve(answer(channel)), 20));
      }
      const result = line.then(() => answer(channel));
      line = result.then(() => undefined);
      return result;
    },
    subscribe(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return () => {};
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

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

  it('sends the first reads together, not one after the other', async () => {
    const sent: WallRequestChannel[] = [];
    const transport = orderedMain('staff:status');
    const counting: WallTransport = {
      request: (channel, payload) => {
        sent.push(channel);
        return transport.request(channel, payload);
      },
      subscribe: (channel, listener) => transport.subscribe(channel, listener),
    };
    const stop = connectApiToStore(buildWallApi(counting), createAppStore());
    expect(sent).toEqual([
      'hours:get-status',
      'wall:get-snapshot',
      'streams:get-statuses',
      'staff:status',
    ]);
    stop();
  });

  it('stores office hours before a snapshot that answered first', async () => {
    const store = createAppStore();
    const seen: string[] = [];
    store.subscribe((state, before) => {
      if (state.officeHours && !before.officeHours) seen.push('hours');
      if (state.snapshot && !before.snapshot) seen.push('snapshot');
    });
    const stop = connectApiToStore(buildWallApi(orderedMain(null, true)), store);
    await settle();
    expect(seen).toEqual(['hours', 'snapshot']);
    stop();
  });

  it('drops a snapshot that waited for office hours when main pushed a newer one meanwhile', async () => {
    const store = createAppStore();
    const stop = connectApiToStore(buildWallApi(orderedMain('wall:get-snapshot', true)), store);
    await settle();
    expect(store.getState().snapshot?.productName).toBe('new');
    stop();
  });
});
