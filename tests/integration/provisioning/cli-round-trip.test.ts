// IT's round trip through the real command line: keygen → sign → verify → diff, in child
// processes, on the example configuration shipped in docs/.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const EXAMPLE = join(ROOT, 'docs/wall.example.json');
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SECRETS = ['change-me', 'the-gateway-play-secret'];
let dir: string;

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      // tsx is resolved from the repository: the commands run in a temp folder, like IT's.
      ['--import', TSX_LOADER, join(ROOT, 'tools/wall-provision.ts'), ...args],
      { cwd: dir },
      (error, out, err) => done({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'owb-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wall-provision CLI', () => {
  it('keygen → sign → verify → diff', async () => {
    const keygen = await cli('keygen', '--out', 'keys');
    expect(keygen.code).toBe(0);
    const keyId = /Key id: (ed25519:[0-9a-f]{16})/.exec(keygen.out)?.[1];
    expect(keyId).toBeDefined();
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'keys/signing-key.pem')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'keys/fleet.key')).mode & 0o777).toBe(0o600);
    }
    expect((await cli('keygen', '--out', 'keys')).code).toBe(1); // never overwrites a key

    const keys = ['--key', 'keys/signing-key.pem', '--fleet-key', 'keys/fleet.key'];
    const sign = await cli(
      'sign',
      ...keys,
      '--config',
      EXAMPLE,
      '--manages',
      'sites,cameras',
      '--sequence',
      '3',
      '--expires-days',
      '30',
      '--out',
      'b.owb',
    );
    expect(sign).toMatchObject({ code: 0 });
    const bundleText = readFileSync(join(dir, 'b.owb'), 'utf8');
    const payloadText = Buffer.from(JSON.parse(bundleText).payload, 'base64url').toString();
    for (const secret of SECRETS) expect(payloadText).not.toContain(secret);

    const verify = await cli('verify', '--pub', 'keys/public-key.pem', 'b.owb');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain(`Valid: bundle 3 for fleet "district", signed by ${keyId}`);
    const replay = await cli(
      'verify',
      '--pub',
      'keys/public-key.pem',
      '--last-sequence',
      '3',
      'b.owb',
    );
    expect(replay.code).toBe(1);
    expect(replay.err).toMatch(/not newer than the last applied bundle \(3\)/);

    const current = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    current.cameras = current.cameras.slice(1);
    current.layout.cameraIds[0] = null;
    current.cameras[0].streams.sub.url =
      'rtsp://192.0.2.21:554/cam/realmonitor?channel=1&subtype=1';
    current.cameras[0].streams.sub.auth.password = 'old-secret';
    writeFileSync(join(dir, 'current.json'), JSON.stringify(current));
    const diff = await cli(
      'diff',
      '--pub',
      'keys/public-key.pem',
      '--fleet-key',
      'keys/fleet.key',
      '--current',
      'current.json',
      'b.owb',
    );
    expect(diff.code).toBe(0);
    expect(diff.out.split('\n').filter(Boolean)).toEqual([
      'Bundle 3 would change:',
      '  Camera added: "Quầy 1" (huyen-quay-1) at centre huyen, host 192.0.2.10:554',
      '  Camera changed: "Quầy tiếp nhận" (cam-doai-quay-1): sub stream moved from host 192.0.2.21:554 to 192.0.2.20:554; sub stream credentials changed',
    ]);
    for (const secret of [...SECRETS, 'old-secret']) expect(diff.out).not.toContain(secret);
  });

  it('refuses a tampered bundle, a wrong key, a bad config and bad usage', async () => {
    await cli('keygen', '--out', 'k2');
    await cli('keygen', '--out', 'k3');
    const keys = ['--key', 'k2/signing-key.pem', '--fleet-key', 'k2/fleet.key'];
    await cli(
      'sign',
      ...keys,
      '--config',
      EXAMPLE,
      '--manages',
      'cameras,sites',
      '--sequence',
      '1',
      '--out',
      'c.owb',
    );
    const env = JSON.parse(readFileSync(join(dir, 'c.owb'), 'utf8'));
    const bytes = Buffer.from(env.payload, 'base64url');
    bytes[10]! ^= 1;
    writeFileSync(
      join(dir, 'tampered.owb'),
      JSON.stringify({ ...env, payload: bytes.toString('base64url') }),
    );
    const tampered = await cli('verify', '--pub', 'k2/public-key.pem', 'tampered.owb');
    expect(tampered).toMatchObject({ code: 1 });
    expect(tampered.err).toMatch(/signature does not match the pinned key/);
    expect((await cli('verify', '--pub', 'k3/public-key.pem', 'c.owb')).err).toMatch(
      /does not trust/,
    );
    const wrongFleet = await cli(
      'diff',
      '--pub',
      'k2/public-key.pem',
      '--fleet-key',
      'k3/fleet.key',
      '--current',
      EXAMPLE,
      'c.owb',
    );
    expect(wrongFleet.code).toBe(1);
    expect(wrongFleet.err).toMatch(/another fleet key/);

    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ schemaVersion: 1, sites: [], cameras: [] }),
    );
    const bad = await cli(
      'sign',
      ...keys,
      '--config',
      'bad.json',
      '--manages',
      'sites',
      '--sequence',
      '2',
      '--out',
      'd.owb',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a valid wall configuration:\n {2}sites: must be a non-empty list/);
    const usage = await cli(
      'sign',
      ...keys,
      '--config',
      EXAMPLE,
      '--manages',
      'users',
      '--sequence',
      '2',
      '--out',
      'd.owb',
    );
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--manages takes sites, cameras, layouts, schedule \(not users\)/);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
