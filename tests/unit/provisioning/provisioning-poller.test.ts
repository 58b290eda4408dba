import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeStateFs, readState } from '../../../electron/provisioning/atomic-state';
import type { SettingsLike } from '../../../electron/provisioning/bundle-format';
import { encryptConfigSecrets } from '../../../electron/provisioning/fleet-secrets';
import type { BundleFetcher, FetchResult } from '../../../electron/provisioning/https-source';
import {
  createProvisioningPoller,
  type PollerOptions,
} from '../../../electron/provisioning/provisioning-poller';
import { SECRET, days, fleetKey, flipByte, payload, pinned, signed, wall } from './bundle-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'owb-poller-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(serve: () => FetchResult, over: Partial<PollerOptions> = {}) {
  const calls: { etag: string | null }[] = [];
  const fetch: BundleFetcher = async (_url, options) => {
    calls.push(options);
    return serve();
  };
  const applied: SettingsLike[] = [];
  const apply = vi.fn(async (next: SettingsLike) => void applied.push(next));
  const poller = createProvisioningPoller({
    source: { kind: 'https', url: 'https://it.example/wall.owb', fetch },
    publicKeys: pinned,
    fleetKey,
    statePath: join(dir, 'provisioning-state.json'),
    now: () => days(1),
    getCurrent: () => wall(),
    apply,
    ...over,
  });
  return { poller, calls, applied, apply };
}

const body = (text: string, etag: string | null = '"v7"'): FetchResult => ({
  kind: 'body',
  text,
  etag,
});

describe('provisioning poller', () => {
  it('applies a verified bundle with secrets decrypted, and records it atomically', async () => {
    const { poller, applied } = setup(() => body(signed()));
    const status = await poller.pollOnce();
    expect(status).toMatchObject({ outcome: 'applied', sequence: 7 });
    expect(status.message).toBe('bundle 7 applied: no change');
    expect(applied).toEqual([wall()]);
    const state = await readState(join(dir, 'provisioning-state.json'));
    expect(state.lastAppliedSequence).toBe(7);
    const onDisk = readFileSync(join(dir, 'provisioning-state.json'), 'utf8');
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).toContain('fleet:v1:');
    expect(readdirSync(dir)).toEqual(['provisioning-state.json']);
  });

  it('reports the same bundle again as up to date, and sends the ETag', async () => {
    const text = signed();
    const { poller, calls, apply } = setup(() => body(text));
    await poller.pollOnce();
    const again = await poller.pollOnce();
    expect(again).toMatchObject({ outcome: 'up-to-date', message: 'bundle 7 is already applied' });
    expect(apply).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.etag)).toEqual([null, '"v7"']);
  });

  it('treats 304 Not Modified as up to date', async () => {
    const { poller, apply } = setup(() => ({ kind: 'not-modified' }));
    expect((await poller.pollOnce()).outcome).toBe('up-to-date');
    expect(apply).not.toHaveBeenCalled();
  });

  it('refuses a damaged bundle and applies nothing', async () => {
    const { poller, apply } = setup(() => body(flipByte(signed(), 'payload', 40)));
    const status = await poller.pollOnce();
    expect(status).toMatchObject({ outcome: 'refused', refusal: 'bad-signature' });
    expect(status.message).toMatch(/^bundle refused: The bundle's signature does not match/);
    expect(apply).not.toHaveBeenCalled();
  });

  it('refuses an older bundle after a restart (the sequence is persisted)', async () => {
    await setup(() => body(signed())).poller.pollOnce();
    const older = signed(payload({ sequence: 5 }));
    const status = await setup(() => body(older)).poller.pollOnce();
    expect(status).toMatchObject({ outcome: 'refused', refusal: 'replayed', sequence: 5 });
  });

  it('refuses a bundle whose merge the wall could not run', async () => {
    const p = payload({ manages: ['sites'], config: { sites: [{ id: 'x', name: 'X' }] } });
    const status = await setup(() => body(signed(p))).poller.pollOnce();
    expect(status).toMatchObject({ outcome: 'refused', refusal: 'invalid-config' });
    expect(status.message).toMatch(/no site has the id "huyen"/);
  });

  it('rolls back when the new configuration cannot start, and does not retry it', async () => {
    const apply = vi.fn(async (next: SettingsLike) => {
      if ((next.sites as unknown[]).length === 1) throw new Error('gateway port in use');
    });
    const w = wall();
    const config = {
      sites: (w.sites as object[]).slice(0, 1),
      cameras: (w.cameras as object[]).slice(0, 1),
    };
    const text = signed(payload({ sequence: 8, config: encryptConfigSecrets(config, fleetKey) }));
    const { poller } = setup(() => body(text), { apply });
    const status = await poller.pollOnce();
    expect(status).toMatchObject({ outcome: 'rolled-back', sequence: 8 });
    expect(status.message).toMatch(/could not start \(gateway port in use\)/);
    expect(apply.mock.calls.map(([c]) => c)).toEqual([expect.anything(), wall()]);
    expect(await poller.pollOnce()).toEqual(status);
    expect(apply).toHaveBeenCalledTimes(2);
    expect((await readState(join(dir, 'provisioning-state.json'))).lastAppliedSequence).toBe(null);
  });

  it('says so when the previous configuration cannot restart either', async () => {
    const apply = vi.fn(async () => Promise.reject(new Error('no display')));
    const status = await setup(() => body(signed()), { apply }).poller.pollOnce();
    expect(status.outcome).toBe('rollback-failed');
    expect(status.message).toMatch(/Restart the wall/);
  });

  it('still reports the apply when the state file cannot be written', async () => {
    const stateFs = { ...nodeStateFs, rename: async () => Promise.reject(new Error('disk full')) };
    const status = await setup(() => body(signed()), { stateFs }).poller.pollOnce();
    expect(status.outcome).toBe('applied');
    expect(status.message).toMatch(/could not be recorded \(disk full\)/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a source error without applying', async () => {
    const fetch: BundleFetcher = async () => Promise.reject(new Error('ECONNREFUSED'));
    const { poller, apply } = setup(() => body(''), {
      source: { kind: 'https', url: 'https://it.example/wall.owb', fetch },
    });
    const status = await poller.pollOnce();
    expect(status).toMatchObject({ outcome: 'source-error' });
    expect(status.message).toBe('could not read a bundle from it.example: ECONNREFUSED');
    expect(apply).not.toHaveBeenCalled();
  });

  it('polls at start, then on each timer, and stops', async () => {
    const pending: (() => void)[] = [];
    const timers = { set: (run: () => void) => pending.push(run), clear: vi.fn() };
    const statuses: string[] = [];
    const { poller } = setup(() => ({ kind: 'not-modified' }), {
      timers,
      onStatus: (s) => statuses.push(s.outcome),
    });
    poller.start();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending.shift()!();
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(statuses).toEqual(['up-to-date', 'up-to-date']);
    poller.stop();
    expect(timers.clear).toHaveBeenCalledTimes(1);
  });
});
