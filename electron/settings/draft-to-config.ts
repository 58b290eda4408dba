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
