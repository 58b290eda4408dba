import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quality, StreamStatus } from '../../../../electron/contract/wall-contract';
import type { SourceFactory, SourceHandlers } from '../../../../electron/streams/core/source';
import { StreamBroker } from '../../../../electron/streams/core/stream-broker';
import type { ViewerSink } from '../../../../electron/streams/core/stream-viewer';

interface Opened {
  cameraId: string;
  quality: Quality;
  handlers: SourceHandlers;
  closed: boolean;
}

let opened: Opened[];
let resolveCalls: string[];
let statuses: StreamStatus[];
let broker: StreamBroker;

function factoryFor(cameraId: string, quality: Quality): SourceFactory {
  return (handlers) => {
    const entry: Opened = { cameraId, quality, handlers, closed: false };
    opened.push(entry);
    return { close: () => void (entry.closed = true) };
  };
}

function sink(): ViewerSink & { closedWith: string | null } {
  return {
    closedWith: null,
    send: () => {},
    bufferedBytes: () => 0,
    close(reason) {
      this.closedWith = reason;
    },
  };
}

function attached(result: ReturnType<StreamBroker['attach']>): () => void {
  if ('error' in result) throw new Error(result.error);
  return result.detach;
}

beforeEach(() => {
  vi.useFakeTimers();
  opened = [];
  resolveCalls = [];
  statuses = [];
  broker = new StreamBroker({
    resolve: (cameraId, quality) => {
      resolveCalls.push(`${cameraId}/${quality}`);
      if (cameraId === 'gone') return { error: 'There is no camera "gone".' };
      return { label: `Label ${cameraId}`, factory: factoryFor(cameraId, quality) };
    },
    onStatus: (s) => statuses.push(s),
    log: () => {},
    timings: { lingerMs: 1_000 },
  });
});

afterEach(() => {
  broker.close();
  vi.useRealTimers();
});

describe('StreamBroker', () => {
  it('opens one upstream per camera and quality, however many viewers', () => {
    attached(broker.attach('cam-1', 'sub', sink()));
    attached(broker.attach('cam-1', 'sub', sink()));
    attached(broker.attach('cam-1', 'sub', sink()));
    attached(broker.attach('cam-1', 'main', sink()));
    attached(broker.attach('cam-2', 'sub', sink()));
    expect(broker.totalConnections).toBe(3);
    expect(opened.map((o) => `${o.cameraId}/${o.quality}`)).toEqual([
      'cam-1/sub',
      'cam-1/main',
      'cam-2/sub',
    ]);
    expect(broker.session('cam-1', 'sub')?.viewerCount).toBe(3);
    expect(resolveCalls).toHaveLength(3);
  });

  it('returns the resolver’s error for a camera it cannot play, and keeps no session', () => {
    const result = broker.attach('gone', 'sub', sink());
    expect(result).toEqual({ error: 'There is no camera "gone".' });
    expect(broker.session('gone', 'sub')).toBeUndefined();
    expect(broker.statuses()).toEqual([]);
  });

  it('does not mix up camera ids that look alike when joined', () => {
    attached(broker.attach('a', 'sub', sink()));
    attached(broker.attach('a/sub', 'main', sink()));
    expect(broker.totalConnections).toBe(2);
  });

  it('reports one status per session and forwards status changes', () => {
    attached(broker.attach('cam-1', 'sub', sink()));
    attached(broker.attach('cam-2', 'sub', sink()));
    expect(broker.statuses().map((s) => [s.cameraId, s.state])).toEqual([
      ['cam-1', 'connecting'],
      ['cam-2', 'connecting'],
    ]);
    opened[0]!.handlers.onEnd({ code: 'not-found', message: 'no such stream' });
    expect(statuses.at(-1)).toMatchObject({ cameraId: 'cam-1', state: 'not-found' });
  });

  it('invalidate() closes the sessions of changed cameras and their viewers only', () => {
    const viewerOne = sink();
    const viewerTwo = sink();
    attached(broker.attach('cam-1', 'sub', viewerOne));
    attached(broker.attach('cam-2', 'sub', viewerTwo));
    broker.invalidate((id) => id === 'cam-1');
    expect(viewerOne.closedWith).toBe('session closed');
    expect(viewerTwo.closedWith).toBeNull();
    expect(opened[0]!.closed).toBe(true);
    expect(opened[1]!.closed).toBe(false);
    // The next viewer of the changed camera resolves it afresh.
    attached(broker.attach('cam-1', 'sub', sink()));
    expect(resolveCalls.filter((c) => c === 'cam-1/sub')).toHaveLength(2);
  });

  it('passes its timings to the sessions (linger)', () => {
    const detach = attached(broker.attach('cam-1', 'sub', sink()));
    detach();
    vi.advanceTimersByTime(1_000);
    expect(opened[0]!.closed).toBe(true);
    expect(broker.session('cam-1', 'sub')?.currentStatus.state).toBe('idle');
  });

  it('close() closes every session and leaves no timers', () => {
    attached(broker.attach('cam-1', 'sub', sink()));
    attached(broker.attach('cam-2', 'main', sink()));
    broker.close();
    expect(opened.every((o) => o.closed)).toBe(true);
    expect(broker.statuses()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
