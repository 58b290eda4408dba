// The damaged picture on a tile: from the player's own verdict or from main's reason, a red
// state the banner counts, with the same words in both languages.
import { describe, expect, it } from 'vitest';
import type { CameraView, StreamStatus } from '../../../renderer/src/contract';
import {
  deriveTileView,
  isDownState,
  sitesDown,
  type TileInputs,
} from '../../../renderer/src/status/display-state';
import { tileWords } from '../../../renderer/src/status/status-words';

const camera: CameraView = {
  id: 'cam-vu',
  siteId: 'cam-vu',
  name: 'Quầy 2',
  availability: 'installed',
  kind: 'demo',
  hasCredentials: false,
  hasMainStream: false,
};

const status = (over: Partial<StreamStatus>): StreamStatus => ({
  cameraId: 'cam-vu',
  quality: 'sub',
  state: 'live',
  since: 0,
  lastFrameAt: null,
  retryAt: null,
  ...over,
});

const inputs = (over: Partial<TileInputs>): TileInputs => ({
  cameraId: 'cam-vu',
  camera,
  status: undefined,
  freshness: undefined,
  canDecodeH265: () => false,
  ...over,
});

const midnight = new Date(2026, 10, 30).getTime();
const mainSaysDamaged = status({
  state: 'error',
  reason: 'damaged-video',
  retryAt: 31_000,
  since: midnight,
});

describe('the damaged state', () => {
  it("comes from the player's verdict, whatever main says", () => {
    const freshness = { health: 'damaged' as const, lastFrameAt: null };
    expect(deriveTileView(inputs({ freshness })).state).toBe('damaged');
    const view = deriveTileView(inputs({ freshness, status: status({ state: 'live' }) }));
    expect(view).toMatchObject({ state: 'damaged', reason: null });
  });

  it("comes from main's reason, with that reason as the cause", () => {
    const view = deriveTileView(inputs({ status: mainSaysDamaged }));
    expect(view).toMatchObject({ state: 'damaged', reason: 'damaged-video', retryAt: 31_000 });
    const words = tileWords(view, 'en', new Date(2026, 10, 30, 0, 0, 1).getTime());
    expect(words).toMatchObject({
      tone: 'alarm',
      headline: 'The picture is damaged',
      since: 'since 00:00 (just now)',
      detail: 'Reconnecting',
      visible: true,
    });
    expect(words.cause).toMatch(/^The camera sends damaged video/);
    expect(tileWords(view, 'vi', 1_000).headline).toBe('Hình bị lỗi');
  });

  it('gives way to frames on screen and to a codec this display cannot decode', () => {
    const live = { health: 'live' as const, lastFrameAt: 1 };
    expect(deriveTileView(inputs({ status: mainSaysDamaged, freshness: live })).state).toBe('live');
    const h265 = { health: 'codec-unsupported' as const, lastFrameAt: null };
    expect(deriveTileView(inputs({ freshness: h265 })).state).toBe('unsupported-codec');
  });

  it('is not claimed by other errors', () => {
    const other = status({ state: 'error', reason: 'malformed-stream' });
    expect(deriveTileView(inputs({ status: other }))).toMatchObject({
      state: 'error',
      reason: 'malformed-stream',
    });
    expect(deriveTileView(inputs({ status: status({ state: 'error' }) })).state).toBe('error');
  });

  it('counts as down in the banner', () => {
    expect(isDownState('damaged')).toBe(true);
    expect(sitesDown([{ siteId: 'cam-vu', state: 'damaged' }])).toEqual(['cam-vu']);
  });
});
