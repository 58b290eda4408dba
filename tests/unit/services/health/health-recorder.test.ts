import { afterEach, describe, expect, it } from 'vitest';
import type { StreamStatus } from '../../../../electron/contract/wall-contract';
import { HealthLog } from '../../../../electron/health/log/health-log';
import { HealthRecorder } from '../../../../electron/services/health/health-recorder';
import { cameraRecords, MINUTE, TestClock, tempDir } from '../../health/log/helpers';

const T0 = Date.UTC(2026, 10, 30, 1, 0);
const open: HealthLog[] = [];

function setup() {
  const clock = new TestClock(T0);
  const log = HealthLog.open({ dir: tempDir(), now: clock.now });
  open.push(log);
  const recorder = new HealthRecorder(
    log,
    [
      { id: 'huyen', availability: 'installed' },
      { id: 'cam-vu', availability: 'not-installed' },
      { id: 'tan-truong', availability: 'disabled' },
    ],
    clock.now,
  );
  const status = (over: Partial<StreamStatus>): StreamStatus => ({
    cameraId: 'huyen',
    quality: 'sub',
    state: 'live',
    since: clock.t,
    lastFrameAt: null,
    retryAt: null,
    ...over,
  });
  const states = () =>
    cameraRecords(log.read(T0, clock.t + 1).records).map((r) =>
      [r.cameraId, r.state, r.reason].filter(Boolean).join(' '),
    );
  return { clock, recorder, status, states };
}

afterEach(() => {
  for (const log of open.splice(0)) log.close();
});

describe('HealthRecorder', () => {
  it('starts every camera in service as unwatched, a disabled one as disabled, and skips the not installed', () => {
    const { states } = setup();
    expect(states()).toEqual(['huyen unwatched', 'tan-truong disabled']);
  });

  it('logs each change of a camera once, with the failure reason and status code', () => {
    const { clock, recorder, status, states } = setup();
    recorder.onStatus(status({ state: 'connecting' }));
    clock.advance(MINUTE);
    recorder.onStatus(status({ state: 'live' }));
    recorder.onStatus(status({ state: 'live' }));
    clock.advance(MINUTE);
    recorder.onStatus(status({ state: 'unreachable', reason: 'connection-refused' }));
    recorder.onStatus(status({ state: 'error', reason: 'server-refused', protocolStatus: 503 }));
    recorder.onStatus(status({ state: 'error', reason: 'malformed-stream' }));
    expect(states()).toEqual([
      'huyen unwatched',
      'tan-truong disabled',
      'huyen connecting',
      'huyen live',
      'huyen unreachable connection-refused',
      'huyen error server-refused 503',
      'huyen damaged malformed-stream',
    ]);
  });

  it("keeps a maximised camera live on its main stream while the grid's sub stream goes idle", () => {
    const { recorder, status, states } = setup();
    recorder.onStatus(status({ quality: 'sub', state: 'live' }));
    recorder.onStatus(status({ quality: 'main', state: 'live' }));
    recorder.onStatus(status({ quality: 'sub', state: 'idle' }));
    recorder.onStatus(status({ quality: 'main', state: 'stalled' }));
    recorder.onStatus(status({ quality: 'main', state: 'idle' }));
    expect(states().slice(2)).toEqual(['huyen live', 'huyen stale', 'huyen unwatched']);
  });

  it('lets one live session speak for the camera over a failing one', () => {
    const { recorder, status, states } = setup();
    recorder.onStatus(status({ quality: 'main', state: 'auth-failed' }));
    recorder.onStatus(status({ quality: 'sub', state: 'live' }));
    expect(states().slice(2)).toEqual(['huyen auth-failed', 'huyen live']);
  });
});
