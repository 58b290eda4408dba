import { describe, expect, it } from 'vitest';
import type { CameraView, StreamStatus } from '../../../renderer/src/contract';
import type { TileInputs, TileView } from '../../../renderer/src/status/display-state';
import { countSitesDown, deriveTileView } from '../../../renderer/src/status/display-state';
import {
  formatAgo,
  formatClock,
  formatRetry,
  needsClock,
  secondsUntil,
  tileWords,
  toneOf,
} from '../../../renderer/src/status/status-words';

const camera: CameraView = {
  id: 'cam-doai',
  siteId: 'cam-doai',
  name: 'Quầy 1',
  availability: 'installed',
  kind: 'demo',
  hasCredentials: false,
  hasMainStream: true,
};

const status = (over: Partial<StreamStatus>): StreamStatus => ({
  cameraId: 'cam-doai',
  quality: 'sub',
  state: 'live',
  since: 0,
  lastFrameAt: null,
  retryAt: null,
  ...over,
});

const inputs = (over: Partial<TileInputs>): TileInputs => ({
  cameraId: 'cam-doai',
  camera,
  status: undefined,
  freshness: undefined,
  h265Supported: false,
  ...over,
});

const view = (over: Partial<TileView>): TileView => ({
  state: 'live',
  reason: null,
  protocolStatus: null,
  lastFrameAt: null,
  retryAt: null,
  unknownCamera: false,
  ...over,
});

const at = (h: number, m: number, s: number): number => new Date(2024, 5, 3, h, m, s).getTime();

describe('deriveTileView', () => {
  it('says what the configuration says before looking at streams', () => {
    expect(deriveTileView(inputs({ cameraId: null })).state).toBe('empty');
    expect(deriveTileView(inputs({ camera: undefined }))).toMatchObject({
      state: 'error',
      unknownCamera: true,
    });
    const off = { ...camera, availability: 'disabled' as const };
    expect(
      deriveTileView(inputs({ camera: off, status: status({ state: 'unreachable' }) })).state,
    ).toBe('disabled');
    const none = { ...camera, availability: 'not-installed' as const };
    expect(deriveTileView(inputs({ camera: none })).state).toBe('not-installed');
  });

  it('detects H.265 this display cannot decode instead of staying black', () => {
    const h265 = status({ state: 'live', codec: 'h265' });
    expect(deriveTileView(inputs({ status: h265 })).state).toBe('unsupported-codec');
    expect(deriveTileView(inputs({ status: h265, h265Supported: true })).state).toBe('connecting');
    const fresh = { health: 'codec-unsupported' as const, lastFrameAt: null };
    expect(deriveTileView(inputs({ freshness: fresh })).state).toBe('unsupported-codec');
  });

  it('trusts frames on screen, and the tile watchdog over an upstream that says live', () => {
    const live = { health: 'live' as const, lastFrameAt: 1 };
    expect(
      deriveTileView(inputs({ status: status({ state: 'connecting' }), freshness: live })).state,
    ).toBe('live');
    const stalled = { health: 'stalled' as const, lastFrameAt: 5 };
    const result = deriveTileView(
      inputs({ status: status({ state: 'live', lastFrameAt: 3 }), freshness: stalled }),
    );
    expect(result).toMatchObject({ state: 'stalled', lastFrameAt: 5 });
  });

  it('shows upstream failures with their retry time, and connecting while nothing is known', () => {
    for (const state of ['no-media', 'auth-failed', 'unreachable', 'not-found', 'error'] as const) {
      const result = deriveTileView(inputs({ status: status({ state, retryAt: 99 }) }));
      expect(result).toMatchObject({ state, retryAt: 99 });
    }
    expect(deriveTileView(inputs({})).state).toBe('connecting');
    expect(deriveTileView(inputs({ status: status({ state: 'idle' }) })).state).toBe('connecting');
    expect(deriveTileView(inputs({ status: status({ state: 'live' }) })).state).toBe('connecting');
    expect(deriveTileView(inputs({ status: status({ state: 'stalled' }) })).state).toBe('stalled');
  });
});

describe('tone', () => {
  it('is green for live, amber while connecting, red when down, grey when calm', () => {
    expect(toneOf('live')).toBe('ok');
    expect(toneOf('connecting')).toBe('warn');
    for (const s of [
      'stalled',
      'no-media',
      'auth-failed',
      'unreachable',
      'not-found',
      'error',
    ] as const)
      expect(toneOf(s)).toBe('alarm');
    expect(toneOf('unsupported-codec')).toBe('alarm');
    for (const s of ['not-installed', 'disabled', 'empty'] as const) expect(toneOf(s)).toBe('calm');
  });
});

describe('tileWords', () => {
  const now = at(14, 5, 11);

  it('keeps live to a label for the green mark', () => {
    expect(tileWords(view({ state: 'live' }), 'vi', now)).toEqual({
      tone: 'ok',
      headline: 'Trực tiếp',
      cause: null,
      detail: null,
      visible: false,
    });
  });

  it('says lost signal with the last frame time and how long ago', () => {
    const words = tileWords(view({ state: 'stalled', lastFrameAt: at(14, 2, 11) }), 'vi', now);
    expect(words).toMatchObject({
      tone: 'alarm',
      headline: 'Mất tín hiệu · khung hình cuối 14:02:11',
      detail: '3 phút trước',
    });
    const en = tileWords(view({ state: 'stalled', lastFrameAt: at(14, 2, 11) }), 'en', now);
    expect(en.headline).toBe('Signal lost · last frame 14:02:11');
    expect(en.detail).toBe('3 min ago');
    expect(tileWords(view({ state: 'stalled' }), 'vi', now).headline).toBe('Mất tín hiệu');
  });

  it('uses one wording per state', () => {
    const words = (state: TileView['state']) => tileWords(view({ state }), 'vi', now).headline;
    expect(words('connecting')).toBe('Đang kết nối…');
    expect(words('no-media')).toBe('Máy chủ không gửi hình');
    expect(words('auth-failed')).toBe('Sai tên đăng nhập hoặc mật khẩu');
    expect(words('unreachable')).toBe('Không kết nối được tới camera');
    expect(words('not-found')).toBe('Không tìm thấy luồng video trên máy chủ');
    expect(words('not-installed')).toBe('Chưa lắp camera');
    expect(words('disabled')).toBe('Đã tắt');
    expect(words('unsupported-codec')).toBe(
      'Màn hình này không giải mã được H.265 — hãy chọn luồng phụ H.264',
    );
    expect(tileWords(view({ state: 'error', unknownCamera: true }), 'vi', now).headline).toBe(
      'Camera không có trong cấu hình',
    );
  });

  it('counts down to the next retry on failures, not on calm tiles', () => {
    const failing = tileWords(view({ state: 'unreachable', retryAt: now + 30_000 }), 'vi', now);
    expect(failing.detail).toBe('Thử lại sau 30 giây');
    const calm = tileWords(view({ state: 'disabled', retryAt: now + 30_000 }), 'vi', now);
    expect(calm.detail).toBeNull();
  });
});

describe('time formatting', () => {
  it('formats the last frame as local HH:MM:SS', () => {
    expect(formatClock(at(14, 2, 11))).toBe('14:02:11');
    expect(formatClock(at(7, 5, 9))).toBe('07:05:09');
  });

  it('says how long ago in whole units, never negative', () => {
    expect(formatAgo(-5_000, 'vi')).toBe('0 giây trước');
    expect(formatAgo(59_999, 'vi')).toBe('59 giây trước');
    expect(formatAgo(60_000, 'vi')).toBe('1 phút trước');
    expect(formatAgo(2 * 3_600_000 + 1, 'vi')).toBe('2 giờ trước');
    expect(formatAgo(3 * 86_400_000, 'en')).toBe('3 days ago');
  });

  it('counts down in whole seconds, rounding up, and in minutes for a lock-out', () => {
    expect(secondsUntil(1_001, 0)).toBe(2);
    expect(secondsUntil(0, 5_000)).toBe(0);
    expect(formatRetry(29_500, 0, 'vi')).toBe('Thử lại sau 30 giây');
    expect(formatRetry(0, 10, 'vi')).toBe('Đang thử lại…');
    expect(formatRetry(30 * 60_000, 0, 'vi')).toBe('Thử lại sau 30 phút');
    expect(formatRetry(30 * 60_000, 0, 'en')).toBe('Retrying in 30 min');
  });

  it('ticks only tiles whose words change with time', () => {
    expect(needsClock(view({ state: 'live', retryAt: 5 }))).toBe(false);
    expect(needsClock(view({ state: 'disabled', retryAt: 5 }))).toBe(false);
    expect(needsClock(view({ state: 'stalled' }))).toBe(true);
    expect(needsClock(view({ state: 'unreachable', retryAt: 5 }))).toBe(true);
    expect(needsClock(view({ state: 'unreachable' }))).toBe(false);
  });
});

describe('countSitesDown', () => {
  it('counts distinct centres with a tile down, not calm or empty cells', () => {
    expect(
      countSitesDown([
        { siteId: 'a', state: 'stalled' },
        { siteId: 'a', state: 'unreachable' },
        { siteId: 'b', state: 'auth-failed' },
        { siteId: 'c', state: 'not-installed' },
        { siteId: 'd', state: 'connecting' },
        { siteId: null, state: 'error' },
      ]),
    ).toBe(2);
  });
});

describe('the cause line', () => {
  it('says why a connection failed, distinctly for refused, timeout and unknown host', () => {
    const words = (reason: TileView['reason']) =>
      tileWords(view({ state: 'unreachable', reason }), 'vi', 0).cause;
    const causes = new Set([
      words('connection-refused'),
      words('connect-timeout'),
      words('host-not-found'),
      words('host-unreachable'),
    ]);
    expect(causes.size).toBe(4);
    expect(words('connection-refused')).toContain('từ chối kết nối');
  });

  it('names the RTSP status for 454, 455 and other refusals', () => {
    const cause = (reason: TileView['reason'], protocolStatus: number, locale: 'vi' | 'en') =>
      tileWords(view({ state: 'error', reason, protocolStatus }), locale, 0).cause;
    expect(cause('session-not-found', 454, 'en')).toContain('454');
    expect(cause('method-not-allowed', 455, 'vi')).toContain('455');
    expect(cause('server-refused', 503, 'en')).toContain('503');
  });

  it('is absent when nothing is known, and never shown for a live tile', () => {
    expect(tileWords(view({ state: 'unreachable' }), 'vi', 0).cause).toBeNull();
    expect(tileWords(view({ state: 'live', reason: 'tls' }), 'vi', 0).cause).toBeNull();
  });
});

describe('deriveTileView and main’s reason', () => {
  it('carries the reason of the failure main reported, and drops it when the picture plays', () => {
    const status = {
      cameraId: 'cam-doai',
      quality: 'sub' as const,
      state: 'unreachable' as const,
      since: 0,
      lastFrameAt: null,
      retryAt: 5_000,
      reason: 'connect-timeout' as const,
    };
    expect(deriveTileView(inputs({ status })).reason).toBe('connect-timeout');
    const playing = deriveTileView(
      inputs({ status, freshness: { health: 'live', lastFrameAt: 1 } }),
    );
    expect(playing.state).toBe('live');
    expect(playing.reason).toBeNull();
  });
});

describe('a failure being retried right now', () => {
  it('keeps its words and says it is retrying, instead of going back to "connecting"', () => {
    const words = tileWords(view({ state: 'unreachable', retryAt: null }), 'vi', 0);
    expect(words.headline).toBe('Không kết nối được tới camera');
    expect(words.detail).toBe('Đang thử lại…');
    expect(
      tileWords(view({ state: 'unsupported-codec', retryAt: null }), 'vi', 0).detail,
    ).toBeNull();
  });
});
