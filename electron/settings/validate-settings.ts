// Validates a configuration (unknown JSON, of any version) against the one settings schema
// (settings-schema.ts) and names the exact field that is wrong, so IT can fix the file and the
// screens can mark the field. Every problem is reported at once: each site, camera and the
// layout is checked even when another part failed, and the rules across them (ids used
// twice, a camera's site, the layout's cameras) are checked here.
import type * as z from 'zod';
import type { FieldError } from '../contract/settings-view';
import type { LayoutPresetId, Locale } from '../contract/wall-contract';
import { issuesToFieldErrors, fieldErrorLine } from './schema-issues';
import { parseLookSettings } from './look-settings';
import { parseScheduleField } from './schedule-field';
import { MESSAGES as M } from './schema-messages';
import { CURRENT_SCHEMA_VERSION, migrateSettings } from './settings-migrations';
import type { CameraSettings, SiteSettings, WallSettings } from './settings-model';
import {
  cameraSchema,
  layoutSchema,
  presetCells,
  provisioningSchema,
  settingsShape,
  siteSchema,
} from './settings-schema';

export type SettingsParse =
  { ok: true; settings: WallSettings } | { ok: false; errors: string[]; problems: FieldError[] };

type Path = (string | number)[];
type Issue = { path: Path; message: string; params?: Record<string, unknown> };
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSettings(input: unknown): SettingsParse {
  const issues: Issue[] = [];
  const add = (path: Path, message: string, code?: string, vi?: string) =>
    issues.push({ path, message, ...(code && vi ? { params: { code, vi } } : {}) });
  const collect = (prefix: Path, result: z.ZodSafeParseResult<unknown>) => {
    for (const i of result.error?.issues ?? []) {
      issues.push({ path: [...prefix, ...(i.path as Path)], message: i.message, ...params(i) });
    }
  };

  const migrated = migrateSettings(input);
  if (!migrated.ok) add(['schemaVersion'], migrated.problem, 'invalid-version', migrated.vi);
  const doc = migrated.ok ? migrated.document : input;
  const shape = settingsShape.safeParse(doc);
  collect([], shape);
  if (!isObj(doc)) return refused(issues);

  const sites: SiteSettings[] = [];
  (Array.isArray(doc.sites) ? doc.sites : []).forEach((raw, i) => {
    const site = siteSchema.safeParse(raw);
    collect(['sites', i], site);
    if (!site.success) return;
    if (sites.some((s) => s.id === site.data.id)) return duplicate(add, ['sites', i], site.data.id);
    const { shortName, ...rest } = site.data;
    sites.push(shortName ? { ...rest, shortName } : rest);
  });

  const cameras: CameraSettings[] = [];
  // Ids of cameras that are in the file but refused: the layout may name them without a
  // second, misleading "no camera has the id" error.
  const refusedIds = new Set<string>();
  (Array.isArray(doc.cameras) ? doc.cameras : []).forEach((raw, i) => {
    if (isObj(raw) && typeof raw.id === 'string') refusedIds.add(raw.id.trim());
    const parsed = cameraSchema.safeParse(raw);
    collect(['cameras', i], parsed);
    const siteId = isObj(raw) && typeof raw.siteId === 'string' ? raw.siteId.trim() : '';
    const knownSite = siteId === '' || sites.length === 0 || sites.some((s) => s.id === siteId);
    if (!knownSite) {
      add(
        ['cameras', i, 'siteId'],
        `no site has the id "${siteId}"`,
        'unknown-site',
        `Không có trung tâm mã "${siteId}".`,
      );
    }
    if (!parsed.success || !knownSite) return;
    if (cameras.some((c) => c.id === parsed.data.id)) {
      return duplicate(add, ['cameras', i], parsed.data.id);
    }
    const { main, sub } = parsed.data.streams;
    cameras.push({ ...parsed.data, streams: main ? { sub, main } : { sub } });
  });
  for (const camera of cameras) refusedIds.delete(camera.id);

  const layout = parseLayout(doc.layout, cameras, refusedIds, add, collect);
  // Office hours keep their own rules (schedule/validate-schedule.ts); each problem comes back
  // at its path ("schedule.weekly.mon[0]") and is reported at the field.
  const schedule = parseScheduleField(doc.schedule, (p) =>
    add(splitPath(p.path), p.message, p.local?.code, p.local?.vi),
  );
  const look = parseLookSettings(doc, (path, message) => add([path], message));
  const provisioning =
    doc.provisioning === undefined ? undefined : provisioningSchema.safeParse(doc.provisioning);
  if (provisioning) collect(['provisioning'], provisioning);
  if (issues.length > 0 || !layout || !shape.success) return refused(issues);
  return {
    ok: true,
    settings: {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      locale: shape.data.locale as Locale,
      sites,
      cameras,
      layout,
      ...(schedule ? { schedule } : {}),
      ...(shape.data.heartbeat ? { heartbeat: shape.data.heartbeat } : {}),
      ...look,
      ...(provisioning?.success ? { provisioning: provisioning.data } : {}),
    },
  };
}

type Add = (path: Path, message: string, code?: string, vi?: string) => void;

/** "schedule.weekly.mon[0]" → its parts. */
function splitPath(path: string): Path {
  return path
    .split(/[.[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function duplicate(add: Add, at: Path, id: string): void {
  add([...at, 'id'], `"${id}" is used twice`, 'duplicate-id', `Mã "${id}" đã được dùng.`);
}

function parseLayout(
  raw: unknown,
  cameras: CameraSettings[],
  refusedIds: ReadonlySet<string>,
  add: Add,
  collect: (prefix: Path, result: z.ZodSafeParseResult<unknown>) => void,
) {
  const parsed = layoutSchema.safeParse(raw);
  collect(['layout'], parsed);
  if (!parsed.success) return undefined;
  const { preset, cameraIds } = parsed.data;
  const cells = presetCells(preset);
  if (cameraIds.length > cells) {
    add(
      ['layout', 'cameraIds'],
      `has ${cameraIds.length} entries; preset ${preset} has ${cells} cells`,
      'too-many-cells',
      `Có ${cameraIds.length} ô; bố cục ${preset} chỉ có ${cells} ô.`,
    );
  }
  const ids: (string | null)[] = [];
  cameraIds.forEach((id, i) => {
    if (id === null) return void ids.push(null);
    if (typeof id === 'string' && refusedIds.has(id)) return void ids.push(null);
    if (typeof id !== 'string' || !cameras.some((c) => c.id === id)) {
      const shown = JSON.stringify(id);
      return add(
        ['layout', 'cameraIds', i],
        `no camera has the id ${shown}`,
        'unknown-camera',
        `Không có camera mã ${shown}.`,
      );
    }
    ids.push(id);
  });
  while (ids.length < cells) ids.push(null);
  return { preset: preset as LayoutPresetId, cameraIds: ids.slice(0, cells) };
}

function params(i: z.core.$ZodIssue): { params?: Record<string, unknown> } {
  return 'params' in i && i.params ? { params: i.params as Record<string, unknown> } : {};
}

function refused(issues: Issue[]): SettingsParse {
  const problems = issuesToFieldErrors(issues);
  return { ok: false, errors: problems.map(fieldErrorLine), problems };
}

export { M as SETTINGS_MESSAGES };
