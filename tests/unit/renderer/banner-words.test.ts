// The banner: every configured centre without picture, on this page or not, named when few.
import { describe, expect, it } from 'vitest';
import type { CameraView, StreamStatus, WallSnapshot } from '../../../renderer/src/contract';
import { playerKey } from '../../../renderer/src/player/player-pool';
import {
  BANNER_NAMES,
  COMPACT_BANNER_NAMES,
  bannerWords,
} from '../../../renderer/src/status/banner-words';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { selectSitesWithoutPicture } from '../../../renderer/src/store/selectors';

describe('bannerWords', () => {
  it('counts and names the centres, in the order given', () => {
    expect(bannerWords(['Cẩm Vũ', 'Tân Trường'], 'vi')).toBe(
      'Không có hình (2): Cẩm Vũ, Tân Trường',
    );
    expect(bannerWords(['Cao An', 'Ngọc Liên', 'Tân Trường'], 'en')).toBe(
      'No picture (3): Cao An, Ngọc Liên, Tân Trường',
    );
    expect(bannerWords(['TT Cẩm Giang'], 'vi')).toBe('Không có hình (1): TT Cẩm Giang');
  });

  it('says nothing when every centre has picture', () => {
    expect(bannerWords([], 'vi')).toBeNull();
  });

  it('names a handful and counts the rest, fewer on the small banner', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    expect(BANNER_NAMES).toBe(5);
    expect(bannerWords(names, 'vi')).toBe('Không có hình (8): A, B, C, D, E +3');
    expect(bannerWords(names.slice(0, 5), 'vi')).toBe('Không có hình (5): A, B, C, D, E');
    // Never "+1": the hidden name takes no more room than the count.
    expect(bannerWords(names.slice(0, 6), 'vi')).toBe('Không có hình (6): A, B, C, D, E, F');
    expect(bannerWords(names.slice(0, 7), 'vi')).toBe('Không có hình (7): A, B, C, D, E +2');
    expect(bannerWords(names, 'en', COMPACT_BANNER_NAMES)).toBe('No picture (8): A, B, C +5');
  });
});

const camera = (id: string, over: Partial<CameraView> = {}): CameraView => ({
  id,
  siteId: id,
  name: 'Quầy',
  availability: 'installed',
  kind: 'demo',
  hasCredentials: false,
  hasMainStream: false,
  ...over,
});

const status = (cameraId: string, state: StreamStatus['state']): StreamStatus => ({
  cameraId,
  quality: 'sub',
  state,
  since: 0,
  lastFrameAt: null,
  retryAt: null,
});

function storeWith(cameras: CameraView[], statuses: StreamStatus[]) {
  const store = createAppStore();
  const snapshot: WallSnapshot = {
    productName: 'One-Stop Wall',
    sites: cameras.map((c) => ({ id: c.siteId, name: `Xã ${c.siteId}`, shortName: c.siteId })),
    cameras,
    layouts: [],
    displays: {},
    locale: 'vi',
    gatewayBase: 'ws://127.0.0.1:1/k/live',
    configSource: 'demo',
  };
  store.getState().setSnapshot(snapshot);
  store.getState().setStatuses(statuses);
  return store;
}

describe('selectSitesWithoutPicture', () => {
  it('names every configured centre whose camera is down, in configuration order', () => {
    const store = storeWith(
      [
        camera('Cao An'),
        camera('Cẩm Vũ', { availability: 'not-installed' }),
        camera('Cẩm Phúc', { availability: 'disabled' }),
        camera('Ngọc Liên'),
        camera('Tân Trường'),
        camera('Thạch Lỗi'),
      ],
      [
        // Reported by main for cameras no tile shows (the background watch keeps them open).
        status('Tân Trường', 'unreachable'),
        status('Cao An', 'stalled'),
        status('Ngọc Liên', 'live'),
        status('Thạch Lỗi', 'connecting'),
        status('Cẩm Phúc', 'unreachable'),
      ],
    );
    // Not installed and disabled are never "without picture"; connecting is not yet down.
    expect(selectSitesWithoutPicture(store.getState())).toEqual(['Cao An', 'Tân Trường']);
  });

  it("lets a tile's own player speak first for a camera on screen", () => {
    const store = storeWith(
      [camera('Cao An'), camera('Ngọc Liên')],
      [status('Cao An', 'unreachable'), status('Ngọc Liên', 'live')],
    );
    store.getState().setFreshness(playerKey('Cao An', 'sub'), { health: 'live', lastFrameAt: 1 });
    store
      .getState()
      .setFreshness(playerKey('Ngọc Liên', 'sub'), { health: 'damaged', lastFrameAt: null });
    expect(selectSitesWithoutPicture(store.getState())).toEqual(['Ngọc Liên']);
  });

  it('counts a centre once however many of its cameras are down', () => {
    const store = storeWith(
      [camera('q1', { siteId: 'Cẩm Đoài' }), camera('q2', { siteId: 'Cẩm Đoài' })],
      [status('q1', 'no-media'), status('q2', 'auth-failed')],
    );
    const state = store.getState();
    const sites = [{ id: 'Cẩm Đoài', name: 'Xã Cẩm Đoài', shortName: 'Cẩm Đoài' }];
    store.setState({ snapshot: { ...state.snapshot!, sites } });
    expect(selectSitesWithoutPicture(store.getState())).toEqual(['Cẩm Đoài']);
  });
});
