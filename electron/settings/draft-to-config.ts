// A camera draft from the screens, turned into the configuration's own form. Secrets: a new
// value stays in memory until the whole configuration has passed the schema (so a refused
// save never replaces a good stored secret), `keep` takes the stored one. Credentials typed
// into a URL move into `auth`, as the version-2 migration does for files.
import type { AuthDraft, CameraDraft, EndpointDraft, FieldError } from '../contract/settings-view';
import { liftUserInfo } from './url-credentials';
import type { AuthSettings, CameraConfig, StreamEndpointConfig } from './settings-model';

type Quality = 'sub' | 'main';

function missingSecret(quality: Quality, field: string): FieldError {
  return {
    path: ['streams', quality, 'auth', field],
    field: `streams.${quality}.auth.${field}`,
    code: 'secret-missing',
    message: {
      en: 'nothing is stored to keep; enter it',
      vi: 'Chưa có mật khẩu nào được lưu; hãy nhập.',
    },
  };
}

function authFromDraft(
  draft: AuthDraft,
  stored: AuthSettings | undefined,
  quality: Quality,
  errors: FieldError[],
): AuthSettings | undefined {
  const secret = (
    value: { keep: true } | { value: string },
    field: 'password' | 'token' | 'secret',
  ): string => {
    if ('value' in value) return value.value;
    const kept =
      stored && field in stored ? (stored as unknown as Record<string, string>)[field] : undefined;
    if (kept === undefined || stored?.type !== draft.type) {
      errors.push(missingSecret(quality, field));
      return '';
    }
    return kept;
  };
  switch (draft.type) {
    case 'none':
      return undefined;
    case 'password':
      return {
        type: 'password',
        username: draft.username,
        password: secret(draft.password, 'password'),
        ...(draft.allowBasicOverCleartext !== undefined
          ? { allowBasicOverCleartext: draft.allowBasicOverCleartext }
          : {}),
      };
    case 'bearer':
      return { type: 'bearer', token: secret(draft.token, 'token') };
    case 'nms-sign':
      return {
        type: 'nms-sign',
        secret: secret(draft.secret, 'secret'),
        ...(draft.ttlSeconds !== undefined ? { ttlSeconds: draft.ttlSeconds } : {}),
      };
  }
}

export function endpointFromDraft(
  draft: EndpointDraft,
  stored: StreamEndpointConfig | undefined,
  quality: Quality,
  errors: FieldError[],
): StreamEndpointConfig {
  const auth = authFromDraft(draft.auth, stored?.auth, quality, errors);
  const endpoint: StreamEndpointConfig = {
    url: draft.url.trim(),
    ...(auth ? { auth } : {}),
    ...(draft.tls ? { tls: draft.tls } : {}),
    ...(draft.allowBasicOverCleartext !== undefined
      ? { allowBasicOverCleartext: draft.allowBasicOverCleartext }
      : {}),
    ...(draft.allowRedirectTo ? { allowRedirectTo: draft.allowRedirectTo } : {}),
  };
  return liftUserInfo(
    endpoint as unknown as Record<string, unknown>,
  ) as unknown as StreamEndpointConfig;
}

export function cameraFromDraft(
  draft: CameraDraft & { id: string },
  stored: CameraConfig | undefined,
): { camera: CameraConfig; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const sub = endpointFromDraft(draft.streams.sub, stored?.streams.sub, 'sub', errors);
  const main =
    draft.streams.main &&
    endpointFromDraft(draft.streams.main, stored?.streams.main, 'main', errors);
  return {
    camera: {
      id: draft.id,
      siteId: draft.siteId,
      name: draft.name,
      availability: draft.availability,
      streams: main ? { sub, main } : { sub },
    },
    errors,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A draft the draft schema refused, as near to a camera as it goes: secrets as plain text (a
 * kept one as a stand-in), `none` auth dropped, URLs trimmed; anything else left as sent.
 * Only checked, never kept: the whole configuration's schema then names the draft's other
 * problems (an unknown centre, an unplayable URL) in the same answer.
 */
export function roughCameraFromDraft(payload: unknown, id: string): Record<string, unknown> {
  const draft = isObj(payload) ? payload : {};
  const streams = isObj(draft.streams) ? { ...draft.streams } : draft.streams;
  if (isObj(streams)) {
    for (const quality of ['sub', 'main'] as const) {
      if (isObj(streams[quality])) streams[quality] = roughEndpoint(streams[quality]);
    }
  }
  return { ...draft, id, streams };
}

function roughEndpoint(draft: Record<string, unknown>): Record<string, unknown> {
  const { auth, ...rest } = draft;
  const url = typeof rest.url === 'string' ? rest.url.trim() : rest.url;
  if (!isObj(auth) || auth.type === 'none') return { ...rest, url };
  const plain: Record<string, unknown> = { ...auth };
  for (const field of ['password', 'token', 'secret']) {
    const secret = plain[field];
    if (isObj(secret)) plain[field] = typeof secret.value === 'string' ? secret.value : 'kept';
  }
  return { ...rest, url, auth: plain };
}

/** An id from a name: "Quầy 1 – Cẩm Đoài" → "quay-1-cam-doai", unique among `taken`. */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'item';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
