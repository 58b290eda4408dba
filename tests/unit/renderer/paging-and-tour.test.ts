import { describe, expect, it } from 'vitest';
import { templateGrid } from '../../../electron/contract/layout-presets';
import {
  resolveDisplayChoice,
  type DisplayChoice,
  type SavedLayout,
} from '../../../electron/contract/saved-layout';
import { readDisplayIdentity } from '../../../renderer/src/display/display-identity';
import { foldVietnamese, searchCameras } from '../../../renderer/src/layout/camera-search';
import { pageCells, pageCount, pagerText } from '../../../renderer/src/layout/paging';
import {
  nextStep,
  nextTourEvent,
  pauseTour,
  progress,
  remainingMs,
  resumeTour,
  startTour,
  tourSteps,
} from '../../../renderer/src/tour/tour-schedule';

const cameras = Array.from({ length: 18 }, (_, i) => ({ id: `c${i + 1}` }));
const layout = (id: string, template: '2x2' | '3x3', list: SavedLayout['cameras']) =>
  ({ id, name: id, template, grid: templateGrid(template), cameras: list }) satisfies SavedLayout;

describe('paging', () => {
  it('runs "All centres" over as many pages as it needs, spare cells blank', () => {
    const all = layout('all', '2x2', 'all');
    expect(pageCount(all, cameras)).toBe(5);
    expect(pageCells(all, cameras, 1)).toEqual(['c5', 'c6', 'c7', 'c8']);
    expect(pageCells(all, cameras, 4)).toEqual(['c17', 'c18', null, null]);
    expect(pageCells(all, cameras, 5)).toEqual(pageCells(all, cameras, 0));
    expect(pageCells(all, cameras, -1)).toEqual(pageCells(all, cameras, 4));
    expect(pagerText(1, 3)).toBe('2/3');
  });

  it('pages an explicit list, trailing blanks making no page', () => {
    const own = layout('own', '2x2', ['c1', null, 'ghost', 'c2', 'c9', null, null, null, null]);
    expect(pageCount(own, cameras)).toBe(2);
    expect(pageCells(own, cameras, 0)).toEqual(['c1', null, 'ghost', 'c2']);
    expect(pageCount(layout('empty', '2x2', []), cameras)).toBe(1);
  });
});

describe('display fallback', () => {
  const layouts = [layout('a', '2x2', 'all'), layout('b', '3x3', 'all')];
  const choice = (index: number, layoutId: string): DisplayChoice => ({
    index,
    layoutId,
    tour: null,
  });

  it('uses the display’s own choice, else display 0’s, else the first layout', () => {
    const displays = { '11': choice(0, 'b'), '22': choice(1, 'a') };
    expect(resolveDisplayChoice(displays, '22', layouts)?.layoutId).toBe('a');
    expect(resolveDisplayChoice(displays, '99', layouts)?.layoutId).toBe('b');
    expect(resolveDisplayChoice({ '22': choice(1, 'a') }, '99', layouts)?.layoutId).toBe('a');
    expect(resolveDisplayChoice({}, '99', layouts)).toEqual(choice(0, 'a'));
    // A choice whose layout was deleted falls back too.
    expect(resolveDisplayChoice({ '22': choice(1, 'gone') }, '22', layouts)?.layoutId).toBe('a');
    expect(resolveDisplayChoice({}, 'x', [])).toBeNull();
    expect(resolveDisplayChoice({}, 'toString', layouts)?.layoutId).toBe('a');
  });

  it('reads the display from ?display=N or &display=N after the key', () => {
    expect(readDisplayIdentity({ search: '?display=1&displayId=2779', hash: '' })).toEqual({
      index: 1,
      id: '2779',
    });
    expect(readDisplayIdentity({ search: '', hash: '#key=abc&display=2' })).toEqual({
      index: 2,
      id: 'display-2',
    });
    expect(readDisplayIdentity({ search: '?display=x', hash: '' })).toEqual({
      index: 0,
      id: 'display-0',
    });
  });
});

describe('tour schedule', () => {
  const layouts = [layout('a', '2x2', 'all'), layout('b', '3x3', ['c1'])];

  it('visits every page of every listed layout, or of the display’s own', () => {
    expect(tourSteps({ layoutIds: ['b', 'a'] }, 'a', layouts, cameras)).toHaveLength(6);
    expect(tourSteps({ layoutIds: [] }, 'b', layouts, cameras)).toEqual([
      { layoutId: 'b', page: 0 },
    ]);
    expect(tourSteps({ layoutIds: ['gone'] }, 'a', layouts, cameras)).toEqual([]);
  });

  it('prefetches two seconds ahead, then switches, wrapping round', () => {
    const clock = startTour(0);
    expect(nextTourEvent(clock, 15_000, 0, false)).toEqual({ kind: 'prefetch', inMs: 13_000 });
    expect(nextTourEvent(clock, 15_000, 13_000, true)).toEqual({ kind: 'switch', inMs: 2_000 });
    expect(nextStep({ ...clock, step: 4 }, 5, 15_000)).toEqual(startTour(15_000, 0));
    expect(progress(clock, 15_000, 7_500)).toBe(0.5);
  });

  it('keeps the time left across a pause', () => {
    const paused = pauseTour(startTour(0), 5_000);
    expect(nextTourEvent(paused, 15_000, 60_000, false)).toBeNull();
    expect(remainingMs(paused, 15_000, 60_000)).toBe(10_000);
    const resumed = resumeTour(paused, 60_000);
    expect(remainingMs(resumed, 15_000, 60_000)).toBe(10_000);
    expect(resumeTour(resumed, 70_000)).toBe(resumed);
  });
});

describe('camera search', () => {
  const sites = [
    { id: 'vu', name: 'Xã Cẩm Vũ', shortName: 'Cẩm Vũ' },
    { id: 'doai', name: 'Xã Cẩm Đoài', shortName: 'Cẩm Đoài' },
    { id: 'huyen', name: 'Bộ phận Một cửa huyện', shortName: 'Huyện' },
  ];
  const cams = sites.map((s) => ({
    id: `${s.id}-1`,
    siteId: s.id,
    name: 'Quầy 1',
    availability: 'installed' as const,
    kind: 'demo' as const,
    hasCredentials: false,
    hasMainStream: false,
  }));

  it('finds names with or without diacritics, đ as d', () => {
    expect(foldVietnamese('Cẩm Đoài')).toBe('cam doai');
    expect(searchCameras('cam vu', sites, cams).map((c) => c.id)).toEqual(['vu-1']);
    expect(searchCameras('Cẩm Vũ', sites, cams).map((c) => c.id)).toEqual(['vu-1']);
    expect(searchCameras('doai', sites, cams).map((c) => c.id)).toEqual(['doai-1']);
    expect(searchCameras('', sites, cams)).toHaveLength(3);
    expect(searchCameras('cam', sites, cams)).toHaveLength(2);
  });
});
