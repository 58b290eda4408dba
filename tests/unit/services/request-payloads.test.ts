import { describe, expect, it } from 'vitest';
import { parseLocale } from '../../../electron/services/request-payloads';

describe('parseLocale', () => {
  it('accepts vi and en only', () => {
    expect(parseLocale('vi')).toEqual({ ok: true, value: 'vi' });
    expect(parseLocale('en')).toEqual({ ok: true, value: 'en' });
    for (const bad of ['fr', 'VI', '', null, undefined, 1, {}, ['vi']]) {
      expect(parseLocale(bad)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });
});
