// The settings model: what IT provides in a configuration file (sites, cameras, the layout)
// and what the wall remembers (layout, language). Plain data, no I/O. Credentials live in
// `auth` here only while the configuration is read; the main process keeps them and never
// sends them to the renderer.
import type { CameraAvailability, LayoutSelection, Locale } from '../contract/wall-contract';

export const SETTINGS_SCHEMA_VERSION = 1;

/**
 * How the main process authenticates to an upstream.
 * - password: HTTP Basic for http(s)/ws(s) URLs; Digest (or Basic when offered) for rtsp(s).
 * - bearer: `Authorization: Bearer <token>` for http(s)/ws(s).
 * - nms-sign: Node-Media-Server signed URLs, `?sign=<exp>-<md5("/app/name-<exp>-<secret>")>`,
 *   re-signed before each connection and before expiry.
 */
export type AuthSettings =
  | { type: 'password'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'nms-sign'; secret: string; ttlSeconds?: number };

export interface StreamEndpoint {
  /** rtsp://, rtsps://, http(s)://…flv, ws(s)://…flv, http(s)://…ts, or demo:<clip>. */
  url: string;
  auth?: AuthSettings;
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
  /** Defaults to 'installed'. */
  availability?: CameraAvailability;
  /** The sub stream plays in the grid; the main stream when a tile is maximised. */
  streams: { sub: StreamEndpoint; main?: StreamEndpoint };
}

export interface WallSettings {
  schemaVersion: typeof SETTINGS_SCHEMA_VERSION;
  locale: Locale;
  sites: SiteSettings[];
  cameras: CameraSettings[];
  layout: LayoutSelection;
}

// The presets are the contract's; validate-settings.ts still reads them from here.
export { LAYOUT_PRESETS, presetCellCount } from '../contract/layout-presets';
