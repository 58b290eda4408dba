// The lock-out scenarios a user met, on the fake clock: a camera with a wrong password that
// layouts keep showing and hiding, a tile maximised to its main stream, and restarts. What is
// counted is logins sent to the camera; the camera locks the PC out after 5–7 failed ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quality, StreamStatus } from '../../../../electron/contract/wall-contract';
import { LoginGate } from '../../../../electron/streams/core/login-gate';
import { loginIdentity } from '../../../../electron/streams/core/login-identity';
import type { LoginBackoffStore } from '../../../../electron/streams/core/login-records';
import type { SourceFactory } from '../../../../electron/streams/core/source';
import { StreamBroker } from '../../../../electron/streams/core/stream-broker';
import type { ViewerSink } from '../../../../electron/streams/core/stream-viewer';

const MINUTE = 60_000;
const sink: ViewerSink = { send: () => {}, bufferedBytes: () => 0, close: () => {} };

let logins: { at: number; quality: Quality; password: string }[];
let statuses: StreamStatus[];
let store: LoginBackoffStore & { value: unknown };

/** A Hikvision-like camera: main and sub on one RTSP port, refusing all but `right`. */
function cameraFactory(quality: Quality, password: string, right = 'right'): SourceFactory {
  return (handlers) => {
    const timer = setTimeout(() => {
      logins.push({ at: Date.now(), quality, password });
      if (password !== right) {
        handlers.onEnd({
          code: 'auth-failed',
          message: "Camera 'Gate': wrong password (RTSP 401).",
        });
      }
    }, 200);
    return { close: () => clearTimeout(timer) };
  };
}

function brokerWith(password: string, gate = new LoginGate({ store })): StreamBroker {
  return new StreamBroker({
    resolve: (cameraId, quality) => {
      const path = quality === 'main' ? '101' : '102';
      const url = `rtsp://10.0.0.5/Streaming/Channels/${path}`;
      return {
        label: 'Gate',
        factory: cameraFactory(quality, password),
        login: loginIdentity(url, { type: 'password', username: 'admin', password }),
      };
    },
    onStatus: (s) => statuses.push(s),
    log: () => {},
    loginGate: gate,
  });
}

function attach(broker: StreamBroker, quality: Quality = 'sub'): () => void {
  const result = broker.attach('gate', quality, sink);
  if ('error' in result) throw new Error(result.error);
  return result.detach;
}

let brokers: StreamBroker[];
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-03-01T08:00:00Z') });
  logins = [];
  statuses = [];
  brokers = [];
  store = { value: undefined, get: () => store.value, set: (v) => void (store.value = v) };
});
afterEach(() => {
  for (const broker of brokers) broker.close();
  vi.useRealTimers();
});
const track = (broker: StreamBroker) => (brokers.push(broker), broker);

describe('a camera with a wrong password', () => {
  it('costs one failed login per back-off step while a layout flips it on and off screen', () => {
    const broker = track(brokerWith('wrong'));
    const start = Date.now();
    // On screen 5 s, away 20 s (longer than the linger), for 40 minutes.
    while (Date.now() - start < 40 * MINUTE) {
      const detach = attach(broker);
      vi.advanceTimersByTime(5_000);
      detach();
      vi.advanceTimersByTime(20_000);
    }
    const gaps = logins.slice(1).map((l, i) => l.at - logins[i]!.at);
    // 0, then 5 min later, then 10 min after that, then 20: four logins in 40 minutes at most.
    expect(logins.length).toBeLessThanOrEqual(4);
    expect(logins.length).toBeGreaterThanOrEqual(3);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual([5, 10, 20][i]! * MINUTE));
  });

  it('shares the back-off between the sub stream and the main stream of a maximised tile', () => {
    const broker = track(brokerWith('wrong'));
    attach(broker, 'sub');
    const maximised = attach(broker, 'main'); // at once, while the sub login is in flight
    vi.advanceTimersByTime(1_000);
    expect(logins).toHaveLength(1);
    for (let i = 0; i < 10; i += 1) {
      maximised();
      vi.advanceTimersByTime(15_000);
      attach(broker, 'main');
      vi.advanceTimersByTime(10_000);
    }
    expect(logins).toHaveLength(1);
    const main = broker.session('gate', 'main')!.currentStatus;
    expect(main.state).toBe('auth-failed');
    expect(main.retryAt).toBe(logins[0]!.at + 5 * MINUTE);
  });

  it('does not connect on attach while gated, and shows the countdown', () => {
    const broker = track(brokerWith('wrong'));
    const detach = attach(broker);
    vi.advanceTimersByTime(1_000);
    detach();
    vi.advanceTimersByTime(30_000); // the linger ends: the session goes idle
    expect(broker.session('gate', 'sub')!.currentStatus.state).toBe('idle');
    attach(broker);
    const status = broker.session('gate', 'sub')!.currentStatus;
    expect(broker.totalConnections).toBe(1);
    expect(status).toMatchObject({ state: 'auth-failed', retryAt: logins[0]!.at + 5 * MINUTE });
    expect(status.detail).toMatch(/wrong password/);
  });

  it('keeps the back-off across a restart of the wall', () => {
    const first = track(brokerWith('wrong'));
    attach(first);
    vi.advanceTimersByTime(1_000);
    first.close();
    vi.advanceTimersByTime(MINUTE);

    const restarted = track(brokerWith('wrong', new LoginGate({ store })));
    attach(restarted, 'sub');
    attach(restarted, 'main');
    vi.advanceTimersByTime(3 * MINUTE);
    expect(logins).toHaveLength(1);
    expect(restarted.session('gate', 'sub')!.currentStatus).toMatchObject({
      state: 'auth-failed',
      retryAt: logins[0]!.at + 5 * MINUTE,
    });
    vi.advanceTimersByTime(MINUTE + 1_000);
    expect(logins).toHaveLength(2); // one of main/sub, not both
    expect(JSON.stringify(store.value)).not.toContain('wrong');
  });

  it('tries the corrected password at once after a restart, and the camera plays', () => {
    const first = track(brokerWith('wrong'));
    attach(first);
    vi.advanceTimersByTime(1_000);
    first.close();

    const fixed = track(brokerWith('right', new LoginGate({ store })));
    attach(fixed);
    vi.advanceTimersByTime(1_000);
    expect(logins.map((l) => l.password)).toEqual(['wrong', 'right']);
    expect(fixed.session('gate', 'sub')!.currentStatus.state).not.toBe('auth-failed');
  });
});
