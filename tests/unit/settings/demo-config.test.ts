import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSettings } from '../../../electron/settings/demo-config';
import { parseSettings } from '../../../electron/settings/validate-settings';
import { parseDemoUrl } from '../../../electron/streams/protocols/demo/demo-url';

const DEMO_DIR = join(__dirname, '../../../assets/demo');
const settings = demoSettings();
const siteName = (id: string) => settings.sites.find((s) => s.id === id)?.name;

// The communes of the reference district (already in Vietnamese alphabetical order).
const COMMUNES = [
  'Cao An',
  'Cẩm Điền',
  'Cẩm Đoài',
  'Cẩm Đông',
  'Cẩm Hoàng',
  'Cẩm Hưng',
  'Cẩm Phúc',
  'Cẩm Văn',
  'Cẩm Vũ',
  'Định Sơn',
  'Đức Chính',
  'Lương Điền',
  'Ngọc Liên',
  'Tân Trường',
  'Thạch Lỗi',
];

describe('demo settings: Huyện Cẩm Giàng', () => {
  it('passes the settings validator unchanged', () => {
    const parsed = parseSettings(JSON.parse(JSON.stringify(settings)));
    expect(parsed).toEqual({ ok: true, settings });
  });

  it('has the district centre, the two towns and 15 communes, in that order', () => {
    expect(settings.schemaVersion).toBe(2);
    expect(settings.locale).toBe('vi');
    expect(settings.sites).toHaveLength(18);
    expect(settings.sites.map((s) => s.name)).toEqual([
      'Bộ phận Một cửa huyện Cẩm Giàng',
      'Thị trấn Lai Cách',
      'Thị trấn Cẩm Giang',
      ...COMMUNES.map((c) => `Xã ${c}`),
    ]);
    expect(settings.sites.map((s) => s.shortName)).toEqual([
      'Một cửa huyện',
      'Lai Cách',
      'Cẩm Giang',
      ...COMMUNES,
    ]);
  });

  it('keeps Cẩm Giàng (district, grave accent) apart from Cẩm Giang (town, no accent)', () => {
    expect(siteName('huyen')).toContain('Cẩm Giàng');
    expect(siteName('huyen')).not.toContain('Cẩm Giang');
    expect(siteName('cam-giang')).toBe('Thị trấn Cẩm Giang');
    expect(settings.sites.filter((s) => s.name.includes('Giàng'))).toHaveLength(1);
  });

  it('writes every name in composed Unicode (NFC), as a search or a font expects', () => {
    for (const s of settings.sites) {
      expect(s.name).toBe(s.name.normalize('NFC'));
      expect(s.shortName).toBe(s.shortName?.normalize('NFC'));
    }
    for (const c of settings.cameras) expect(c.name).toBe(c.name.normalize('NFC'));
  });

  it('orders the communes as a Vietnamese collator does', () => {
    const sorted = [...COMMUNES].sort(new Intl.Collator('vi').compare);
    expect(sorted).toEqual(COMMUNES);
  });

  it('uses unique ASCII ids', () => {
    const ids = [...settings.sites.map((s) => s.id), ...settings.cameras.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(settings.sites.slice(0, 4).map((s) => s.id)).toEqual([
      'huyen',
      'lai-cach',
      'cam-giang',
      'cao-an',
    ]);
  });

  it('has one camera per site; Cẩm Vũ and Cẩm Phúc are not installed, 16 play', () => {
    expect(settings.cameras).toHaveLength(18);
    for (const s of settings.sites) {
      expect(settings.cameras.filter((c) => c.siteId === s.id)).toHaveLength(1);
    }
    const notInstalled = settings.cameras.filter((c) => c.availability === 'not-installed');
    expect(notInstalled.map((c) => siteName(c.siteId)).sort()).toEqual([
      'Xã Cẩm Phúc',
      'Xã Cẩm Vũ',
    ]);
    expect(settings.cameras.filter((c) => c.availability === 'installed')).toHaveLength(16);
  });

  it('gives each installed camera its own (clip, offset) from a committed clip', () => {
    const pairs = new Set<string>();
    for (const c of settings.cameras) {
      const demo = parseDemoUrl(c.streams.sub.url, DEMO_DIR);
      if (c.availability !== 'installed') {
        expect(demo.clipName).toBe('none');
        continue;
      }
      expect(existsSync(demo.clipPath)).toBe(true);
      pairs.add(`${demo.clipName}@${demo.startOffsetMs}`);
    }
    expect(pairs.size).toBe(16);
  });

  it('neighbouring cells of the 5x4 grid never show the same clip', () => {
    const clipOf = (cell: number) => {
      const id = settings.layout.cameraIds[cell];
      const url = settings.cameras.find((c) => c.id === id)?.streams.sub.url;
      return url ? parseDemoUrl(url, DEMO_DIR).clipName : null;
    };
    for (let cell = 0; cell < 20; cell += 1) {
      const here = clipOf(cell);
      if (!here || here === 'none') continue;
      if (cell % 5 < 4) expect(clipOf(cell + 1)).not.toBe(here);
      if (cell + 5 < 20) expect(clipOf(cell + 5)).not.toBe(here);
    }
  });

  it('lays all 18 out on one 5x4 screen, district first, last two cells empty', () => {
    expect(settings.layout.preset).toBe('5x4');
    expect(settings.layout.cameraIds).toHaveLength(20);
    expect(settings.layout.cameraIds.slice(18)).toEqual([null, null]);
    const cameraIds = new Set(settings.cameras.map((c) => c.id));
    for (const id of settings.layout.cameraIds.slice(0, 18)) {
      expect(id !== null && cameraIds.has(id)).toBe(true);
    }
    const sitesInCells = settings.layout.cameraIds
      .slice(0, 18)
      .map((id) => settings.cameras.find((c) => c.id === id)?.siteId);
    expect(sitesInCells).toEqual(settings.sites.map((s) => s.id));
  });

  it('returns a fresh object each time, so callers may change it', () => {
    const a = demoSettings();
    a.layout.cameraIds[0] = null;
    expect(demoSettings().layout.cameraIds[0]).toBe('huyen-quay-1');
  });
});
