// The settings model: what IT provides in a configuration file (sites, cameras, the layout)
// and what the wall remembers (layout, language). Plain data, no I/O. Credentials live in
// `auth` here only while the configuration is read; the main process keeps them and never
// sends them to the renderer.
import type { CameraAvailability, LayoutSelection, Locale } from '../contract/wall-contract';
import type { HeartbeatSettings } from './heartbeat-settings';
import type { ScheduleConfig } from './schedule-field';
import type { LookSettings } from './look-settings';
import type { ProvisioningConfig } from './provisioning-field';

import type { CURRENT_SCHEMA_VERSION } from './settings-migrations';

export { CURRENT_SCHEMA_VERSION as SETTINGS_SCHEMA_VERSION } from './settings-migrations';

/**
 * How the main process authenticates to an upstream.
 * - password: HTTP Basic for http(s)/ws(s) URLs; Digest (or Basic when offered) for rtsp(s).
 *   Basic reveals the password to anyone on the path, so over rtsp://, http:// or ws:// it is
 *   used only with `allowBasicOverCleartext: true` (here or on the endpoint).
 * - bearer: `Authorization: Bearer <token>` for http(s)/ws(s).
 * - nms-sign: Node-Media-Server signed URLs, `?sign=<exp>-<md5("/app/name-<exp>-<secret>")>`,
 *   re-signed before each connection and before expiry.
 */
export type AuthSettings =
  | { type: 'password'; username: string; password: string; allowBasicOverCleartext?: boolean }
  | { type: 'bearer'; token: string }
  | { type: 'nms-sign'; secret: string; ttlSeconds?: number };

/** The upstream protocol a stream URL names; derived from the URL when the settings are read. */
export type StreamUrlKind = 'rtsp' | 'http-flv' | 'ws-flv' | 'http-ts' | 'demo';

/**
 * Whom to trust for rtsps://, https:// and wss://. Verification is never turned off: `ca`
 * replaces the system's CAs for this endpoint (a self-signed camera's own certificate is
 * its CA), and `fingerprint` additionally pins the server's leaf certificate.
 */
export interface TlsSettings {
  /** Inline PEM, or the absolute path of a PEM file. */
  ca?: string;
  /** 'sha256:AB:CD:…' (32 bytes, colons optional). */
  fingerprint?: string;
}

/** An endpoint as IT writes it in the configuration file. */
export interface StreamEndpointConfig {
  /** rtsp://, rtsps://, http(s)://…flv, ws(s)://…flv, http(s)://…ts, or demo:<clip>. */
  url: string;
  auth?: AuthSettings;
  tls?: TlsSettings;
  /** Allows HTTP Basic (or an RTSP Basic-only camera) over rtsp://, http:// or ws://. */
  allowBasicOverCleartext?: boolean;
  /** Other servers ("host" or "host:port") a redirect may lead to; same host is always fine. */
  allowRedirectTo?: string[];
}

/** The trust a TLS connection uses, read once when the settings are parsed. */
export interface TlsTrust {
  /** PEM text of the trusted certificates (the file's content when `tls.ca` was a path). */
  ca?: string;
  /** Upper-case hex pairs joined by ':', as Node's X509Certificate.fingerprint256 spells it. */
  fingerprint256?: string;
}

/** An endpoint after validation: its URL is classified once, here, and never again. */
export interface StreamEndpoint extends StreamEndpointConfig {
  kind: StreamUrlKind;
  /** Derived from `tls` (the CA file read, the fingerprint normalised); never written back. */
  tlsTrust?: TlsTrust;
}

/** Whether the configuration allows Basic over a cleartext transport for this endpoint. */
export function basicOverCleartextAllowed(endpoint: StreamEndpointConfig): boolean {
  return (
    endpoint.allowBasicOverCleartext === true ||
    (endpoint.auth?.type === 'password' && endpoint.auth.allowBasicOverCleartext === true)
  );
}

export interface SiteSettings {
  id: string;
  name: string;
  shortName?: string;
}

export interface CameraSettings {
  id: string;
  siteId: string;
  name: string;
  /** 'installed' when the file says nothing (the parser fills it in). */
  availability: CameraAvailability;
  /** The sub stream plays in the grid; the main stream when a tile is maximised. */
  streams: { sub: StreamEndpoint; main?: StreamEndpoint };
}

export interface WallSettings extends LookSettings {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  locale: Locale;
  sites: SiteSettings[];
  cameras: CameraSettings[];
  layout: LayoutSelection;
  /** Office hours as the file gives them (schedule-field.ts); absent: the default hours. */
  schedule?: ScheduleConfig;
  /** IT's heartbeat (heartbeat-settings.ts); absent: nothing is sent. */
  heartbeat?: HeartbeatSettings;
  /** Signed bundles from IT (docs/provisioning.md); absent: this PC is not provisioned. */
  provisioning?: ProvisioningConfig;
}

/** A camera as the configuration file holds it: availability optional, no derived fields. */
export interface CameraConfig extends Omit<CameraSettings, 'availability' | 'streams'> {
  availability?: CameraAvailability;
  streams: { sub: StreamEndpointConfig; main?: StreamEndpointConfig };
}

/** The configuration file's format (what IT writes, what --protect-config writes back). */
export interface WallSettingsFile extends Omit<WallSettings, 'cameras' | 'schemaVersion'> {
  /** Any version this app reads (settings-migrations.ts brings it to the current one). */
  schemaVersion: number;
  cameras: CameraConfig[];
}

/** The file form of parsed settings: derived fields (the URL kind) are never written. */
export function settingsFile(settings: WallSettings): WallSettingsFile {
  const strip = ({
    kind: _kind,
    tlsTrust: _trust,
    ...endpoint
  }: StreamEndpoint): StreamEndpointConfig => endpoint;
  const heartbeat = settings.heartbeat && stripTrust(settings.heartbeat);
  return {
    ...settings,
    ...(heartbeat ? { heartbeat } : {}),
    cameras: settings.cameras.map(({ streams, ...camera }) => ({
      ...camera,
      streams: streams.main
        ? { sub: strip(streams.sub), main: strip(streams.main) }
        : { sub: strip(streams.sub) },
    })),
  };
}

function stripTrust({ tlsTrust: _trust, ...heartbeat }: HeartbeatSettings): HeartbeatSettings {
  return heartbeat;
}
