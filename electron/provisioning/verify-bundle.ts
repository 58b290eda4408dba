// Checks a bundle before anything of it is used: envelope, pinned key, signature over the exact
// received bytes, validity window, replay, managed parts. Pure: time and the last applied
// sequence come in as arguments. Each refusal says what IT should do next and never echoes
// the bundle's content (it may be anything, including someone's secrets pasted by mistake).
import { verify } from 'node:crypto';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  MANAGEABLE_PARTS,
  PART_KEYS,
  isManagedPart,
  signedMessage,
  type BundlePayload,
} from './bundle-format';
import { fromBase64urlStrict } from './canonical-json';
import type { PinnedKeys } from './signing-keys';

export type RefusalKind =
  | 'malformed'
  | 'not-a-bundle'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'replayed'
  | 'wrong-fleet'
  | 'manages-nothing'
  | 'unknown-part';

export type VerifyResult =
  | { ok: true; keyId: string; payload: BundlePayload; payloadBytes: Buffer }
  | { ok: false; kind: RefusalKind; message: string; sequence?: number };

export interface VerifyOptions {
  publicKeys: PinnedKeys;
  now: Date;
  /** null when this PC has never applied a bundle. */
  lastAppliedSequence: number | null;
  /** When set, a bundle for another fleet is refused. */
  expectedFleet?: string;
  /** How far the signer's clock may run ahead of this PC's; default 5 minutes. */
  clockSkewMs?: number;
}

const DEFAULT_SKEW_MS = 5 * 60_000;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
// The sequence is only reported once the signature holds: before that it is anyone's claim.
const refuse = (kind: RefusalKind, message: string, sequence?: number): VerifyResult => ({
  ok: false,
  kind,
  message,
  ...(sequence !== undefined ? { sequence } : {}),
});

export function verifyBundle(text: string, options: VerifyOptions): VerifyResult {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return refuse(
      'malformed',
      'The file is not a configuration bundle: it is not readable JSON. Check that the whole .owb file was copied (not truncated or opened and re-saved by an editor), or sign it again.',
    );
  }
  if (!isObj(envelope) || envelope.format !== BUNDLE_FORMAT) {
    return refuse(
      'not-a-bundle',
      'The file is not a One-Stop Wall configuration bundle. Use the .owb file made by "wall-provision sign", not the wall.json it was made from.',
    );
  }
  if (envelope.version !== BUNDLE_VERSION) {
    return refuse(
      'not-a-bundle',
      `The bundle has a format version this wall does not read (it reads version ${BUNDLE_VERSION}). Update the wall, or sign the bundle with the matching tool.`,
    );
  }
  const { payload, signature, keyId } = envelope;
  if (typeof payload !== 'string' || typeof signature !== 'string' || typeof keyId !== 'string') {
    return refuse(
      'malformed',
      'The bundle is damaged: its payload, signature or key id is missing. Copy the .owb file again, or sign it again.',
    );
  }
  const key = options.publicKeys.get(keyId);
  if (!key) {
    return refuse(
      'unknown-key',
      `The bundle was signed with a key this PC does not trust (key id ${/^ed25519:[0-9a-f]{16}$/.test(keyId) ? keyId : '(not a key id)'}; trusted: ${[...options.publicKeys.keys()].join(', ') || 'none'}). Sign it with the fleet's signing key, or install the new public key on this PC first.`,
    );
  }
  const bytes = fromBase64urlStrict(payload);
  const sig = fromBase64urlStrict(signature);
  if (!bytes || !sig || !verify(null, signedMessage(bytes), key, sig)) {
    return refuse(
      'bad-signature',
      `The bundle's signature does not match the pinned key ${keyId}: the file was changed or damaged after signing. Do not use it; copy it again from the source, or sign it again.`,
    );
  }
  return checkPayload(bytes, keyId, options);
}

function checkPayload(bytes: Buffer, keyId: string, options: VerifyOptions): VerifyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const p = isObj(parsed) ? parsed : {};
  const issued = typeof p.issuedAt === 'string' ? Date.parse(p.issuedAt) : NaN;
  const expires = typeof p.expiresAt === 'string' ? Date.parse(p.expiresAt) : NaN;
  const { sequence, fleet, manages, config } = p;
  if (
    Number.isNaN(issued) ||
    Number.isNaN(expires) ||
    typeof fleet !== 'string' ||
    !Number.isSafeInteger(sequence) ||
    !Array.isArray(manages) ||
    !isObj(config)
  ) {
    return refuse(
      'malformed',
      'The bundle is signed but its content is incomplete (dates, sequence, fleet, manages or config). Sign it again with the current wall-provision tool.',
    );
  }
  const seq = sequence as number;
  const now = options.now.getTime();
  if (now >= expires) {
    return refuse(
      'expired',
      `Bundle ${seq} expired on ${new Date(expires).toISOString()}. Ask IT to sign a new bundle with a higher sequence; if this PC's clock is wrong, correct it.`,
      seq,
    );
  }
  if (issued > now + (options.clockSkewMs ?? DEFAULT_SKEW_MS)) {
    return refuse(
      'not-yet-valid',
      `Bundle ${seq} is dated in the future (${new Date(issued).toISOString()}). Check this PC's clock and the signing PC's clock, then try again.`,
      seq,
    );
  }
  if (options.lastAppliedSequence !== null && seq <= options.lastAppliedSequence) {
    return refuse(
      'replayed',
      `Bundle ${seq} is not newer than the last applied bundle (${options.lastAppliedSequence}), so it is an old or replayed bundle. Sign the change again with a sequence above ${options.lastAppliedSequence}.`,
      seq,
    );
  }
  if (options.expectedFleet !== undefined && fleet !== options.expectedFleet) {
    return refuse(
      'wrong-fleet',
      `Bundle ${seq} is for another fleet, not "${options.expectedFleet}". Use the bundle made for this fleet.`,
      seq,
    );
  }
  if (manages.length === 0) {
    return refuse(
      'manages-nothing',
      `Bundle ${seq} manages nothing. Sign it again with --manages listing some of ${MANAGEABLE_PARTS.join(', ')}.`,
      seq,
    );
  }
  const keys = manages.filter(isManagedPart).map((m) => PART_KEYS[m]);
  const unexpected = Object.keys(config).filter((k) => !keys.includes(k as never));
  if (
    keys.length !== manages.length ||
    new Set(keys).size !== keys.length ||
    unexpected.length > 0 ||
    keys.some((k) => !(k in config))
  ) {
    return refuse(
      'unknown-part',
      `Bundle ${seq} names parts this wall does not manage, or its config does not match its list. A bundle may manage only ${MANAGEABLE_PARTS.join(', ')}; update the wall or sign the bundle again.`,
      seq,
    );
  }
  return { ok: true, keyId, payload: parsed as BundlePayload, payloadBytes: bytes };
}
