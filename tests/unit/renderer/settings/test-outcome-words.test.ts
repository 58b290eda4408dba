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
});
