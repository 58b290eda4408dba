// The wall shown with no configuration: Huyện Cẩm Giàng (Hải Dương), its district one-stop
// centre and the one-stop centres of its 17 communes and towns, on one 5x4 screen, fed by
// the embedded demo clips. Mind the spelling: the district is Cẩm Giàng (grave accent) and
// one of its towns is Cẩm Giang (no accent).
import { ROUND_THE_CLOCK } from './schedule-field';
import type { CameraConfig, SiteSettings, WallSettings, WallSettingsFile } from './settings-model';
import { SETTINGS_SCHEMA_VERSION } from './settings-model';
import { parseSettings } from './validate-settings';

interface DemoSite extends Required<SiteSettings> {
  /** `demo:<clip>?offset=<s>`, or null when the centre has no camera yet. */
  demoUrl: string | null;
}

/**
 * District first, then the two towns (Lai Cách is the district seat), then the communes in
 * Vietnamese alphabetical order. Each installed camera gets its own (clip, offset) pair: the
 * 8 clips are used twice each, neighbouring cells never share a clip, and offsets differ so
 * the clocks in the pictures differ too. As of June 2024, Cẩm Phúc and Cẩm Vũ had no camera.
 */
const SITES: DemoSite[] = [
  site('huyen', 'Bộ phận Một cửa huyện Cẩm Giàng', 'Một cửa huyện', 'clip-1', 0),
  site('lai-cach', 'Thị trấn Lai Cách', 'TT Lai Cách', 'clip-2', 5),
  site('cam-giang', 'Thị trấn Cẩm Giang', 'TT Cẩm Giang', 'clip-3', 10),
  site('cao-an', 'Xã Cao An', 'Cao An', 'clip-4', 3),
  site('cam-dien', 'Xã Cẩm Điền', 'Cẩm Điền', 'clip-5', 8),
  site('cam-doai', 'Xã Cẩm Đoài', 'Cẩm Đoài', 'clip-6', 1),
  site('cam-dong', 'Xã Cẩm Đông', 'Cẩm Đông', 'clip-7', 6),
  site('cam-hoang', 'Xã Cẩm Hoàng', 'Cẩm Hoàng', 'clip-8', 11),
  site('cam-hung', 'Xã Cẩm Hưng', 'Cẩm Hưng', 'clip-1', 6),
  site('cam-phuc', 'Xã Cẩm Phúc', 'Cẩm Phúc', null, 0),
  site('cam-van', 'Xã Cẩm Văn', 'Cẩm Văn', 'clip-2', 9),
  site('cam-vu', 'Xã Cẩm Vũ', 'Cẩm Vũ', null, 0),
  site('dinh-son', 'Xã Định Sơn', 'Định Sơn', 'clip-3', 2),
  site('duc-chinh', 'Xã Đức Chính', 'Đức Chính', 'clip-4', 7),
  site('luong-dien', 'Xã Lương Điền', 'Lương Điền', 'clip-5', 0),
  site('ngoc-lien', 'Xã Ngọc Liên', 'Ngọc Liên', 'clip-6', 4),
  site('tan-truong', 'Xã Tân Trường', 'Tân Trường', 'clip-7', 11),
  site('thach-loi', 'Xã Thạch Lỗi', 'Thạch Lỗi', 'clip-8', 3),
];

/**
 * A not-installed camera opens no stream, but it keeps a well-formed URL so the settings
 * validator needs no special case; `demo:none` plays nothing if it is ever opened.
 */
const NOT_INSTALLED_URL = 'demo:none';

/**
 * The demo wall, normalised by the same parser as a configuration file, so it has exactly
 * the shape (URL kinds, availability) that every file-configured wall has.
 */
export function demoSettings(): WallSettings {
  const parsed = parseSettings(demoSettingsFile());
  if (!parsed.ok)
    throw new Error(`the embedded demo settings are invalid: ${parsed.errors.join('; ')}`);
  return parsed.settings;
}

/** The demo in the configuration file's own form (the settings book's base when there is no file). */
export function demoSettingsFile(): WallSettingsFile {
  const cameras: CameraConfig[] = SITES.map(({ id, demoUrl }) => ({
    id: cameraId(id),
    siteId: id,
    name: 'Quầy tiếp nhận',
    availability: demoUrl ? 'installed' : 'not-installed',
    streams: { sub: { url: demoUrl ?? NOT_INSTALLED_URL } },
  }));
  const cameraIds: (string | null)[] = SITES.map(({ id }) => cameraId(id));
  while (cameraIds.length < 20) cameraIds.push(null);
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    locale: 'vi',
    sites: SITES.map(({ id, name, shortName }) => ({ id, name, shortName })),
    cameras,
    layout: { preset: '5x4', cameraIds },
    // Someone trying the wall in the evening or at a weekend should still see pictures; a
    // real wall without a schedule keeps the default office hours.
    schedule: { ...ROUND_THE_CLOCK },
  };
}

function site(
  id: string,
  name: string,
  shortName: string,
  clip: string | null,
  offsetSeconds: number,
): DemoSite {
  return { id, name, shortName, demoUrl: clip ? `demo:${clip}?offset=${offsetSeconds}` : null };
}

function cameraId(siteId: string): string {
  return `${siteId}-quay-1`;
}
