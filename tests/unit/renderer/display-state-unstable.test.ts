// The 'unstable' state from main to the tile: it is not live even while frames advance, and
// both dictionaries name it. (Its tile words beyond the headline belong to the renderer.)
import { describe, expect, it } from 'vitest';
import type { CameraView, StreamStatus } from '../../../renderer/src/contract';
import { deriveTileView, isDownState } from '../../../renderer/src/status/display-state';
import { tileWords, toneOf } from '../../../renderer/src/status/status-words';

const camera: CameraView = {
  id: 'gate',
  siteId: 'site',
  name: 'Cổng',
  availability: 'installed',
  kind: 'rtsp',
  hasCredentials: true,
  hasMainStream: false,
};

const unstable: StreamStatus = {
  cameraId: 'gate',
  quality: 'sub',
  state: 'unstable',
  since: 0,
  lastFrameAt: 1_000,
  retryAt: null,
};

describe("the 'unstable' display state", () => {
  it('wins over frames advancing on the tile', () => {
    const view = deriveTileView({
      cameraId: 'gate',
      camera,
      status: unstable,
      freshness: { health: 'live', lastFrameAt: 2_000 },
      canDecodeH265: () => true,
    });
    expect(view.state).toBe('unstable');
  });

  it('is a warning, not a centre down, and has words in both languages', () => {
    expect(toneOf('unstable')).toBe('warn');
    expect(isDownState('unstable')).toBe(false);
    const view = deriveTileView({
      cameraId: 'gate',
      camera,
      status: unstable,
      freshness: undefined,
      canDecodeH265: () => true,
    });
    expect(tileWords(view, 'vi', 0).headline).toBe('Tín hiệu chập chờn');
    expect(tileWords(view, 'en', 0).headline).toBe('Unstable signal');
  });
});
