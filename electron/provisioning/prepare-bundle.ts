// The whole check a PC runs before applying a bundle, shared by the poller and the CLI's diff:
// verify the signature and window, decrypt the secrets with the fleet key, merge over the
// current settings, and validate the result as the wall would at start-up.
import { parseSchedule } from '../schedule/validate-schedule';
import { parseSettings } from '../settings/validate-settings';
import type { BundlePayload, SettingsLike } from './bundle-format';
import { describeChanges, type ChangeReport } from './describe-changes';
import { decryptConfigSecrets } from './fleet-secrets';
import { mergeBundle } from './merge-bundle';
import { verifyBundle, type RefusalKind, type VerifyOptions } from './verify-bundle';

export type PrepareRefusal = RefusalKind | 'wrong-fleet-key' | 'invalid-config';

export type PrepareResult =
  | {
      ok: true;
      payload: BundlePayload;
      payloadBytes: Buffer;
      /** The merged settings, secrets decrypted: what the wall should run. */
      next: SettingsLike;
      changes: ChangeReport;
    }
  | { ok: false; kind: PrepareRefusal; message: string; sequence?: number };

export interface PrepareOptions extends VerifyOptions {
  fleetKey: Buffer;
  /** The zone a schedule without one uses; only needed to validate it. */
  defaultTimeZone?: string;
}

export function prepareBundle(
  text: string,
  current: SettingsLike,
  options: PrepareOptions,
): PrepareResult {
  const verified = verifyBundle(text, options);
  if (!verified.ok) return verified;
  const { payload, payloadBytes } = verified;
  const sequence = payload.sequence;
  const decrypted = decryptConfigSecrets(payload.config, options.fleetKey);
  if (!decrypted.ok) {
    return { ok: false, kind: 'wrong-fleet-key', message: decrypted.message, sequence };
  }
  const next = mergeBundle(current, { manages: payload.manages, config: decrypted.value });
  const errors: string[] = [];
  const settings = parseSettings(next);
  if (!settings.ok) errors.push(...settings.errors);
  if (next.schedule !== undefined) {
    const schedule = parseSchedule(next.schedule, options.defaultTimeZone ?? 'Asia/Ho_Chi_Minh');
    if (!schedule.ok) errors.push(...schedule.errors);
  }
  if (errors.length > 0) {
    return {
      ok: false,
      kind: 'invalid-config',
      sequence,
      message: `Bundle ${sequence} would leave the wall with settings it cannot use: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}. Fix the configuration and sign it again with a higher sequence.`,
    };
  }
  return { ok: true, payload, payloadBytes, next, changes: describeChanges(current, next) };
}
