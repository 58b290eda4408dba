// The power-save blocker runs only while the wall shows cameras.
import { describe, expect, it } from 'vitest';
import { DisplayAwake } from '../../../electron/kiosk/display-awake';

describe('DisplayAwake', () => {
  it('starts one blocker while showing and stops it outside hours, once per change', () => {
    const calls: string[] = [];
    let next = 7;
    const awake = new DisplayAwake(
      {
        start: () => (calls.push(`start ${next}`), next++),
        stop: (id) => void calls.push(`stop ${id}`),
      },
      () => {},
    );
    awake.follow(true);
    awake.follow(true);
    expect(awake.keptAwake).toBe(true);
    awake.follow(false);
    awake.follow(false);
    expect(awake.keptAwake).toBe(false);
    awake.follow(true);
    expect(calls).toEqual(['start 7', 'stop 7', 'start 8']);
  });

  it('starts nothing when the wall starts outside hours', () => {
    const calls: string[] = [];
    const awake = new DisplayAwake(
      { start: () => (calls.push('start'), 1), stop: () => void calls.push('stop') },
      () => {},
    );
    awake.follow(false);
    expect(calls).toEqual([]);
  });
});
