// URLs appear in logs and status details; credentials must never do so.

const SECRET_PARAMS = [
  'sign',
  'token',
  'access_token',
  'auth',
  'key',
  'password',
  'pass',
  'secret',
];

/** Removes userinfo and masks credential-like query parameters. Never throws. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()]) {
      if (SECRET_PARAMS.includes(name.toLowerCase())) url.searchParams.set(name, '***');
    }
    return url.toString();
  } catch {
    // Not a URL (a typo in the configuration): a password may hold '@', '/' or spaces here,
    // so mask everything up to the last '@', and the values of secret-looking parameters.
    const secretParam = new RegExp(`([?&;](?:${SECRET_PARAMS.join('|')})=)[^&#\\s]*`, 'gi');
    return raw.replace(/\/\/.*@/s, '//***@').replace(secretParam, '$1***');
  }
}
