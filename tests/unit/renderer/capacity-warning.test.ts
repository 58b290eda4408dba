import { describe, expect, it } from 'vitest';
import type { PcCheckReport } from '../../../electron/contract/pc-check';
import type { StreamStatus } from '../../../electron/contract/wall-contract';
import { capacityWarnings } from '../../../renderer/src/health/capacity-warning';

function report(tiles: number, wallPlayers: number, h265 = false): PcCheckReport {
  return {
    renderer: {
      measuredAt: 0,
      codecs: { h264: { mse: true, webCodecs: true }, h265: { mse: h265, webCodecs: null } },
      decode: {
        tiles,
        clip: { width: 640, height: 360, fps: 25 },
        wallPlayers,
        steps: [{ tiles, slowestFps: 25, dropped: 0, fullRate: true }],
        stoppedBy: null,
      },
      display: { id: 'display-0', width: 1920, height: 1080, scale: 1 },
    },
    persistent: true,
    disk: { freeBytes: 1, error: null },
    clock: { now: 0, lastLogEntry: null, problem: null },
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const h265 = (cameraId: string) =>
  ({ cameraId, quality: 'sub', state: 'live', codec: 'h265' }) as StreamStatus;

describe('capacityWarnings', () => {
  it('says nothing before a check, or when the layout fits what was measured', () => {
    expect(capacityWarnings(null, { tiles: 25, cameraIds: ids(25) }, [], 'vi')).toEqual([]);
    expect(capacityWarnings(report(9, 4), { tiles: 13, cameraIds: ids(13) }, [], 'vi')).toEqual([]);
  });

  it('says in words when the layout asks for more tiles than measured', () => {
    expect(capacityWarnings(report(9, 0), { tiles: 16, cameraIds: ids(16) }, [], 'vi')).toEqual([
      'Bố cục có 16 ô, máy này đo được 9 ô chạy đủ hình — hình có thể bị giật',
    ]);
  });

  it('names H.265 cameras on screen that this display cannot decode', () => {
    const statuses = [h265('c1'), h265('c2'), h265('elsewhere')];
    expect(
      capacityWarnings(report(25, 0), { tiles: 4, cameraIds: ids(4) }, statuses, 'en'),
    ).toEqual(['This display cannot decode H.265 (2 cameras) — IT: set the sub-stream to H.264']);
    expect(
      capacityWarnings(report(25, 0, true), { tiles: 4, cameraIds: ids(4) }, statuses, 'en'),
    ).toEqual([]);
  });
});
