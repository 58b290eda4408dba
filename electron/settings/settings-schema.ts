// The settings schema, written once with zod: the configuration file, the settings store, the
// screens' drafts (as they are turned into settings) and every payload that carries settings
// are checked by these schemas, so a field is refused with the same words everywhere. Parsing
// also normalises (names trimmed, availability defaulted, each URL classified once, a CA file
// read once, the layout padded), so everything downstream reads plain WallSettings.
import * as z from 'zod';
import { LAYOUT_PRESETS, presetCellCount } from '../contract/layout-presets';
import { DEFAULT_LOCALE, LOCALES } from '../contract/locales';
import type { LayoutPresetId } from '../contract/wall-contract';
import { parseFlag, parseRedirectAllowList, parseTls, readCa } from './endpoint-options';
import {
  DEFAULT_HEARTBEAT_MINUTES,
  heartbeatUrlProblem,
  MAX_HEARTBEAT_MINUTES,
  MAX_WALL_NAME_CHARS,
  MIN_HEARTBEAT_SECRET_CHARS,
  type HeartbeatSettings,
} from './heartbeat-settings';
import {
  DEFAULT_POLL_MINUTES,
  classifySource,
  fleetKeyBytes,
  isSealedSecret,
  readPublicKey,
  type ProvisioningConfig,
} from './provisioning-field';
import { MESSAGES as M } from './schema-messages';
import type { AuthSettings, StreamEndpoint } from './settings-model';
import { classifyStreamUrl } from './stream-url';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

type Ctx = z.core.$RefinementCtx;

/** A custom issue that names a value: English for the file, Vietnamese for the screens. */
export function issue(
  ctx: Ctx,
  path: (string | number)[],
  code: string,
  en: string,
  vi: string,
): void {
  ctx.addIssue({ code: 'custom', message: en, path, params: { code, vi } });
}

const text = () =>
  z.string({ error: M.nonEmptyText }).trim().min(1, { error: M.nonEmptyText, abort: true });

export const idSchema = text().regex(ID, { error: M.id });

export const siteSchema = z.object(
  { id: idSchema, name: text(), shortName: text().optional() },
  { error: M.object },
);

const ttl = z.number({ error: M.ttl }).int({ error: M.ttl }).min(10, { error: M.ttl });

export const authSchema: z.ZodType<AuthSettings> = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('password'),
      username: text(),
      password: z.string({ error: M.text }),
      allowBasicOverCleartext: z.boolean({ error: M.flag }).optional(),
    }),
    z.object({ type: z.literal('bearer'), token: text() }),
    z.object({ type: z.literal('nms-sign'), secret: text(), ttlSeconds: ttl.optional() }),
  ],
  // A missing auth object and a wrong type are worded apart: the first lacks "type" at all.
  { error: (i) => ((i.code as string) === 'invalid_type' ? M.auth : M.authType) },
) as z.ZodType<AuthSettings>;

/** One endpoint: the URL classified, security options checked (and a CA file read) once. */
export const endpointSchema = z
  .object(
    {
      url: z.string({ error: M.text }),
      // Checked in the transform, so that a bad auth does not hide the other options' problems.
      auth: z.unknown().optional(),
      tls: z.unknown().optional(),
      allowBasicOverCleartext: z.unknown().optional(),
      allowRedirectTo: z.unknown().optional(),
    },
    { error: M.endpoint },
  )
  .transform((raw, ctx): StreamEndpoint => {
    const classified = classifyStreamUrl(raw.url);
    if ('problem' in classified) {
      issue(ctx, ['url'], 'unsupported-url', classified.problem, URL_PROBLEM_VI);
      return z.NEVER;
    }
    let endpoint: StreamEndpoint = { url: raw.url, kind: classified.kind };
    let ok = true;
    if (raw.auth !== undefined) {
      const auth = authSchema.safeParse(raw.auth);
      if (auth.success) endpoint = { ...endpoint, auth: auth.data };
      else {
        ok = false;
        for (const i of auth.error.issues) {
          ctx.addIssue({ ...i, path: ['auth', ...i.path] } as never);
        }
      }
    }
    const err = (vi: string) => (at: string, en: string) => {
      ok = false;
      issue(
        ctx,
        at
          .split(/[.[\]]+/)
          .filter(Boolean)
          .map(step),
        'invalid-option',
        en,
        vi,
      );
    };
    if (raw.tls !== undefined) {
      const tls = parseTls(raw.tls, raw.url, 'tls', err(TLS_VI));
      if (tls) endpoint = { ...endpoint, tls: tls.tls, tlsTrust: tls.trust };
    }
    const allow = parseFlag(raw.allowBasicOverCleartext, 'allowBasicOverCleartext', err(FLAG_VI));
    if (allow !== undefined) endpoint = { ...endpoint, allowBasicOverCleartext: allow };
    if (raw.allowRedirectTo !== undefined) {
      const hosts = parseRedirectAllowList(raw.allowRedirectTo, 'allowRedirectTo', err(HOST_VI));
      if (hosts) endpoint = { ...endpoint, allowRedirectTo: hosts };
    }
    return ok ? endpoint : z.NEVER;
  });

const step = (s: string): string | number => (/^\d+$/.test(s) ? Number(s) : s);
const URL_PROBLEM_VI =
  'Địa chỉ này không phải luồng mà ứng dụng phát được. Dùng rtsp://…, rtsps://…, http(s)://…/tên.flv, ws(s)://…/tên.flv hoặc http(s)://…/tên.ts.';
const TLS_VI = 'Thiết lập TLS (chứng chỉ) không dùng được; xem chi tiết tiếng Anh.';
const FLAG_VI = 'Phải là có hoặc không.';
const HOST_VI = 'Ghi "máy" hoặc "máy:cổng", không có giao thức hay đường dẫn.';

export const cameraSchema = z.object(
  {
    id: idSchema,
    siteId: text(),
    name: text(),
    // The one place the default applies: everything downstream reads camera.availability as is.
    availability: z
      .enum(['installed', 'not-installed', 'disabled'], { error: M.availability })
      .default('installed'),
    streams: z.object(
      { sub: endpointSchema, main: endpointSchema.optional() },
      { error: M.streams },
    ),
  },
  { error: M.object },
);

export const layoutSchema = z.object(
  {
    preset: z.string().refine((p) => Object.hasOwn(LAYOUT_PRESETS, p), { error: M.preset }),
    cameraIds: z.array(z.unknown(), { error: M.list }),
  },
  { error: M.layout },
);

const minutes = z
  .number({ error: M.minutes })
  .int({ error: M.minutes })
  .min(1, { error: M.minutes })
  .max(MAX_HEARTBEAT_MINUTES, { error: M.minutes });

/**
 * IT's optional heartbeat (heartbeat-settings.ts). An empty secret is accepted here: it is what
 * a `vault:` reference this PC's vault lacks reveals to, and the wall then sends nothing and
 * says so, rather than refusing the whole configuration.
 */
export const heartbeatSchema = z
  .object(
    {
      url: z.string({ error: M.text }),
      everyMinutes: minutes.default(DEFAULT_HEARTBEAT_MINUTES),
      secret: z.string({ error: M.text }),
      wallName: text().max(MAX_WALL_NAME_CHARS, { error: M.wallName }).optional(),
      enabled: z.boolean({ error: M.flag }).default(true),
      tls: z.unknown().optional(),
    },
    { error: M.heartbeat },
  )
  .transform((raw, ctx): HeartbeatSettings => {
    const { tls: rawTls, ...rest } = raw;
    let ok = true;
    const problem = heartbeatUrlProblem(raw.url);
    if (problem) {
      ok = false;
      issue(ctx, ['url'], 'invalid-heartbeat-url', problem.en, problem.vi);
    }
    if (raw.secret !== '' && raw.secret.length < MIN_HEARTBEAT_SECRET_CHARS) {
      ok = false;
      issue(
        ctx,
        ['secret'],
        'short-secret',
        `must be at least ${MIN_HEARTBEAT_SECRET_CHARS} characters (a random one: openssl rand -hex 32)`,
        `Khoá phải dài ít nhất ${MIN_HEARTBEAT_SECRET_CHARS} ký tự (tạo ngẫu nhiên: openssl rand -hex 32).`,
      );
    }
    let settings: HeartbeatSettings = rest;
    if (rawTls !== undefined && !problem) {
      const tls = parseTls(rawTls, raw.url, 'tls', (at, en) => {
        ok = false;
        issue(ctx, at.split('.'), 'invalid-option', en, TLS_VI);
      });
      if (tls) settings = { ...settings, tls: tls.tls, tlsTrust: tls.trust };
    }
    return ok ? settings : z.NEVER;
  });

/** The outline of the current version; cross-field rules are in settings-rules.ts. */
export const settingsShape = z.object(
  {
    schemaVersion: z.number(),
    locale: z.enum(LOCALES, { error: M.locale }).default(DEFAULT_LOCALE),
    sites: z.array(z.unknown(), { error: M.sites }).min(1, { error: M.sites }),
    cameras: z.array(z.unknown(), { error: M.cameras }),
    layout: z.unknown(),
    heartbeat: heartbeatSchema.optional(),
    provisioning: z.unknown().optional(),
  },
  { error: M.topLevel },
);

export const presetCells = (preset: string): number => presetCellCount(preset as LayoutPresetId);

/**
 * Where this PC fetches IT's signed bundles (provisioning-field.ts). Kept in its file form; a
 * key file that is missing or not an Ed25519 key is named when the configuration loads.
 */
export const provisioningSchema: z.ZodType<ProvisioningConfig> = z
  .object(
    {
      source: text().refine((s) => classifySource(s) !== null, { error: M.provisioningSource }),
      pollMinutes: z
        .number({ error: M.minutes })
        .int({ error: M.minutes })
        .min(1, { error: M.minutes })
        .max(1440, { error: M.minutes })
        .default(DEFAULT_POLL_MINUTES),
      publicKeys: z.array(text(), { error: M.publicKeys }).min(1, { error: M.publicKeys }),
      // Plain here only while the file is read: the book keeps it in the vault.
      fleetKey: text().refine((k) => isSealedSecret(k) || fleetKeyBytes(k) !== null, {
        error: M.fleetKey,
      }),
      fleet: text().optional(),
      ca: z.string({ error: M.text }).optional(),
    },
    { error: M.provisioning },
  )
  .superRefine((p, ctx) => {
    p.publicKeys.forEach((raw, i) => {
      try {
        readPublicKey(raw);
      } catch (error) {
        issue(
          ctx,
          ['publicKeys', i],
          'invalid-public-key',
          `cannot be used: ${(error as Error).message}. Give the public-key.pem that "wall-provision keygen" wrote (its text or its full path)`,
          'Không dùng được khoá công khai này; hãy dùng tệp public-key.pem do "wall-provision keygen" tạo (chi tiết tiếng Anh).',
        );
      }
    });
    if (p.ca !== undefined) {
      readCa(p.ca, 'ca', (_at, en) => issue(ctx, ['ca'], 'invalid-option', en, TLS_VI));
    }
    if (p.ca !== undefined && classifySource(p.source)?.kind !== 'https') {
      issue(
        ctx,
        ['ca'],
        'invalid-option',
        'applies only to an https:// source',
        'Chỉ dùng với nguồn https://.',
      );
    }
  }) as z.ZodType<ProvisioningConfig>;
