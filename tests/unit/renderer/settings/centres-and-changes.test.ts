import { describe, expect, it } from 'vitest';
import {
  SETTINGS_NOT_YET_ERROR,
  type CentreView,
  type SettingsView,
} from '../../../../electron/contract/settings-view';
import { STAFF_LOCKED_ERROR } from '../../../../electron/contract/staff-status';
import { addedCameraId } from '../../../../renderer/src/components/settings/cameras-screen';
import {
  camerasOf,
  centreDraft,
  moveCentreDraft,
  sortedCentres,
} from '../../../../renderer/src/components/settings/centre-order';
import { changeOutcome } from '../../../../renderer/src/hooks/use-settings';

const centre = (id: string, order: number, shortName: string | null = null): CentreView => ({
  id,
  name: `Xã ${id}`,
  shortName,
  order,
  origin: 'local',
});
const centres = [centre('b', 1, 'B'), centre('huyen', 0), centre('c', 2)];

const view = (cameraIds: string[]): SettingsView => ({
  schemaVersion: 2,
  configFile: null,
  centres,
  cameras: cameraIds.map((id) => ({
    id,
    siteId: 'b',
    name: id,
    availability: 'installed',
    streams: {
      sub: {
        url: 'demo:clip-1',
        kind: 'demo',
        auth: { type: 'none' },
        tls: null,
        allowBasicOverCleartext: false,
        allowRedirectTo: [],
      },
      main: null,
    },
    origin: 'local',
  })),
  vault: { protection: 'key-file', plainTextSecretsInFile: 0 },
});

describe('centres in order', () => {
  it('lists them by order and moves one a place up or down, not past either end', () => {
    expect(sortedCentres(centres).map((c) => c.id)).toEqual(['huyen', 'b', 'c']);
    expect(moveCentreDraft(centres, 'b', -1)).toEqual({
      id: 'b',
      name: 'Xã b',
      shortName: 'B',
      order: 0,
    });
    expect(moveCentreDraft(centres, 'c', -1)).toMatchObject({ id: 'c', order: 1 });
    expect(moveCentreDraft(centres, 'huyen', -1)).toBeNull();
    expect(moveCentreDraft(centres, 'c', 1)).toBeNull();
  });

  it('sends a new centre without id, and an empty short name as none', () => {
    expect(centreDraft(null, '  Xã Cẩm Vũ ', '  ')).toEqual({ name: 'Xã Cẩm Vũ' });
    expect(centreDraft('lai-cach', 'Thị trấn Lai Cách', 'TT Lai Cách')).toEqual({
      id: 'lai-cach',
      name: 'Thị trấn Lai Cách',
      shortName: 'TT Lai Cách',
    });
  });

  it('counts the cameras that keep a centre from being deleted', () => {
    expect(camerasOf(view(['x', 'y']).cameras, 'b')).toBe(2);
    expect(camerasOf(view(['x']).cameras, 'c')).toBe(0);
  });
});

describe("main's answer to a change", () => {
  it('takes the new settings, or the field errors, or says a refusal in words', () => {
    const saved = view(['x']);
    expect(
      changeOutcome({ ok: true, value: { saved: true, settings: saved, reconnected: [] } }, 'vi'),
    ).toEqual({ ok: true, settings: saved });
    const errors = [
      { path: ['name'], field: 'name', code: 'required', message: { vi: 'a', en: 'b' } },
    ];
    expect(changeOutcome({ ok: true, value: { saved: false, errors } }, 'vi')).toEqual({
      ok: false,
      errors,
      refusal: null,
    });
    expect(changeOutcome({ ok: false, error: SETTINGS_NOT_YET_ERROR }, 'vi')).toMatchObject({
      refusal: 'Phần cài đặt này chưa có trong bản này.',
    });
    expect(changeOutcome({ ok: false, error: STAFF_LOCKED_ERROR }, 'en')).toMatchObject({
      refusal: 'Locked: close the settings and enter the PIN again.',
    });
    expect(changeOutcome({ ok: false, error: 'disk full' }, 'en')).toMatchObject({
      refusal: 'Could not do it (details: disk full)',
    });
  });

  it('finds the camera a save added, to open its form again', () => {
    expect(addedCameraId(view(['x']), view(['x', 'quay-2']))).toBe('quay-2');
    expect(addedCameraId(view(['x']), view(['x']))).toBeNull();
  });
});
