// "Test" in the camera form: the endpoint as the form has it (not saved) through the same
// protocol code a tile's session uses (registry.ts), probed once (core/probe-source.ts), and
// through the same login gate as the wall's streams (core/login-gate.ts): a camera locks the
// PC's address out after repeated failed logins, whether a tile or staff's Test spent them.
// So a test of credentials the camera refused waits out the back-off like a tile would, and
// a test the camera refuses starts (or lengthens) the back-off the tiles then respect.
import type { CameraTestOutcome } from '../contract/settings-view';
import type { StreamEndpoint } from '../settings/settings-model';
import type { LoginGate } from './core/login-gate';
import { loginIdentity } from './core/login-identity';
import { probeSource, type ProbeOptions } from './core/probe-source';
import { sourceForEndpoint } from './protocols/registry';

export interface CameraProbeOptions extends ProbeOptions {
  assetsDir: string;
  log: (line: string) => void;
  /** The wall's login gate; null tests with no back-off (a host without streams). */
  loginGate: LoginGate | null;
}

export async function probeEndpoint(
  endpoint: StreamEndpoint,
  options: CameraProbeOptions,
): Promise<CameraTestOutcome> {
  const factory = sourceForEndpoint(endpoint, options);
  if ('error' in factory) {
    options.log(`settings: test of ${options.label}: ${factory.error}`);
    return { ok: false, state: 'error' };
  }
  const identity = loginIdentity(endpoint.url, endpoint.auth);
  if (!identity || !options.loginGate) return probeSource(factory, options);
  const admission = options.loginGate.admit(identity);
  if (!admission.go) {
    options.log(
      `settings: test of ${options.label} held back by the login back-off of ${identity.user || '(no user)'}@${identity.server}`,
    );
    return {
      ok: false,
      state: admission.refused ? 'auth-failed' : 'connecting',
      detail: admission.refused
        ? `Not tried: ${identity.server} refused these credentials recently; the next login waits for the back-off, so that this PC is not locked out.`
        : `Not tried: another stream of ${identity.server} is logging in as this user right now.`,
      login: { heldBack: true, retryAt: admission.retryAt },
    };
  }
  const outcome = await probeSource(factory, options).catch((error: unknown) => {
    admission.turn.release();
    throw error;
  });
  if (outcome.ok) admission.turn.accepted();
  else if (outcome.state === 'auth-failed') {
    return { ...outcome, login: { heldBack: false, retryAt: admission.turn.refused() } };
  } else admission.turn.release();
  return outcome;
}
