import { describe, expect, it } from 'vitest';
import { bandHeight, clockTime, snapshotBand } from '../../../renderer/src/look/snapshot-band';

describe('the snapshot band', () => {
  it('says centre, camera, and the frame’s date and time to the second', () => {
    const at = new Date(2026, 10, 30, 14, 2, 10, 999);
    expect(snapshotBand('Thị trấn Lai Cách', 'Quầy 1', at)).toBe(
      'Thị trấn Lai Cách · Quầy 1 · 30/11/2026 14:02:10',
    );
    expect(clockTime(new Date(2026, 0, 1, 7, 5, 3))).toBe('07:05:03');
  });

  it('stays readable on a small picture and small beside a large one', () => {
    expect(bandHeight(240)).toBe(20);
    expect(bandHeight(1080)).toBe(65);
  });
});
