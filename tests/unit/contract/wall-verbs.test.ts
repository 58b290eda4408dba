import { describe, expect, it } from 'vitest';
import { LAYOUT_PRESET_IDS, isLayoutPresetId } from '../../../electron/contract/layout-presets';
import { isLocale, LOCALES, nextLocale } from '../../../electron/contract/locales';
import {
  buildWallApi,
  isWallRequestChannel,
  WALL_EVENT_CHANNELS,
  WALL_REQUEST_CHANNELS,
} from '../../../electron/contract/wall-verbs';

describe('the table of verbs and events', () => {
  it('names every channel domain:action, once', () => {
    const channels = [...WALL_REQUEST_CHANNELS, ...WALL_EVENT_CHANNELS];
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
    expect(new Set(channels).size).toBe(channels.length);
    expect(isWallRequestChannel('layouts:save')).toBe(true);
    expect(isWallRequestChannel('streams:status')).toBe(false);
    expect(isWallRequestChannel('toString')).toBe(false);
  });

  it('derives one method per verb and one removable subscription per event', async () => {
    const requests: [string, unknown][] = [];
    const subscribed: string[] = [];
    const removed: string[] = [];
    const api = buildWallApi({
      request: async (channel, payload) => {
        requests.push([channel, payload]);
        return { ok: true, value: channel };
      },
      subscribe: (channel) => {
        subscribed.push(channel);
        return () => removed.push(channel);
      },
    });
    expect(Object.keys(api).sort()).toEqual(
      [
        'getSnapshot',
        'getStatuses',
        'getHealth',
        'exportHealthCsv',
        'getPcCheck',
        'savePcCheck',
        'saveSnapshot',
        'onSnapshot',
        'onStatus',
        'onStaff',
        'onSettingsStatus',
        'getSettingsStatus',
        'getSettings',
        'saveCentre',
        'deleteCentre',
        'saveCamera',
        'deleteCamera',
        'testCamera',
        'exportSettings',
        'importSettings',
        'moveSecretsToVault',
        'setLocale',
        'saveLayout',
        'deleteLayout',
        'chooseDisplay',
        'quit',
        'staffStatus',
        'setStaffPin',
        'unlockStaff',
        'lockStaff',
        'getOfficeHours',
        'showOutsideHours',
        'onOfficeHours',
      ].sort(),
    );
    await expect(api.setLocale('en')).resolves.toEqual({ ok: true, value: 'wall:set-locale' });
    await api.getSnapshot();
    expect(requests).toEqual([
      ['wall:set-locale', 'en'],
      ['wall:get-snapshot', undefined],
    ]);
    api.onStatus(() => {})();
    expect(subscribed).toEqual(['streams:status']);
    expect(removed).toEqual(['streams:status']);
  });
});

describe('locales and presets', () => {
  it('knows the languages and toggles between them', () => {
    expect(LOCALES).toEqual(['vi', 'en']);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(nextLocale('vi')).toBe('en');
    expect(nextLocale('en')).toBe('vi');
  });

  it('knows the presets, own keys only', () => {
    expect(LAYOUT_PRESET_IDS).toEqual(['1x1', '2x2', '3x3', '4x4', '5x4', '5x5']);
    for (const bad of ['toString', '__proto__', '9x9', 3])
      expect(isLayoutPresetId(bad)).toBe(false);
  });
});
