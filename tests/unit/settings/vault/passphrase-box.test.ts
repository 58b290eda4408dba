import { describe, expect, it } from 'vitest';
import { isSealedBox, open, seal } from '../../../../electron/settings/vault/passphrase-box';

describe('passphrase box (scrypt + AES-256-GCM)', () => {
  const plain = JSON.stringify({ 'cam-1/sub/password': 'Hik12345', 'cam-2/main/token': 'tòken' });

  it('opens with the right passphrase and never holds the plain text', () => {
    const box = seal(plain, 'mật khẩu chuyển máy');
    expect(isSealedBox(box)).toBe(true);
    expect(JSON.stringify(box)).not.toContain('Hik12345');
    expect(open(box, 'mật khẩu chuyển máy')).toBe(plain);
    // Two seals of the same text differ (fresh salt and IV).
    expect(seal(plain, 'x'.repeat(8)).data).not.toBe(seal(plain, 'x'.repeat(8)).data);
  });

  it('refuses a wrong passphrase and an altered box', () => {
    const box = seal(plain, 'right passphrase');
    expect(open(box, 'wrong passphrase')).toBeNull();
    const data = Buffer.from(box.data, 'base64');
    data[0] = data[0]! ^ 1;
    expect(open({ ...box, data: data.toString('base64') }, 'right passphrase')).toBeNull();
  });

  it('refuses cost parameters that would make this PC spend unbounded memory', () => {
    const box = seal(plain, 'right passphrase');
    expect(open({ ...box, N: 2 ** 24 }, 'right passphrase')).toBeNull();
    expect(isSealedBox({ ...box, iv: 3 })).toBe(false);
  });
});
