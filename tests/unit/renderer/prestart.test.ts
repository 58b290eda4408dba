// Starting a page's players before the switch (a tour's next step, a recalled layout): the
// players are taken under the keys the new tiles use, a camera already on screen is the same
// player, the wait ends at the first pictures or a deadline, and the hold is given back.
import { describe, expect, it } from 'vitest';
import { streamUrl } from '../../../electron/contract/stream-path';
import { PlayerPool, playerKey } from '../../../renderer/src/player/player-pool';
import {
  Prestart,
  prestartTargets,
  type PrestartTiming,
} from '../../../renderer/src/player/prestart';

class FakePlayer {
  destroyed = false;
  picture = false;
  constructor(readonly url: string) {}
  hasPicture(): boolean {
    return this.picture;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const BASE = 'ws://127.0.0.1:9/s3cret';
const url = (id: string) => streamUrl(BASE, id, 'sub');
const cameras = [
  { id: 'a', availability: 'installed' as const },
  { id: 'b', availability: 'installed' as const },
  { id: 'c', availability: 'not-installed' as const },
];

function setup() {
  const graceTimers: (() => void)[] = [];
  const pool = new PlayerPool<FakePlayer>({
    graceMs: 5_000,
    create: (_key, url) => new FakePlayer(url),
    setTimer: (callback) => graceTimers.push(callback),
    clearTimer: () => {},
  });
  // A clock that moves only when the prestart waits, with a hook to act during a wait.
  let now = 0;
  const waits: number[] = [];
  let duringWait: (() => void) | null = null;
  const timing: PrestartTiming = {
    now: () => now,
    wait: async (ms) => {
      waits.push(ms);
      now += ms;
      duringWait?.();
    },
  };
  return { pool, timing, waits, graceTimers, onWait: (f: () => void) => (duringWait = f) };
}

describe('prestartTargets', () => {
  it('names the grid tiles’ players: sub stream, a copy per repeat, none for blanks or no camera', () => {
    const targets = prestartTargets(['a', null, 'b', 'a', 'c', 'gone'], cameras, BASE);
    expect(targets.map((t) => t.key)).toEqual([
      playerKey('a', 'sub'),
      playerKey('b', 'sub'),
      playerKey('a', 'sub', 1),
    ]);
    expect(targets[0]!.url).toBe(url('a'));
    expect(prestartTargets(['a'], cameras, null)).toEqual([]);
  });
});

describe('Prestart', () => {
  it('keeps the player of a camera already on screen and starts only the new ones', () => {
    const { pool, timing } = setup();
    const onScreen = pool.acquire(playerKey('a', 'sub'), url('a'));
    const prestart = new Prestart(pool, prestartTargets(['a', 'b'], cameras, BASE), timing);
    expect(pool.size).toBe(2);
    // The tile that takes 'a' after the switch gets the very player it had before.
    expect(pool.acquire(playerKey('a', 'sub'), url('a'))).toBe(onScreen);
    expect(prestart.size).toBe(2);
  });

  it('waits until every new player has a picture', async () => {
    const { pool, timing, waits, onWait } = setup();
    const prestart = new Prestart(pool, prestartTargets(['a', 'b'], cameras, BASE), timing);
    expect(prestart.ready()).toBe(false);
    const players = ['a', 'b'].map((id) => pool.acquire(playerKey(id, 'sub'), url(id)));
    onWait(() => {
      if (waits.length === 2) players[0]!.picture = true;
      if (waits.length === 4) players[1]!.picture = true;
    });
    await expect(prestart.whenReady(3_000)).resolves.toBe(true);
    expect(waits).toEqual([100, 100, 100, 100]);
  });

  it('switches anyway at the deadline (a camera that is down never has a picture)', async () => {
    const { pool, timing, waits } = setup();
    const prestart = new Prestart(pool, prestartTargets(['a'], cameras, BASE), timing);
    await expect(prestart.whenReady(250)).resolves.toBe(false);
    expect(waits).toEqual([100, 100, 50]);
  });

  it('is ready at once for a page with nothing to play', async () => {
    const { pool, timing, waits } = setup();
    const prestart = new Prestart(pool, prestartTargets([null, 'c'], cameras, BASE), timing);
    await expect(prestart.whenReady()).resolves.toBe(true);
    expect(waits).toEqual([]);
  });

  it('gives its hold back once: a player a tile took lives on, one no tile took lingers then goes', () => {
    const { pool, timing, graceTimers } = setup();
    const prestart = new Prestart(pool, prestartTargets(['a', 'b'], cameras, BASE), timing);
    const taken = pool.acquire(playerKey('a', 'sub'), url('a'));
    prestart.release();
    prestart.release();
    expect(graceTimers).toHaveLength(1);
    graceTimers.forEach((run) => run());
    expect(taken.destroyed).toBe(false);
    expect(pool.size).toBe(1);
  });
});
