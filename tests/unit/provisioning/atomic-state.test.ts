import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_STATE, readState, writeState } from '../../../electron/provisioning/atomic-state';
import { verifyBundle } from '../../../electron/provisioning/verify-bundle';
import { days, pinned, signed, withField } from './bundle-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'owb-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('provisioning state file', () => {
  it('reads a missing file as "nothing applied yet"', async () => {
    expect(await readState(join(dir, 'state.json'))).toEqual(EMPTY_STATE);
  });

  it('writes and reads back, replacing the old file and leaving no temp file', async () => {
    const path = join(dir, 'state.json');
    await writeState(path, { ...EMPTY_STATE, lastAppliedSequence: 3 });
    await writeState(path, { ...EMPTY_STATE, lastAppliedSequence: 4 });
    expect((await readState(path)).lastAppliedSequence).toBe(4);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('refuses a damaged or foreign state file instead of resetting the replay counter', async () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, '{"version":1,"lastAppliedSeq');
    await expect(readState(path)).rejects.toThrow();
    writeFileSync(path, '{"version":2,"lastAppliedSequence":1}');
    await expect(readState(path)).rejects.toThrow(/not one this wall wrote/);
  });
});

describe('refusal messages', () => {
  it('do not echo an arbitrary key id from the bundle', () => {
    const text = withField(signed(), 'keyId', '<script>alert(1)</script>');
    const result = verifyBundle(text, {
      publicKeys: pinned,
      now: days(1),
      lastAppliedSequence: null,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('script');
  });
});
