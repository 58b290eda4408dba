// electron-builder cannot package here (it downloads Electron), so its configuration is at
// least checked against electron-builder's own schema and our hardening rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

async function loadConfig(): Promise<Record<string, unknown>> {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig: (dir: string, path: string | null) => Promise<Record<string, unknown>>;
  };
  return getConfig(process.cwd(), 'electron-builder.yml');
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('turns the Electron fuses that matter off (run-as-node, NODE_OPTIONS, inspect) and asar-only on', async () => {
    const fuses = (await loadConfig()).electronFuses as Record<string, boolean>;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('ships the demo clips the main process streams', () => {
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/from: assets/);
  });
});
