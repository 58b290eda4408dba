import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../../renderer/src/api/preview-messages';

describe('preview client helpers', () => {
  it('backs off reconnects from 0.5 s to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reconnectDelayMs)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});
