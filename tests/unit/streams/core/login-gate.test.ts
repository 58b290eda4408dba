import { describe, expect, it } from 'vitest';
import { LoginGate, loginRetryDelayMs } from '../../../../electron/streams/core/login-gate';
import { loginIdentity } from '../../../../electron/streams/core/login-identity';
import type { LoginBackoffStore } from '../../../../electron/streams/core/login-records';

const MINUTE = 60_000;
const URL = 'rtsp://10.0.0.5:554/Streaming/Channels/102';
const wrong = () =>
  loginIdentity(URL, { type: 'password', username: 'admin', password: 'wrong-pass' })!;
const fixed = () =>
  loginIdentity(URL, { type: 'password', username: 'admin', password: 'right-pass' })!;

function memoryStore(): LoginBackoffStore & { value: unknown } {
  const store = {
    value: undefined as unknown,
    get: () => store.value,
    set: (value: unknown) => void (store.value = value),
  };
  return store;
}

/** A gate on a clock the test moves by hand. */
function gateAt(start = 1_750_000_000_000, store: LoginBackoffStore | null = null) {
  const clock = { now: start };
  const gate = new LoginGate({ store, now: () => clock.now });
  return { gate, clock };
}

function refuse(gate: LoginGate, identity = wrong()): number {
  const admission = gate.admit(identity);
  if (!admission.go) throw new Error('the gate did not let the login through');
  return admission.turn.refused();
}

describe('login back-off steps', () => {
  it('waits 5, 10, 20, then 30 minutes after each refusal, never less', () => {
    expect([0, 1, 2, 3, 4, 10].map(loginRetryDelayMs)).toEqual([
      5 * MINUTE,
      10 * MINUTE,
      20 * MINUTE,
      30 * MINUTE,
      30 * MINUTE,
      30 * MINUTE,
    ]);
  });

  it('escalates through the gate the same way, one refusal per step', () => {
    const { gate, clock } = gateAt();
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const retryAt = refuse(gate);
      waits.push(retryAt - clock.now);
      // Not a millisecond early.
      clock.now = retryAt - 1;
      expect(gate.admit(wrong())).toEqual({ go: false, retryAt, refused: true });
      clock.now = retryAt;
    }
    expect(waits).toEqual([5, 10, 20, 30, 30].map((m) => m * MINUTE));
  });

  it('lets a login through again at once after a success, and starts again at 5 minutes', () => {
    const { gate, clock } = gateAt();
    clock.now = refuse(gate);
    clock.now = refuse(gate);
    const admission = gate.admit(wrong());
    if (!admission.go) throw new Error('expected a turn');
    admission.turn.accepted();
    expect(gate.retryAt(wrong())).toBeNull();
    expect(refuse(gate) - clock.now).toBe(5 * MINUTE);
  });
});

describe('one login in flight', () => {
  it('keeps the second stream of a camera waiting while the first logs in with unknown credentials', () => {
    const { gate } = gateAt();
    const first = gate.admit(wrong());
    expect(first.go).toBe(true);
    // The sub stream, the main stream, or another NVR channel: same server and user.
    const other = loginIdentity('rtsp://10.0.0.5/Streaming/Channels/101', {
      type: 'password',
      username: 'admin',
      password: 'wrong-pass',
    })!;
    expect(gate.admit(other)).toEqual({ go: false, retryAt: null, refused: false });
    let woken = 0;
    gate.onChange(other, () => (woken += 1));
    if (first.go) first.turn.refused();
    expect(woken).toBe(1);
    expect(gate.admit(other)).toMatchObject({ go: false, refused: true });
  });

  it('hands the turn on when an attempt ends without an answer about the login', () => {
    const { gate } = gateAt();
    const first = gate.admit(wrong());
    if (!first.go) throw new Error('expected a turn');
    first.turn.release();
    expect(gate.admit(wrong()).go).toBe(true);
  });

  it('lets credentials that worked in this run log in side by side', () => {
    const { gate } = gateAt();
    const first = gate.admit(fixed());
    if (!first.go) throw new Error('expected a turn');
    first.turn.accepted();
    expect(gate.admit(fixed()).go).toBe(true);
    expect(gate.admit(fixed()).go).toBe(true);
  });

  it('counts logins refused side by side as one step', () => {
    const { gate, clock } = gateAt();
    const warm = gate.admit(fixed());
    if (warm.go) warm.turn.accepted();
    const a = gate.admit(fixed());
    const b = gate.admit(fixed());
    if (!a.go || !b.go) throw new Error('expected two turns');
    const retryA = a.turn.refused();
    expect(b.turn.refused()).toBe(retryA);
    expect(retryA - clock.now).toBe(5 * MINUTE);
  });

  it('settles a turn once: a late release does not free the gate for another login', () => {
    const { gate } = gateAt();
    const first = gate.admit(wrong());
    if (!first.go) throw new Error('expected a turn');
    first.turn.refused();
    first.turn.release();
    expect(gate.admit(wrong())).toMatchObject({ go: false, refused: true });
  });
});

describe('remembered across restarts', () => {
  it('keeps the wait and the step in the store, without the password', () => {
    const store = memoryStore();
    const { gate, clock } = gateAt(undefined, store);
    clock.now = refuse(gate);
    const retryAt = refuse(gate);
    expect(JSON.stringify(store.value)).not.toContain('wrong-pass');
    expect(store.value).toMatchObject({
      version: 1,
      records: [{ server: '10.0.0.5:554', user: 'admin', step: 2, nextAllowedAt: retryAt }],
    });

    const restarted = new LoginGate({ store, now: () => clock.now + MINUTE });
    expect(restarted.admit(wrong())).toEqual({ go: false, retryAt, refused: true });
    const next = new LoginGate({ store, now: () => retryAt });
    const admission = next.admit(wrong());
    if (!admission.go) throw new Error('expected a turn');
    expect(admission.turn.refused() - retryAt).toBe(20 * MINUTE);
  });

  it('tries changed credentials at once (IT fixed the password)', () => {
    const store = memoryStore();
    const { gate, clock } = gateAt(undefined, store);
    refuse(gate);
    const restarted = new LoginGate({ store, now: () => clock.now + 1 });
    expect(restarted.admit(fixed()).go).toBe(true);
    expect(restarted.retryAt(wrong())).toBeNull();
  });

  it('pulls in a wait from a clock that was stepped back, and ignores a damaged store', () => {
    const store = memoryStore();
    const { gate, clock } = gateAt(undefined, store);
    refuse(gate);
    const records = (store.value as { records: { nextAllowedAt: number }[] }).records;
    records[0]!.nextAllowedAt = clock.now + 365 * 24 * 60 * MINUTE;
    const restarted = new LoginGate({ store, now: () => clock.now });
    expect(restarted.retryAt(wrong())).toBe(clock.now + 30 * MINUTE);

    for (const damaged of [null, 'x', { version: 9 }, { version: 1, records: [{ step: 1 }] }]) {
      store.value = damaged;
      expect(new LoginGate({ store }).admit(wrong()).go).toBe(true);
    }
    const throwing: LoginBackoffStore = {
      get: () => {
        throw new Error('disk');
      },
      set: () => {
        throw new Error('disk');
      },
    };
    const log: string[] = [];
    const fragile = new LoginGate({ store: throwing, log: (l) => log.push(l) });
    expect(refuse(fragile)).toBeGreaterThan(Date.now());
    expect(log.join('\n')).toMatch(/could not save/);
  });
});

describe('login gate details the lock-out depends on', () => {
  it('says when a refused login may be tried again, up to the exact instant', () => {
    const { gate, clock } = gateAt();
    expect(gate.retryAt(wrong())).toBeNull();
    const retryAt = refuse(gate);
    expect(gate.retryAt(wrong())).toBe(retryAt);
    clock.now = retryAt - 1;
    expect(gate.retryAt(wrong())).toBe(retryAt);
    expect(gate.admit(wrong())).toEqual({ go: false, retryAt, refused: true });
    clock.now = retryAt;
    expect(gate.retryAt(wrong())).toBeNull();
    expect(gate.admit(wrong()).go).toBe(true);
  });

  it('tells every listener of a camera when a login settles, until it unsubscribes', () => {
    const { gate } = gateAt();
    const heard: string[] = [];
    const offA = gate.onChange(wrong(), () => heard.push('a'));
    gate.onChange(wrong(), () => heard.push('b'));
    const first = gate.admit(wrong());
    if (first.go) first.turn.release();
    expect(heard).toEqual(['a', 'b']);
    offA();
    refuse(gate);
    expect(heard).toEqual(['a', 'b', 'b']);
    const other = loginIdentity('rtsp://10.0.0.6/x', {
      type: 'password',
      username: 'admin',
      password: 'p',
    })!;
    const admission = gate.admit(other);
    if (admission.go) admission.turn.accepted();
    expect(heard).toEqual(['a', 'b', 'b']); // another camera's login is not this camera's news
  });

  it('releases the turn for the next stream only once, and only for an exclusive turn', () => {
    const { gate } = gateAt();
    const first = gate.admit(fixed());
    if (!first.go) throw new Error('first login not admitted');
    expect(gate.admit(fixed()).go).toBe(false); // unknown credentials: one at a time
    first.turn.accepted();
    first.turn.release(); // after the answer: nothing more to free
    // Verified credentials log in side by side, and their turns free nothing.
    const a = gate.admit(fixed());
    const b = gate.admit(fixed());
    expect([a.go, b.go]).toEqual([true, true]);
  });

  it('keeps the gate in memory and says so when the store cannot be read or written', () => {
    const lines: string[] = [];
    const broken = {
      get: () => {
        throw new Error('unreadable');
      },
      set: () => {
        throw new Error('disk full');
      },
    };
    const gate = new LoginGate({ store: broken, log: (line) => lines.push(line) });
    const retryAt = refuse(gate);
    expect(gate.retryAt(wrong())).toBe(retryAt);
    expect(lines).toEqual([expect.stringMatching(/^login: could not save the login back-off \(/)]);
  });

  it('names the camera server and user when new credentials replace refused ones', () => {
    const lines: string[] = [];
    const gate = new LoginGate({ log: (line) => lines.push(line) });
    refuse(gate);
    gate.admit(fixed());
    expect(lines).toEqual([
      'login: the credentials for admin@10.0.0.5:554 changed since the last refused login; trying them now',
    ]);
  });
});
