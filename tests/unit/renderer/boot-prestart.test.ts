// The first page's players start from the store's first view, before React renders: once,
// with that page's cells; not outside office hours; given back on the next task.
import { describe, expect, it } from 'vitest';
import type { CameraView, WallSnapshot } from '../../../renderer/src/contract';
import { LAYOUT_TEMPLATES } from '../../../electron/contract/layout-presets';
import { officeHoursStatus } from './office-hours-fixture';
import { prestartFirstPage } from '../../../renderer/src/player/boot-prestart';
import { createAppStore } from '../../../renderer/src/store/app-store';

const camera = (id: string): CameraView => ({
  id,
  siteId: id,
  name: 'Quầy 1',
  availability: 'installed',
  kind: 'demo',
  hasCredentials: false,
  hasMainStream: false,
});

const snapshot = (ids: string[]): WallSnapshot => ({
  productName: 'One-Stop Wall',
  sites: ids.map((id) => ({ id, name: `Xã ${id}`, shortName: id })),
  cameras: ids.map(camera),
  layouts: [
    { id: 'l1', name: '2×2', template: '2x2', grid: LAYOUT_TEMPLATES['2x2'], cameras: 'all' },
  ],
  displays: {},
  locale: 'vi',
  gatewayBase: 'ws://127.0.0.1:1/k/live',
  configSource: 'demo',
});

const hours = officeHoursStatus;

function setup() {
  const store = createAppStore();
  const started: (string | null)[][] = [];
  const released: number[] = [];
  const later: (() => void)[] = [];
  prestartFirstPage(
    store,
    (cells) => {
      started.push([...cells]);
      const n = started.length;
      return { release: () => released.push(n) };
    },
    (callback) => later.push(callback),
  );
  return { store, started, released, later };
}

describe('prestartFirstPage', () => {
  it('starts the first page’s players once, the moment the snapshot lands, and releases them a task later', () => {
    const { store, started, released, later } = setup();
    store.getState().setOfficeHours(hours(true));
    expect(started).toEqual([]);
    store.getState().setSnapshot(snapshot(['a', 'b', 'c', 'd', 'e']));
    expect(started).toEqual([['a', 'b', 'c', 'd']]);
    expect(released).toEqual([]);
    later.forEach((run) => run());
    expect(released).toEqual([1]);
    // A later snapshot (a pushed change) is the tiles' business, not the boot's.
    store.getState().setSnapshot(snapshot(['e', 'f']));
    expect(started).toHaveLength(1);
  });

  it('starts nothing outside office hours', () => {
    const { store, started, later } = setup();
    store.getState().setOfficeHours(hours(false));
    store.getState().setSnapshot(snapshot(['a', 'b']));
    store.getState().setOfficeHours(hours(true));
    store.getState().setSnapshot(snapshot(['a', 'b']));
    expect(started).toEqual([]);
    expect(later).toEqual([]);
  });
});
