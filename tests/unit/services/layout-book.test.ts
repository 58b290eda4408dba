// The layouts follow the configuration while staff have not changed them: a wall that started
// on an empty stand-in (IT's file was wrong) takes the fixed file's preset and cameras; a
// layout staff saved is kept through any change of the file.
import { describe, expect, it } from 'vitest';
import { templateForPreset } from '../../../electron/contract/layout-presets';
import { LayoutBook } from '../../../electron/services/layout-book';
import { SettingsMemory, type KeyValueStore } from '../../../electron/settings/settings-store';
import type { WallSettings } from '../../../electron/settings/settings-model';
import { parseSettings } from '../../../electron/settings/validate-settings';

function settings(preset: string, cameraIds: (string | null)[]): WallSettings {
  const parsed = parseSettings({
    schemaVersion: 2,
    sites: [{ id: 'a', name: 'Xã A' }],
    cameras: ['c1', 'c2'].map((id) => ({
      id,
      siteId: 'a',
      name: id,
      streams: { sub: { url: 'demo:clip-1' } },
    })),
    layout: { preset, cameraIds },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.settings;
}

function memoryStore(): KeyValueStore & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
}

describe('LayoutBook.followSettings', () => {
  it('replaces untouched default layouts with the new configuration’s, and remembers them', () => {
    const store = memoryStore();
    const book = new LayoutBook(settings('1x1', []), new SettingsMemory(store, 'wall.json'));
    expect(book.layouts.map((l) => l.template)).toEqual([templateForPreset('1x1')]);

    expect(book.followSettings(settings('2x2', ['c2', 'c1']))).toBe(true);
    expect(book.layouts.map((l) => [l.id, l.template, l.cameras])).toEqual([
      ['config', templateForPreset('2x2'), ['c2', 'c1', null, null]],
      ['all', templateForPreset('2x2'), 'all'],
    ]);
    const remembered = new SettingsMemory(store, 'wall.json').read();
    expect(remembered.layouts).toEqual(book.layouts);
    // The same settings again change nothing.
    expect(book.followSettings(settings('2x2', ['c2', 'c1']))).toBe(false);
  });

  it('keeps the layouts staff changed', () => {
    const book = new LayoutBook(settings('1x1', []), null);
    const own = { ...book.layouts[0]!, id: 'mine', name: 'Của tôi' };
    expect(book.save(own).ok).toBe(true);
    expect(book.followSettings(settings('3x3', []))).toBe(false);
    expect(book.layouts.map((l) => l.id)).toEqual(['all', 'mine']);
    expect(book.layouts[0]!.template).toBe(templateForPreset('1x1'));
  });
});
