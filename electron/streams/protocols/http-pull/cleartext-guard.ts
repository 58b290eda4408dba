// HTTP Basic over http:// or ws:// hands the password to anyone on the path (a shared office
// switch, a compromised router), so a pull refuses it unless the camera's configuration says
// `allowBasicOverCleartext: true`. The refusal happens before any request is sent: the
// password never leaves the PC. A bearer token over cleartext is only warned about (once per
// endpoint): it is a gateway's revocable key, not a person's password that may open other
// systems, and LAN gateways commonly serve plain http.
import type { AuthSettings } from '../../../settings/settings-model';
import type { SourceFailure } from '../../core/source';
import { splitUserinfo } from './http-auth';

const CLEARTEXT = /^(http|ws):/i;

export function cleartextBasicRefusal(
  url: string,
  auth: AuthSettings | undefined,
  allowed: boolean,
  label: string,
): SourceFailure | undefined {
  const allowedOnAuth = auth?.type === 'password' && auth.allowBasicOverCleartext === true;
  if (allowed || allowedOnAuth || !CLEARTEXT.test(url)) return undefined;
  const basic = auth ? auth.type === 'password' : splitUserinfo(url).userinfo !== undefined;
  if (!basic) return undefined;
  return {
    code: 'protocol-error',
    reason: 'basic-over-cleartext',
    message: `Camera '${label}': the password would be sent in clear text (HTTP Basic over ${url.split(':')[0]}://), so it was not sent. Use https:// or wss://, a bearer token or signed URLs, or set "allowBasicOverCleartext": true for this camera if the network is trusted.`,
  };
}

/** A line for the log when a bearer token will travel unencrypted; undefined otherwise. */
export function cleartextTokenWarning(
  url: string,
  auth: AuthSettings | undefined,
  label: string,
): string | undefined {
  if (auth?.type !== 'bearer' || !CLEARTEXT.test(url)) return undefined;
  return `Camera '${label}': the bearer token is sent unencrypted over ${url.split(':')[0]}://; use https:// or wss:// if the network between this PC and the gateway is not trusted.`;
}

/** The refusal for one request of a pull, if it would carry Basic credentials in clear. */
export function pullCredentialRefusal(
  url: string,
  options: { auth?: AuthSettings; allowBasicOverCleartext?: boolean; label: string },
  withCredentials: boolean,
): SourceFailure | undefined {
  if (!withCredentials) return undefined;
  return cleartextBasicRefusal(
    url,
    options.auth,
    options.allowBasicOverCleartext === true,
    options.label,
  );
}
