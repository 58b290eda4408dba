import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../electron/settings/load-config-file';
import {
  moveFileSecretsToVault,
  VaultMoveError,
} from '../../../electron/settings/move-file-secrets';
import { settingsFile } from '../../../electron/settings/settings-model';
import { keyFileCodec } from '../../../electron/settings/vault/key-file-codec';
import { SecretVault } from '../../../electron/settings/vault/secret-vault';
import { revealVaultRefs } from '../../../electron/settings/vault/vault-secrets';

const dirs: string[] = [];
const fresh = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const URL_PASSWORD = 'FilePa55';
const AUTH_PASSWORD = 'Auth#Pa55-77';

/** IT's folder with a file holding two plain-text passwords, and a vault in the data folder. */
function setUp() {
  const itDir = fresh('it-folder');
  const dataDir = fresh('data-folder');
  const file = join(itDir, 'wall.json');
  const text = `${JSON.stringify(
    {
      schemaVersion: 1,
      sites: [{ id: 'huyen', name: 'Một cửa huyện' }],
      cameras: [
        {
          id: 'cam-1',
          siteId: 'huyen',
          name: 'Quầy 1',
          streams: { sub: { url: `rtsp://admin:${URL_PASSWORD}@10.0.0.5/1` } },
        },
        {
          id: 'cam-2',
          siteId: 'huyen',
          name: 'Quầy 2',
          streams: {
            sub: {
              url: 'rtsp://10.0.0.6/1',
              auth: { type: 'password', username: 'viewer', password: AUTH_PASSWORD },
            },
          },
        },
      ],
      layout: { preset: '2x2', cameraIds: ['cam-1', 'cam-2'] },
    },
    null,
    2,
  )}\n`;
  writeFileSync(file, text, { mode: 0o644 });
  const vault = new SecretVault(
    join(dataDir, 'vault.json'),
    keyFileCodec(join(dataDir, 'vault.key')),
    'key-file',
  );
  return { itDir, dataDir, file, text, vault };
}

/** Every file in the folder whose bytes hold a password in clear. */
function filesWithPasswords(dir: string): string[] {
  return readdirSync(dir).filter((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    return text.includes(URL_PASSWORD) || text.includes(AUTH_PASSWORD);
  });
}

describe('moving IT’s plain-text secrets into the vault', () => {
  it('rewrites the file with references, keeps no copy in clear, and the wall connects the same', () => {
    const { itDir, dataDir, file, vault } = setUp();
    const before = settingsFile(loadConfigFile(file));
    const result = moveFileSecretsToVault(file, vault, null);
    expect(result.moved).toBe(2);
    const rewritten = readFileSync(file, 'utf8');
    expect(rewritten).toContain('vault:cam-1/sub/password');
    expect(rewritten).toContain('vault:cam-2/sub/password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The file alone in IT's folder (no backup, no temporary), and no password in clear anywhere.
    expect(readdirSync(itDir)).toEqual(['wall.json']);
    expect(filesWithPasswords(itDir)).toEqual([]);
    expect(filesWithPasswords(dataDir)).toEqual([]);
    expect(vault.reveal('vault:cam-1/sub/password')).toBe(URL_PASSWORD);
    expect(vault.reveal('vault:cam-2/sub/password')).toBe(AUTH_PASSWORD);
    const after = revealVaultRefs(settingsFile(loadConfigFile(file)), vault);
    expect(after).toEqual({ ok: true, settings: before });
  });

  it('a failed write leaves the original file exactly as it was, and no temporary file', () => {
    const { itDir, file, text, vault } = setUp();
    const move = () =>
      moveFileSecretsToVault(file, vault, null, {
        afterStep: (step) => {
          if (step === 'temp-synced')
            throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        },
      });
    expect(move).toThrow(VaultMoveError);
    expect(move).toThrow(/unchanged.*ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(itDir)).toEqual(['wall.json']);
  });

  it('a rewritten file that does not read back as meant is replaced by the original', () => {
    const { itDir, file, text, vault } = setUp();
    const move = () =>
      moveFileSecretsToVault(file, vault, null, {
        // A disk that loses the end of the file after the rename.
        afterStep: (step) => {
          if (step === 'renamed') writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
        },
      });
    expect(move).toThrow(/could not be read back/);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(itDir)).toEqual(['wall.json']);
  });

  it('a second move finds nothing left and the file still reads the same', () => {
    const { file, vault } = setUp();
    moveFileSecretsToVault(file, vault, null);
    const once = readFileSync(file, 'utf8');
    expect(moveFileSecretsToVault(file, vault, null).moved).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });
});
