// The status line's words for each poll outcome, and the log's view of an https source.
import { describe, expect, it } from 'vitest';
import { provisioningNotice } from '../../../electron/services/provisioning-notice';
import { hideUrlPath } from '../../../electron/services/provisioning-wall';
import type { PrepareRefusal } from '../../../electron/provisioning/prepare-bundle';

const at = '2026-03-02T01:00:00.000Z';

describe('provisioning notices', () => {
  it('leaves the status line as it is when nothing new happened', () => {
    expect(provisioningNotice({ outcome: 'up-to-date', at, message: 'x' })).toBeUndefined();
    expect(provisioningNotice({ outcome: 'no-bundle', at, message: 'x' })).toBeUndefined();
  });

  it('says every refusal in one line per language, without library text', () => {
    const kinds: PrepareRefusal[] = [
      'malformed',
      'not-a-bundle',
      'unknown-key',
      'bad-signature',
      'expired',
      'not-yet-valid',
      'replayed',
      'wrong-fleet',
      'manages-nothing',
      'unknown-part',
      'wrong-fleet-key',
      'invalid-config',
    ];
    const texts = kinds.map((refusal) =>
      provisioningNotice({
        outcome: 'refused',
        at,
        refusal,
        sequence: 9,
        message: 'bundle refused: Error: something from a library',
      }),
    );
    for (const notice of texts) {
      expect(notice).toMatchObject({ id: 'provisioning', severity: 'warning' });
      expect(notice!.message.vi).toMatch(
        /^Từ chối gói cấu hình số 9: .+\. Máy giữ cấu hình cũ, báo CNTT\.$/,
      );
      expect(notice!.message.en).toMatch(/^Configuration bundle 9 refused: .+\. The wall keeps/);
      expect(JSON.stringify(notice)).not.toContain('library');
      // One line on the status line (at most 45% of a 1920 px screen).
      expect(notice!.message.vi.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(texts.map((t) => t!.message.vi)).size).toBe(kinds.length);
    expect(new Set(texts.map((t) => t!.message.en)).size).toBe(kinds.length);
    // Before the signature holds, the sequence is anyone's claim: not shown.
    const unsigned = provisioningNotice({
      outcome: 'refused',
      at,
      refusal: 'bad-signature',
      message: 'm',
    });
    expect(unsigned!.message.vi).toBe(
      'Từ chối gói cấu hình: sai chữ ký (tệp bị sửa hoặc hỏng). Máy giữ cấu hình cũ, báo CNTT.',
    );
  });

  it('asks for a restart only when the rollback failed too', () => {
    const failed = provisioningNotice({
      outcome: 'rollback-failed',
      at,
      sequence: 3,
      message:
        'bundle 3 could not start (x), and restarting the previous configuration failed too (y). Restart the wall.',
    });
    expect(failed).toMatchObject({ severity: 'error' });
    expect(failed!.message.vi).toContain('Hãy khởi động lại phần mềm');
    const back = provisioningNotice({ outcome: 'rolled-back', at, sequence: 3, message: 'm' });
    expect(back!.message.vi).not.toContain('khởi động lại');
  });

  it('hides an https source path and query wherever a message repeats them', () => {
    const url = new URL('https://it.example.vn/wall/t0ken/fleet.owb?k=s3cret');
    expect(
      hideUrlPath(
        `the server answered HTTP 404 for it.example.vn/wall/t0ken/fleet.owb; ${url.href}`,
        url,
      ),
    ).toBe('the server answered HTTP 404 for it.example.vn/…; https://it.example.vn/…');
  });
});
