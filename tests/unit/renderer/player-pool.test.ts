import { describe, expect, it } from 'vitest';
import { PlayerPool, playerKey } from '../../../renderer/src/player/player-pool';

class FakePlayer {
  destroyed = 0;
  constructor(readonly url: string) {}
  destroy(): void {
    this.destroyed += 1;
  }
}

function setup() {
  // Pending timers by handle: a cleared timer is gone, so flush() runs only live ones.
  const timers = new Map<number, () => void>();
  let nextHandle = 1;
  const created: FakePlayer[] = [];
  const destroyedKeys: string[] = [];
  const pool = new PlayerPool<FakePlayer>({
    graceMs: 5_000,
    create: (_key, url) => {
      const player = new FakePlayer(url);
      created.push(player);
      return player;
    },
    setTimer: (callback) => {
      const handle = nextHandle++;
      timers.set(handle, callback);
      return handle;
    },
    clearTimer: (handle) => timers.delete(handle as number),
    onDestroyed: (key) => destroyedKeys.push(key),
  });
  const flush = () => {
    const due = [...timers.values()];
    timers.clear();
    due.forEach((run) => run());
  };
  return { pool, created, destroyedKeys, flush, timers };
}

describe('PlayerPool', () => {
  it('keeps a player for a camera that a new tile takes within the grace period', () => {
    const { pool, created, flush, timers } = setup();
    const key = playerKey('cam-a', 'sub');
    const first = pool.acquire(key, 'ws://x/cam-a/sub.flv');
    pool.release(key, first); // old tile unmounts…
    expect(timers.size).toBe(1); // the grace timer runs…
    const second = pool.acquire(key, 'ws://x/cam-a/sub.flv'); // …new tile mounts
    expect(timers.size).toBe(0); // …and taking the player back cancels it
    flush();
    expect(second).toBe(first);
    expect(created).toHaveLength(1);
    expect(first.destroyed).toBe(0);
  });

  it('starts a fresh grace period when a player taken back is released again', () => {
    const { pool, created, flush, timers } = setup();
    const player = pool.acquire('k', 'ws://x');
    pool.release('k', player);
    pool.acquire('k', 'ws://x');
    pool.release('k', player);
    expect(timers.size).toBe(1);
    flush();
    expect(created).toHaveLength(1);
    expect(player.destroyed).toBe(1);
    expect(pool.size).toBe(0);
  });

  it('destroys every player once no tile holds it', () => {
    const { pool, created, destroyedKeys, flush } = setup();
    const keys = ['a', 'b', 'c'].map((id) => playerKey(id, 'sub'));
    const players = keys.map((key) => pool.acquire(key, `ws://x/${key}`));
    keys.forEach((key, i) => pool.release(key, players[i] as FakePlayer));
    expect(pool.size).toBe(3);
    flush();
    expect(pool.size).toBe(0);
    expect(created.map((p) => p.destroyed)).toEqual([1, 1, 1]);
    expect(destroyedKeys).toEqual(keys);
  });

  it('replaces a player whose URL changed (a new gateway after restart)', () => {
    const { pool } = setup();
    const old = pool.acquire('k', 'ws://old');
    const fresh = pool.acquire('k', 'ws://new');
    expect(old.destroyed).toBe(1);
    expect(fresh).not.toBe(old);
    pool.release('k', old); // the stale release is ignored
    expect(pool.size).toBe(1);
  });

  it('destroyAll leaves nothing behind', () => {
    const { pool, created } = setup();
    pool.acquire('a', 'u1');
    pool.acquire('b', 'u2');
    pool.destroyAll();
    expect(pool.size).toBe(0);
    expect(created.every((p) => p.destroyed === 1)).toBe(true);
  });

  it('names keys by camera and quality, with a copy number for a repeated camera', () => {
    expect(playerKey('cam-a', 'main')).toBe('cam-a|main');
    expect(playerKey('cam-a', 'sub', 1)).toBe('cam-a|sub|1');
  });
});
