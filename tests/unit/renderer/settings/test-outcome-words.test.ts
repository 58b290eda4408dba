import { describe, expect, it } from 'vitest';
import { testOutcomeWords } from '../../../../renderer/src/components/settings/test-outcome-words';
import { translate } from '../../../../renderer/src/i18n/translate';

describe("a camera test's result in the tile's words", () => {
  it('says what plays: codec, size and frame rate', () => {
    const words = testOutcomeWords(
      { ok: true, codec: 'h264', width: 1280, height: 720, fps: 25 },
      'vi',
    );
    expect(words).toEqual({
      ok: true,
      headline: 'Camera có hình',
      lines: ['H.264 · 1280×720 · 25 hình/giây'],
    });
    const unknownRate = testOutcomeWords(
      { ok: true, codec: 'h265', width: 704, height: 576, fps: null },
      'en',
    );
    expect(unknownRate.lines).toEqual(['H.265 · 704×576']);
  });

  it('a wrong password: the tile headline, then what to check', () => {
    const words = testOutcomeWords({ ok: false, state: 'auth-failed', protocolStatus: 401 }, 'vi');
    expect(words.ok).toBe(false);
    expect(words.headline).toBe(translate('vi', 'state.authFailed'));
    expect(words.lines).toContain(
      'Kiểm tra tên đăng nhập và mật khẩu (nên dùng tài khoản chỉ xem).',
    );
  });

  it("a refused password: the form's own advice, then only the camera's answer as the detail", () => {
    const outcome = {
      ok: false as const,
      state: 'auth-failed' as const,
      protocolStatus: 401,
      detail: 'RTSP 401 Unauthorized',
    };
    const vi = testOutcomeWords(outcome, 'vi');
    expect(vi.lines.slice(-2)).toEqual([
      'Kiểm tra tên đăng nhập và mật khẩu (nên dùng tài khoản chỉ xem).',
      'chi tiết: RTSP 401 Unauthorized',
    ]);
    const en = testOutcomeWords(outcome, 'en');
    expect(en.lines.slice(-2)).toEqual([
      'Check the user name and password (a view-only account is best).',
      'details: RTSP 401 Unauthorized',
    ]);
  });

  it('no detail from the camera: no details line at all', () => {
    const words = testOutcomeWords({ ok: false, state: 'no-media' }, 'en');
    expect(words.lines.some((line) => line.startsWith('details:'))).toBe(false);
  });

  it("a refused port: the tile's cause line, the check, and main's detail set apart", () => {
    const words = testOutcomeWords(
      {
        ok: false,
        state: 'unreachable',
        reason: 'connection-refused',
        detail: 'ECONNREFUSED 127.0.0.1:1',
      },
      'en',
    );
    expect(words.headline).toBe(translate('en', 'state.unreachable'));
    expect(words.lines).toEqual([
      translate('en', 'reason.connection-refused'),
      'Check the IP address and port, and that the camera is on and connected.',
      'details: ECONNREFUSED 127.0.0.1:1',
    ]);
  });

  it('no picture, damaged video and an odd end each read as the tile would', () => {
    expect(testOutcomeWords({ ok: false, state: 'no-media' }, 'vi').headline).toBe(
      translate('vi', 'state.noMedia'),
    );
    expect(
      testOutcomeWords({ ok: false, state: 'error', reason: 'damaged-video' }, 'vi').headline,
    ).toBe(translate('vi', 'state.damaged'));
    expect(testOutcomeWords({ ok: false, state: 'idle' }, 'vi').headline).toBe(
      translate('vi', 'state.error'),
    );
  });

  it('invalid fields: asks to fix them (the messages sit by the fields)', () => {
    const words = testOutcomeWords({ ok: false, state: 'invalid', errors: [] }, 'vi');
    expect(words).toEqual({
      ok: false,
      headline: 'Sửa các ô có thông báo bên dưới rồi kiểm tra lại.',
      lines: [],
    });
  });

  describe("the camera's login back-off (shared with the tiles)", () => {
    const now = new Date(2026, 10, 30, 14, 30, 0).getTime();
    const at = (minutes: number) => now + minutes * 60_000;

    it('held back: not tried, why, until when, and what to do now (vi, en)', () => {
      const outcome = {
        ok: false as const,
        state: 'auth-failed' as const,
        login: { heldBack: true, retryAt: at(4.5) },
      };
      expect(testOutcomeWords(outcome, 'vi', now)).toEqual({
        ok: false,
        headline: 'Chưa thử: camera vừa từ chối tên đăng nhập và mật khẩu này',
        lines: [
          'Để máy này không bị camera khoá (camera khoá địa chỉ khoảng 30 phút sau nhiều lần đăng nhập sai), hãy đợi đến 14:34 (còn 5 phút) rồi kiểm tra lại, hoặc sửa tên đăng nhập, mật khẩu rồi kiểm tra ngay.',
        ],
      });
      expect(testOutcomeWords(outcome, 'en', now).lines[0]).toBe(
        'So that the camera does not lock this PC out (cameras lock an address for about 30 minutes after repeated failed logins), wait until 14:34 (5 min from now) and test again, or correct the user name or password and test at once.',
      );
    });

    it('held back while another stream logs in: wait a few seconds', () => {
      const words = testOutcomeWords(
        { ok: false, state: 'connecting', login: { heldBack: true, retryAt: null } },
        'vi',
        now,
      );
      expect(words.headline).toBe(
        'Chưa thử: một luồng khác của camera này đang đăng nhập bằng tài khoản này',
      );
      expect(words.lines).toEqual(['Đợi vài giây rồi kiểm tra lại.']);
    });

    it('a test the camera refused says the back-off it started, for Test and tiles alike', () => {
      const words = testOutcomeWords(
        {
          ok: false,
          state: 'auth-failed',
          protocolStatus: 401,
          login: { heldBack: false, retryAt: at(5) },
        },
        'en',
        now,
      );
      expect(words.headline).toBe(translate('en', 'state.authFailed'));
      expect(words.lines).toContain(
        'So that the camera does not lock this PC out, the next login as this user (by Test and by the camera tiles) waits until 14:35 (5 min from now), unless the password is corrected.',
      );
    });
  });
});
