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
    return raw.replace(/\/\/[^/@]*@/, '//***@');
  }
}
