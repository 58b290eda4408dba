import { describe, expect, it } from 'vitest';
import { parseLayoutSelection, parseLocale } from '../../../electron/services/request-payloads';

const known = new Set(['cam-1', 'cam-2']);

describe('parseLocale', () => {
  it('accepts vi and en only', () => {
    expect(parseLocale('vi')).toEqual({ ok: true, value: 'vi' });
    expect(parseLocale('en')).toEqual({ ok: true, value: 'en' });
    for (const bad of ['fr', 'VI', '', null, undefined, 1, {}, ['vi']]) {
      expect(parseLocale(bad)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });
});

describe('parseLayoutSelection', () => {
  it('accepts a preset with known cameras and pads empty cells', () => {
    expect(parseLayoutSelection({ preset: '2x2', cameraIds: ['cam-2', null] }, known)).toEqual({
      ok: true,
      value: { preset: '2x2', cameraIds: ['cam-2', null, null, null] },
    });
  });

  it('refuses something that is not an object', () => {
    for (const bad of [null, undefined, 'x', 3]) {
      expect(parseLayoutSelection(bad, known)).toMatchObject({ ok: false });
    }
  });

  it('refuses an unknown preset, including inherited property names', () => {
    for (const preset of ['9x9', 'toString', '__proto__', 'constructor', 3]) {
      expect(parseLayoutSelection({ preset, cameraIds: [] }, known), String(preset)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/Unknown layout preset/),
      });
    }
  });

  it('refuses more ids than cells, or a non-list', () => {
    expect(parseLayoutSelection({ preset: '1x1', cameraIds: ['cam-1', 'cam-2'] }, known)).toEqual({
      ok: false,
      error: 'The layout 1x1 takes a list of at most 1 camera ids.',
    });
    expect(parseLayoutSelection({ preset: '1x1', cameraIds: 'cam-1' }, known)).toMatchObject({
      ok: false,
    });
  });

  it('refuses an unknown camera id or a non-text id', () => {
    expect(parseLayoutSelection({ preset: '2x2', cameraIds: ['ghost'] }, known)).toEqual({
      ok: false,
      error: 'There is no camera "ghost".',
    });
    expect(parseLayoutSelection({ preset: '2x2', cameraIds: [{}] }, known)).toMatchObject({
      ok: false,
    });
  });

  it('does not return the caller’s array (a later change cannot alter the saved layout)', () => {
    const ids = ['cam-1'];
    const result = parseLayoutSelection({ preset: '1x1', cameraIds: ids }, known);
    ids[0] = 'ghost';
    expect(result).toEqual({ ok: true, value: { preset: '1x1', cameraIds: ['cam-1'] } });
  });
});
