// The settings as the staff screens see and change them. Never a secret: a camera's password,
// token or signing secret appears only as "there is one" and the vault reference that holds
// it. What the screens send back (drafts) may carry a new secret once; main moves it into the
// vault at once and answers with views again. Field errors are structured so that each can be
// shown next to its field, in either language.
import type { Locale } from './locales';
import type {
  CameraAvailability,
  FailureReason,
  Quality,
  StreamState,
  VideoCodec,
} from './wall-contract';

/** A sentence in every language of the wall. */
export type LocalText = Record<Locale, string>;

/**
 * Where a setting comes from. `file`: IT's configuration file (--config, the environment
 * variable, wall.json); the screens show it read-only. `local`: added on this PC through the
 * screens and kept in the settings store.
 */
export type SettingsOrigin = 'file' | 'local';

/** The upstream kinds a stream URL can name (classified by main, never by the screens). */
export type StreamUrlKindView = 'rtsp' | 'http-flv' | 'ws-flv' | 'http-ts' | 'demo';

/** A reference to one secret in the vault, for example `vault:cam-3/sub/password`. */
export type VaultRef = string;

/** How an endpoint logs in, without its secret. */
export type AuthView =
  | { type: 'none' }
  | {
      type: 'password';
      username: string;
      /** Whether a password is stored. Never the password. */
      hasPassword: boolean;
      /** Where it is kept; null while it still sits in plain text in the configuration file. */
      vaultRef: VaultRef | null;
      allowBasicOverCleartext: boolean;
    }
  | { type: 'bearer'; hasToken: boolean; vaultRef: VaultRef | null }
  | { type: 'nms-sign'; hasSecret: boolean; vaultRef: VaultRef | null; ttlSeconds: number | null };

export interface EndpointView {
  /** The stream URL, with any user:password@ taken out (it lives in `auth`). */
  url: string;
  kind: StreamUrlKindView;
  auth: AuthView;
  tls: { ca?: string; fingerprint?: string } | null;
  allowBasicOverCleartext: boolean;
  allowRedirectTo: string[];
}

export interface CentreView {
  id: string;
  name: string;
  shortName: string | null;
  /** Position in the list (0 first: the district centre, then the communes). */
  order: number;
  origin: SettingsOrigin;
}

export interface CameraSettingsView {
  id: string;
  siteId: string;
  name: string;
  availability: CameraAvailability;
  streams: { sub: EndpointView; main: EndpointView | null };
  origin: SettingsOrigin;
}

/**
 * How the vault protects secrets on this PC.
 * - os-keystore: Electron's safeStorage with a real key store (DPAPI, keychain, libsecret).
 * - obscured: Linux with only basic_text: the secrets are only obscured, not encrypted.
 * - key-file: the preview host: a key in a file readable by this user only (0600).
 * - none: no way to keep secrets apart; they stay where they are.
 */
export type VaultProtection = 'os-keystore' | 'obscured' | 'key-file' | 'none';

export interface SettingsView {
  schemaVersion: number;
  /** Where the file part came from; null when there is no configuration file (demo/local). */
  configFile: string | null;
  centres: CentreView[];
  cameras: CameraSettingsView[];
  vault: {
    protection: VaultProtection;
    /** Secrets still written in plain text in the configuration file (moveSecretsToVault). */
    plainTextSecretsInFile: number;
  };
}

/**
 * One problem with one field. `path` is relative to what was sent (a draft's own fields, or
 * the whole configuration for the file and imports), e.g. ['streams', 'sub', 'url'] or
 * ['cameras', 3, 'siteId']; `field` is the same path written 'streams.sub.url'.
 */
export interface FieldError {
  path: (string | number)[];
  field: string;
  /** Stable machine code, e.g. 'required', 'invalid-id', 'duplicate-id', 'unknown-site'. */
  code: string;
  message: LocalText;
}

/** The answer to every change: the new settings, or why nothing was saved (every field). */
export type SettingsChange =
  | {
      saved: true;
      settings: SettingsView;
      /** Cameras whose streams were reconnected because their settings changed. */
      reconnected: string[];
    }
  | { saved: false; errors: FieldError[] };

/** A secret field in a draft: keep the stored one, or store this new value (into the vault). */
export type SecretDraft = { keep: true } | { value: string };

export type AuthDraft =
  | { type: 'none' }
  | {
      type: 'password';
      username: string;
      password: SecretDraft;
      allowBasicOverCleartext?: boolean;
    }
  | { type: 'bearer'; token: SecretDraft }
  | { type: 'nms-sign'; secret: SecretDraft; ttlSeconds?: number };

export interface EndpointDraft {
  url: string;
  auth: AuthDraft;
  tls?: { ca?: string; fingerprint?: string };
  allowBasicOverCleartext?: boolean;
  allowRedirectTo?: string[];
}

export interface CentreDraft {
  /** Absent: a new centre (main makes the id from the name). */
  id?: string;
  name: string;
  shortName?: string;
  /** Where to put it in the list; absent keeps its place (a new one goes last). */
  order?: number;
}

export interface CameraDraft {
  /** Absent: a new camera (main makes the id from the name). */
  id?: string;
  siteId: string;
  name: string;
  availability: CameraAvailability;
  streams: { sub: EndpointDraft; main?: EndpointDraft };
}

/** Test one stream of a camera as it stands in the form (not saved). */
export interface CameraTestRequest {
  endpoint: EndpointDraft;
  /** With `{ keep: true }` secrets: the saved camera (and stream) whose secret to use. */
  cameraId?: string;
  quality: Quality;
}

/**
 * What a test found: the first keyframe's codec, size and frame rate, or the failure as a
 * tile would have it (state, reason, protocol status): the screens word it as the tile does.
 */
export type CameraTestOutcome =
  | {
      ok: true;
      codec: VideoCodec;
      width: number;
      height: number;
      /** Frames per second, when the stream says (SPS timing) or it can be measured. */
      fps: number | null;
    }
  | {
      ok: false;
      state: StreamState;
      reason?: FailureReason;
      protocolStatus?: number;
      /** The camera's or library's own short words ("RTSP 401 Unauthorized"), shown apart. */
      detail?: string;
      /**
       * The camera's login back-off, shared with the wall's streams (a camera locks the PC out
       * after repeated failed logins): `heldBack` when the test was not tried at all, else this
       * test's refusal starts it. `retryAt` (epoch ms) is when a login may be tried again; null
       * while another stream of this camera is logging in with the same user.
       */
      login?: { heldBack: boolean; retryAt: number | null };
    }
  | { ok: false; state: 'invalid'; errors: FieldError[] };

/** How secrets travel in an export. */
export type ExportSecrets = { mode: 'omit' } | { mode: 'passphrase'; passphrase: string };

export interface SettingsExport {
  /** Suggested file name, e.g. one-stop-wall-2026-11-30.json. */
  fileName: string;
  /** The whole configuration as JSON text. */
  json: string;
  /** How many secrets it carries (encrypted by the passphrase), 0 without them. */
  secretCount: number;
}

export interface SettingsImport {
  json: string;
  /** Needed when the export carries secrets; a wrong one is a FieldError on ['passphrase']. */
  passphrase?: string;
}

export interface MovedSecrets {
  /** How many plain-text secrets left the file for the vault. */
  moved: number;
  settings: SettingsView;
}

/**
 * What the status line says about the settings (no PIN needed: the wall shows it). `blocking`
 * is set only when no configuration has ever worked on this PC: the wall then shows the
 * problems full screen and starts by itself once the file is fixed.
 */
export interface SettingsNotice {
  /** Stable, so the status line can replace a notice rather than stack it. */
  id:
    | 'config-file-invalid'
    | 'store-damaged'
    | 'local-settings-migration'
    | 'local-not-shown'
    | 'secrets-obscured'
    | 'secrets-key-file'
    | 'plain-text-secrets'
    | 'secrets-missing'
    | 'heartbeat-failing'
    | 'provisioning';
  severity: 'info' | 'warning' | 'error';
  message: LocalText;
  /** The file's problems, every field, when the notice is about the configuration file. */
  problems?: FieldError[];
}

export interface SettingsStatus {
  notices: SettingsNotice[];
  /** Non-null: nothing to start on; show these full screen until the file is fixed. */
  blocking: { file: string; problems: FieldError[] } | null;
}

/** The answer of every settings verb that is not built yet (the first contract commit). */
export const SETTINGS_NOT_YET_ERROR = 'Not yet: the settings back end is being built.';
