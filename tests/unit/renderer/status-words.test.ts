import { describe, expect, it } from 'vitest';
import type { CameraView, StreamStatus } from '../../../renderer/src/contract';
import type { TileInputs, TileView } from '../../../renderer/src/status/display-state';
import { deriveTileView, sitesDown } from '../../../renderer/src/status/display-state';
import { needsClock, tileWords, toneOf } from '../../../renderer/src/status/status-words';

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
  canDecodeH265: () => false,
  ...over,
});

const view = (over: Partial<TileView>): TileView => ({
  state: 'live',
  reason: null,
  protocolStatus: null,
  lastFrameAt: null,
  since: null,
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
    expect(deriveTileView(inputs({ status: h265, canDecodeH265: () => true })).state).toBe(
      'connecting',
    );
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
      since: null,
      cause: null,
      detail: null,
      visible: false,
    });
  });

  it('says lost signal, since when and how long', () => {
    const lost = view({ state: 'stalled', lastFrameAt: at(14, 2, 11), since: at(14, 2, 11) });
    expect(tileWords(lost, 'vi', now)).toMatchObject({
      tone: 'alarm',
      headline: 'Mất tín hiệu',
      since: 'từ 14:02 (3 phút)',
      detail: 'Đang tự kết nối lại',
    });
    expect(tileWords(lost, 'en', now)).toMatchObject({
      headline: 'Signal lost',
      since: 'since 14:02 (3 min)',
      detail: 'Reconnecting',
    });
  });

  it('uses the one wording per state, in both languages', () => {
    const words = (state: TileView['state'], locale: 'vi' | 'en' = 'vi') =>
      tileWords(view({ state }), locale, now).headline;
    expect(words('connecting')).toBe('Đang kết nối…');
    expect(words('no-media')).toBe('Không nhận được hình');
    expect(words('auth-failed')).toBe('Không đăng nhập được camera');
    expect(words('unreachable')).toBe('Không kết nối được tới camera');
    expect(words('unstable')).toBe('Tín hiệu chập chờn');
    expect(words('damaged')).toBe('Hình bị lỗi');
    expect(words('not-installed')).toBe('Chưa lắp camera');
    expect(words('disabled')).toBe('Tạm ngừng theo dõi');
    expect(words('unsupported-codec')).toBe('Không phát được hình H.265');
    expect(words('no-media', 'en')).toBe('No picture');
    expect(words('auth-failed', 'en')).toBe('Cannot log in to the camera');
    expect(words('unreachable', 'en')).toBe('Cannot reach the camera');
    expect(words('unstable', 'en')).toBe('Unstable signal');
    expect(words('damaged', 'en')).toBe('The picture is damaged');
    expect(words('not-installed', 'en')).toBe('No camera yet');
    expect(words('disabled', 'en')).toBe('Paused by IT');
    expect(words('unsupported-codec', 'en')).toBe('Cannot play H.265');
    expect(tileWords(view({ state: 'error', unknownCamera: true }), 'vi', now).headline).toBe(
      'Không còn camera này',
    );
  });

  it('keeps every headline short, plain and no order to the viewer', () => {
    const states: TileView['state'][] = [
      'connecting',
      'live',
      'unstable',
      'stalled',
      'no-media',
      'auth-failed',
      'unreachable',
      'not-found',
      'unsupported-codec',
      'not-installed',
      'disabled',
      'empty',
      'error',
      'damaged',
    ];
    const jargon = /máy chủ|luồng|khung hình|giải mã|server|stream|frame|decode/i;
    const orders = /hãy|kiểm tra|chọn|check|choose|please/i;
    for (const locale of ['vi', 'en'] as const) {
      for (const state of states) {
        for (const unknownCamera of [false, true]) {
          const { headline } = tileWords(view({ state, unknownCamera }), locale, now);
          // About 25 characters; the longest agreed wording is 29 ("Không kết nối được tới camera").
          expect(headline.length, headline).toBeLessThanOrEqual(29);
          expect(headline, headline).not.toMatch(jargon);
          expect(headline, headline).not.toMatch(orders);
        }
      }
    }
  });

  it('gives staff the cause below the headline', () => {
    expect(tileWords(view({ state: 'auth-failed' }), 'vi', now).cause).toBe(
      'Sai tên đăng nhập hoặc mật khẩu',
    );
    expect(tileWords(view({ state: 'unsupported-codec' }), 'vi', now).cause).toBe(
      'Báo CNTT: đặt luồng phụ là H.264',
    );
    expect(tileWords(view({ state: 'unsupported-codec' }), 'en', now).cause).toBe(
      'IT: set the sub-stream to H.264',
    );
    // A finer reason from main outranks what the state means in general.
    expect(tileWords(view({ state: 'no-media', reason: 'tls' }), 'vi', now).cause).toContain('TLS');
  });

  it('leaves a spare cell blank', () => {
    expect(tileWords(view({ state: 'empty' }), 'vi', now)).toMatchObject({
      visible: false,
      since: null,
      cause: null,
      detail: null,
    });
  });

  it('says a long wait in minutes on failures, and nothing on calm tiles', () => {
    const failing = tileWords(view({ state: 'auth-failed', retryAt: now + 5 * 60_000 }), 'vi', now);
    expect(failing.detail).toBe('Tự kết nối lại sau 5 phút');
    const short = tileWords(view({ state: 'unreachable', retryAt: now + 30_000 }), 'vi', now);
    expect(short.detail).toBe('Đang tự kết nối lại');
    const calm = tileWords(view({ state: 'disabled', retryAt: now + 30_000 }), 'vi', now);
    expect(calm.detail).toBeNull();
  });
});

describe('since when a tile has had no picture', () => {
  const now = at(9, 37, 0);

  it('is said on every red tile: the last frame when there was one, else when the failure began', () => {
    const played = status({ state: 'unreachable', lastFrameAt: at(9, 14, 5), since: at(9, 14, 9) });
    expect(deriveTileView(inputs({ status: played })).since).toBe(at(9, 14, 5));
    const never = status({ state: 'no-media', since: at(7, 30, 0) });
    expect(tileWords(deriveTileView(inputs({ status: never })), 'vi', now).since).toBe(
      'từ 07:30 (2 giờ 7 phút)',
    );
    for (const state of ['auth-failed', 'not-found', 'error', 'stalled'] as const) {
      const words = tileWords(
        deriveTileView(inputs({ status: status({ state, since: at(9, 14, 0) }) })),
        'en',
        now,
      );
      expect(words.since, state).toBe('since 09:14 (23 min)');
    }
  });

  it("takes the tile's own last frame when only the player stalled, not main's ticking clock", () => {
    const mainLive = status({ state: 'live', lastFrameAt: at(9, 36, 59), since: at(8, 0, 0) });
    const stalled = { health: 'stalled' as const, lastFrameAt: at(9, 30, 0) };
    expect(deriveTileView(inputs({ status: mainLive, freshness: stalled })).since).toBe(
      at(9, 30, 0),
    );
    // H.265 this display cannot play: since main started sending it.
    const h265 = status({
      state: 'live',
      codec: 'h265',
      lastFrameAt: at(9, 36, 59),
      since: at(8, 0, 0),
    });
    expect(deriveTileView(inputs({ status: h265 })).since).toBe(at(8, 0, 0));
  });

  it('is absent on live, amber and calm tiles', () => {
    for (const state of ['live', 'connecting', 'idle'] as const) {
      expect(deriveTileView(inputs({ status: status({ state, since: 1 }) })).since).toBeNull();
    }
    const off = { ...camera, availability: 'disabled' as const };
    const failing = status({ state: 'unreachable', since: 1 });
    expect(deriveTileView(inputs({ camera: off, status: failing })).since).toBeNull();
  });

  it('ticks only tiles whose words change with time', () => {
    expect(needsClock(view({ state: 'live' }))).toBe(false);
    expect(needsClock(view({ state: 'disabled', retryAt: 5 }))).toBe(false);
    expect(needsClock(view({ state: 'stalled', since: 5 }))).toBe(true);
    expect(needsClock(view({ state: 'unreachable', since: 5 }))).toBe(true);
  });
});

describe('sitesDown', () => {
  it('lists distinct centres with a camera down, in order, not calm or empty cells', () => {
    expect(
      sitesDown([
        { siteId: 'a', state: 'stalled' },
        { siteId: 'a', state: 'unreachable' },
        { siteId: 'b', state: 'auth-failed' },
        { siteId: 'c', state: 'not-installed' },
        { siteId: 'd', state: 'connecting' },
        { siteId: null, state: 'error' },
      ]),
    ).toEqual(['a', 'b']);
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
    expect(words.detail).toBe('Đang tự kết nối lại');
    expect(
      tileWords(view({ state: 'unsupported-codec', retryAt: null }), 'vi', 0).detail,
    ).toBeNull();
  });
});
