// The signed configuration bundle (docs/provisioning.md): an envelope around canonical JSON
// payload bytes, signed with Ed25519 over a domain-separated message so that a signature made
// for anything else (another format, another version) can never pass as a bundle signature.

export const BUNDLE_FORMAT = 'one-stop-wall-bundle';
export const BUNDLE_VERSION = 1;
export const SIGNATURE_DOMAIN = 'one-stop-wall-bundle-v1\n';
export const BUNDLE_EXTENSION = '.owb';

/** The parts of a wall configuration a bundle may manage. */
export const MANAGEABLE_PARTS = ['sites', 'cameras', 'layouts', 'schedule'] as const;
export type ManagedPart = (typeof MANAGEABLE_PARTS)[number];

/**
 * Where each part lives in the wall's settings. The settings file holds one `layout`; the part
 * is called `layouts` so that a later multi-layout model keeps the same bundle vocabulary.
 */
export const PART_KEYS: Record<ManagedPart, 'sites' | 'cameras' | 'layout' | 'schedule'> = {
  sites: 'sites',
  cameras: 'cameras',
  layouts: 'layout',
  schedule: 'schedule',
};

export const isManagedPart = (value: unknown): value is ManagedPart =>
  typeof value === 'string' && (MANAGEABLE_PARTS as readonly string[]).includes(value);

/** Configuration parts, keyed as in the settings file (`layout`, not `layouts`). */
export type ManagedConfig = Partial<Record<'sites' | 'cameras' | 'layout' | 'schedule', unknown>>;

export interface BundlePayload {
  /** ISO 8601 instants. */
  issuedAt: string;
  expiresAt: string;
  /** Increases with every bundle IT signs for a fleet; a PC never applies one <= its last. */
  sequence: number;
  /** The fleet's name, shown to IT and checked against the PC's expected fleet if it has one. */
  fleet: string;
  manages: ManagedPart[];
  config: ManagedConfig;
}

export interface BundleEnvelope {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** base64url of the canonical JSON bytes of a BundlePayload. */
  payload: string;
  /** base64url of Ed25519(SIGNATURE_DOMAIN bytes + payload bytes). */
  signature: string;
  keyId: string;
}

/** The exact bytes that are signed: the domain string, then the payload bytes. */
export function signedMessage(payloadBytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(SIGNATURE_DOMAIN, 'utf8'), payloadBytes]);
}

/** Any settings object; the parts a bundle does not manage are carried through untouched. */
export type SettingsLike = Record<string, unknown>;
