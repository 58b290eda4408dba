// The camera form as plain data, and what it sends: a CameraDraft for saving, a
// CameraTestRequest for the Test button. Pure; the rules themselves are main's (the one
// schema) and the contract's URL builder, never a second copy here.
import {
  buildBrandUrls,
  type AuthDraft,
  type AuthView,
  type CameraAvailability,
  type CameraBrand,
  type CameraDraft,
  type CameraSettingsView,
  type CameraTestRequest,
  type EndpointDraft,
  type EndpointView,
  type FieldError,
  type Quality,
  type SecretDraft,
  type SettingsOrigin,
} from '../../contract';
import { detectBrand } from './brand-detect';

/** A password, token or key: never shown once stored; replaced only when staff type anew. */
export interface SecretInput {
  stored: boolean;
  replacing: boolean;
  value: string;
}

export type AuthKind = AuthView['type'];

/** The logins a typed stream can use, in the order the form offers them. */
export const AUTH_KINDS: readonly AuthKind[] = ['password', 'none', 'bearer', 'nms-sign'];

export interface EndpointForm {
  url: string;
  authType: AuthKind;
  username: string;
  secret: SecretInput;
  /** What the form does not edit but must send back unchanged. */
  kept: Pick<EndpointDraft, 'tls' | 'allowBasicOverCleartext' | 'allowRedirectTo'> & {
    passwordAllowsBasic?: boolean;
    ttlSeconds?: number;
  };
}

export interface BrandForm {
  brand: CameraBrand;
  address: string;
  channel: string;
  username: string;
  secret: SecretInput;
}

export type CameraFormMode = 'brand' | 'url';

export interface CameraForm {
  id: string | null;
  origin: SettingsOrigin;
  siteId: string;
  name: string;
  availability: CameraAvailability;
  mode: CameraFormMode;
  brand: BrandForm;
  sub: EndpointForm;
  hasMain: boolean;
  main: EndpointForm;
}

export type Built<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const NEW_SECRET: SecretInput = { stored: false, replacing: false, value: '' };

export function secretDraft(secret: SecretInput): SecretDraft {
  return secret.stored && !secret.replacing ? { keep: true } : { value: secret.value };
}

function emptyEndpoint(): EndpointForm {
  return { url: '', authType: 'password', username: '', secret: NEW_SECRET, kept: {} };
}

export function newCameraForm(siteId: string): CameraForm {
  return {
    id: null,
    origin: 'local',
    siteId,
    name: '',
    availability: 'installed',
    mode: 'brand',
    brand: { brand: 'hikvision', address: '', channel: '1', username: '', secret: NEW_SECRET },
    sub: emptyEndpoint(),
    hasMain: false,
    main: emptyEndpoint(),
  };
}

function storedSecret(auth: AuthView): SecretInput {
  const stored =
    (auth.type === 'password' && auth.hasPassword) ||
    (auth.type === 'bearer' && auth.hasToken) ||
    (auth.type === 'nms-sign' && auth.hasSecret);
  return { stored, replacing: false, value: '' };
}

export function endpointForm(view: EndpointView): EndpointForm {
  const { auth } = view;
  const kept: EndpointForm['kept'] = {};
  if (view.tls !== null) kept.tls = view.tls;
  if (view.allowBasicOverCleartext) kept.allowBasicOverCleartext = true;
  if (view.allowRedirectTo.length > 0) kept.allowRedirectTo = view.allowRedirectTo;
  if (auth.type === 'password' && auth.allowBasicOverCleartext) kept.passwordAllowsBasic = true;
  if (auth.type === 'nms-sign' && auth.ttlSeconds !== null) kept.ttlSeconds = auth.ttlSeconds;
  return {
    url: view.url,
    authType: auth.type,
    username: auth.type === 'password' ? auth.username : '',
    secret: storedSecret(auth),
    kept,
  };
}

export function cameraFormFromView(view: CameraSettingsView): CameraForm {
  const blank = newCameraForm(view.siteId);
  const brand = detectBrand(view);
  const main = view.streams.main;
  return {
    ...blank,
    id: view.id,
    origin: view.origin,
    name: view.name,
    availability: view.availability,
    mode: brand ? 'brand' : 'url',
    brand: brand
      ? {
          brand: brand.brand,
          address: brand.address,
          channel: String(brand.channel),
          username: brand.username,
          secret: { stored: brand.hasPassword, replacing: false, value: '' },
        }
      : blank.brand,
    sub: endpointForm(view.streams.sub),
    hasMain: main !== null,
    main: main ? endpointForm(main) : blank.main,
  };
}

function authDraft(form: EndpointForm): AuthDraft {
  const secret = secretDraft(form.secret);
  switch (form.authType) {
    case 'none':
      return { type: 'none' };
    case 'password':
      return {
        type: 'password',
        username: form.username.trim(),
        password: secret,
        ...(form.kept.passwordAllowsBasic ? { allowBasicOverCleartext: true } : {}),
      };
    case 'bearer':
      return { type: 'bearer', token: secret };
    case 'nms-sign':
      return {
        type: 'nms-sign',
        secret,
        ...(form.kept.ttlSeconds !== undefined ? { ttlSeconds: form.kept.ttlSeconds } : {}),
      };
  }
}

export function endpointDraft(form: EndpointForm): EndpointDraft {
  const { passwordAllowsBasic: _basic, ttlSeconds: _ttl, ...kept } = form.kept;
  return { url: form.url.trim(), auth: authDraft(form), ...kept };
}

/** Both streams as the form stands: typed, or built from brand, address and channel. */
export function formStreams(form: CameraForm): Built<CameraDraft['streams']> {
  if (form.mode === 'url') {
    const sub = endpointDraft(form.sub);
    return { ok: true, value: form.hasMain ? { sub, main: endpointDraft(form.main) } : { sub } };
  }
  const built = buildBrandUrls({
    brand: form.brand.brand,
    address: form.brand.address,
    channel: form.brand.channel.trim() === '' ? Number.NaN : Number(form.brand.channel),
    username: form.brand.username,
    password: secretDraft(form.brand.secret),
  });
  if (!built.ok) {
    // The builder names its own fields ('address'); in this form they sit under 'brand.'.
    const errors = built.errors.map((e) => ({
      ...e,
      path: ['brand', ...e.path],
      field: `brand.${e.field}`,
    }));
    return { ok: false, errors };
  }
  return { ok: true, value: { sub: built.sub, main: built.main } };
}

export function cameraDraft(form: CameraForm): Built<CameraDraft> {
  const streams = formStreams(form);
  if (!streams.ok) return streams;
  return {
    ok: true,
    value: {
      ...(form.id !== null ? { id: form.id } : {}),
      siteId: form.siteId,
      name: form.name.trim(),
      availability: form.availability,
      streams: streams.value,
    },
  };
}

/** What the Test button of one stream asks main; a saved camera lends its stored secrets. */
export function cameraTestRequest(form: CameraForm, quality: Quality): Built<CameraTestRequest> {
  const streams = formStreams(form);
  if (!streams.ok) return streams;
  const endpoint = quality === 'main' ? streams.value.main : streams.value.sub;
  if (endpoint === undefined) return { ok: false, errors: [] };
  return {
    ok: true,
    value: { endpoint, quality, ...(form.id !== null ? { cameraId: form.id } : {}) },
  };
}
