// Validates a configuration (unknown JSON) against the settings model and names the exact
// field that is wrong, so IT can fix the file. All problems are reported at once.
import { LAYOUT_PRESETS, presetCellCount } from '../contract/layout-presets';
import { DEFAULT_LOCALE, LOCALES, isLocale } from '../contract/locales';
import type { CameraAvailability, LayoutPresetId, Locale } from '../contract/wall-contract';
import {
  SETTINGS_SCHEMA_VERSION,
  type AuthSettings,
  type CameraSettings,
  type SiteSettings,
  type StreamEndpoint,
  type WallSettings,
} from './settings-model';
import { parseFlag, parseRedirectAllowList, parseTls } from './endpoint-options';
import { parseLookSettings } from './look-settings';
import { classifyStreamUrl } from './stream-url';

export type SettingsParse = { ok: true; settings: WallSettings } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const AVAILABILITY: CameraAvailability[] = ['installed', 'not-installed', 'disabled'];

export function parseSettings(input: unknown): SettingsParse {
  const errors: string[] = [];
  const err = (path: string, message: string) => errors.push(`${path}: ${message}`);
  if (!isObj(input)) return { ok: false, errors: ['(top level): must be a JSON object'] };

  if (input.schemaVersion !== SETTINGS_SCHEMA_VERSION) {
    err('schemaVersion', `must be ${SETTINGS_SCHEMA_VERSION}`);
  }
  const locale = input.locale ?? DEFAULT_LOCALE;
  if (!isLocale(locale)) err('locale', `must be ${LOCALES.map((l) => `"${l}"`).join(' or ')}`);

  const sites: SiteSettings[] = [];
  if (!Array.isArray(input.sites) || input.sites.length === 0) {
    err('sites', 'must be a non-empty list of sites');
  } else {
    input.sites.forEach((raw, i) => {
      const path = `sites[${i}]`;
      if (!isObj(raw)) return err(path, 'must be an object');
      const id = stringField(raw, 'id', path, err);
      const name = stringField(raw, 'name', path, err);
      if (id && !ID.test(id)) err(`${path}.id`, 'use letters, digits, "-", "_" or "." only');
      if (id && sites.some((s) => s.id === id)) err(`${path}.id`, `"${id}" is used twice`);
      const shortName =
        raw.shortName === undefined ? undefined : stringField(raw, 'shortName', path, err);
      if (id && name) sites.push({ id, name, ...(shortName ? { shortName } : {}) });
    });
  }

  const cameras: CameraSettings[] = [];
  // Ids of cameras that are in the file but refused: the layout may name them without a
  // second, misleading "no camera has the id" error.
  const refusedIds = new Set<string>();
  if (!Array.isArray(input.cameras)) {
    err('cameras', 'must be a list of cameras');
  } else {
    input.cameras.forEach((raw, i) => {
      if (isObj(raw) && typeof raw.id === 'string') refusedIds.add(raw.id.trim());
      const camera = parseCamera(raw, `cameras[${i}]`, err, sites);
      if (!camera) return;
      if (cameras.some((c) => c.id === camera.id)) {
        err(`cameras[${i}].id`, `"${camera.id}" is used twice`);
      } else cameras.push(camera);
    });
  }

  for (const camera of cameras) refusedIds.delete(camera.id);
  const layout = parseLayout(input.layout, cameras, refusedIds, err);
  const look = parseLookSettings(input, err);
  if (errors.length > 0 || !layout) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      locale: locale as Locale,
      sites,
      cameras,
      layout,
      ...look,
    },
  };
}

type Err = (path: string, message: string) => void;

function stringField(obj: Obj, key: string, path: string, err: Err): string | undefined {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') {
    err(`${path}.${key}`, 'must be a non-empty text');
    return undefined;
  }
  return value.trim();
}

function parseCamera(raw: unknown, path: string, err: Err, sites: SiteSettings[]) {
  if (!isObj(raw)) return void err(path, 'must be an object');
  const id = stringField(raw, 'id', path, err);
  const siteId = stringField(raw, 'siteId', path, err);
  const name = stringField(raw, 'name', path, err);
  if (id && !ID.test(id)) err(`${path}.id`, 'use letters, digits, "-", "_" or "." only');
  if (siteId && sites.length > 0 && !sites.some((s) => s.id === siteId)) {
    err(`${path}.siteId`, `no site has the id "${siteId}"`);
  }
  // The one place the default applies: everything downstream reads camera.availability as is.
  const availability = raw.availability ?? 'installed';
  if (!AVAILABILITY.includes(availability as CameraAvailability)) {
    err(`${path}.availability`, `must be one of ${AVAILABILITY.map((a) => `"${a}"`).join(', ')}`);
  }
  const streams = raw.streams;
  if (!isObj(streams))
    return void err(`${path}.streams`, 'must be an object with "sub" (and "main")');
  const sub = parseEndpoint(streams.sub, `${path}.streams.sub`, err);
  const main =
    streams.main === undefined
      ? undefined
      : parseEndpoint(streams.main, `${path}.streams.main`, err);
  if (!id || !siteId || !name || !sub) return undefined;
  const camera: CameraSettings = {
    id,
    siteId,
    name,
    availability: availability as CameraAvailability,
    streams: main ? { sub, main } : { sub },
  };
  return camera;
}

function parseEndpoint(raw: unknown, path: string, err: Err): StreamEndpoint | undefined {
  if (!isObj(raw)) return void err(path, 'must be an object with "url"');
  if (typeof raw.url !== 'string') return void err(`${path}.url`, 'must be a text');
  const classified = classifyStreamUrl(raw.url);
  if ('problem' in classified) return void err(`${path}.url`, classified.problem);
  let endpoint: StreamEndpoint = { url: raw.url, kind: classified.kind };
  let ok = true;
  // Each option is checked even after an earlier one failed, so IT sees every problem at once.
  if (raw.auth !== undefined) {
    const auth = parseAuth(raw.auth, `${path}.auth`, err);
    if (auth) endpoint = { ...endpoint, auth };
    else ok = false;
  }
  if (raw.tls !== undefined) {
    const tls = parseTls(raw.tls, raw.url, `${path}.tls`, err);
    if (tls) endpoint = { ...endpoint, tls: tls.tls, tlsTrust: tls.trust };
    else ok = false;
  }
  if (raw.allowBasicOverCleartext !== undefined) {
    const allow = parseFlag(raw.allowBasicOverCleartext, `${path}.allowBasicOverCleartext`, err);
    if (allow !== undefined) endpoint = { ...endpoint, allowBasicOverCleartext: allow };
    else ok = false;
  }
  if (raw.allowRedirectTo !== undefined) {
    const hosts = parseRedirectAllowList(raw.allowRedirectTo, `${path}.allowRedirectTo`, err);
    if (hosts) endpoint = { ...endpoint, allowRedirectTo: hosts };
    else ok = false;
  }
  return ok ? endpoint : undefined;
}

function parseAuth(raw: unknown, path: string, err: Err): AuthSettings | undefined {
  if (!isObj(raw)) return void err(path, 'must be an object with "type"');
  switch (raw.type) {
    case 'password': {
      const username = stringField(raw, 'username', path, err);
      const allow = parseFlag(raw.allowBasicOverCleartext, `${path}.allowBasicOverCleartext`, err);
      if (typeof raw.password !== 'string') return void err(`${path}.password`, 'must be a text');
      if (!username || (raw.allowBasicOverCleartext !== undefined && allow === undefined)) return;
      return {
        type: 'password',
        username,
        password: raw.password,
        ...(allow !== undefined ? { allowBasicOverCleartext: allow } : {}),
      };
    }
    case 'bearer': {
      const token = stringField(raw, 'token', path, err);
      return token ? { type: 'bearer', token } : undefined;
    }
    case 'nms-sign': {
      const secret = stringField(raw, 'secret', path, err);
      const ttl = raw.ttlSeconds;
      if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 10)) {
        return void err(`${path}.ttlSeconds`, 'must be a whole number of seconds, at least 10');
      }
      if (!secret) return undefined;
      return typeof ttl === 'number'
        ? { type: 'nms-sign', secret, ttlSeconds: ttl }
        : { type: 'nms-sign', secret };
    }
    default:
      return void err(`${path}.type`, 'must be "password", "bearer" or "nms-sign"');
  }
}

function parseLayout(
  raw: unknown,
  cameras: CameraSettings[],
  refusedIds: ReadonlySet<string>,
  err: Err,
) {
  if (!isObj(raw)) return void err('layout', 'must be an object with "preset" and "cameraIds"');
  const preset = raw.preset;
  if (typeof preset !== 'string' || !Object.hasOwn(LAYOUT_PRESETS, preset)) {
    return void err('layout.preset', `must be one of ${Object.keys(LAYOUT_PRESETS).join(', ')}`);
  }
  const cells = presetCellCount(preset as LayoutPresetId);
  if (!Array.isArray(raw.cameraIds)) return void err('layout.cameraIds', 'must be a list');
  if (raw.cameraIds.length > cells) {
    err(
      'layout.cameraIds',
      `has ${raw.cameraIds.length} entries; preset ${preset} has ${cells} cells`,
    );
  }
  const ids: (string | null)[] = [];
  raw.cameraIds.forEach((id, i) => {
    if (id === null) return void ids.push(null);
    if (typeof id === 'string' && refusedIds.has(id)) return void ids.push(null);
    if (typeof id !== 'string' || !cameras.some((c) => c.id === id)) {
      return void err(`layout.cameraIds[${i}]`, `no camera has the id ${JSON.stringify(id)}`);
    }
    ids.push(id);
  });
  while (ids.length < cells) ids.push(null);
  return { preset: preset as LayoutPresetId, cameraIds: ids.slice(0, cells) };
}
