// The poller's state file: the last applied sequence (replay protection survives restarts) and
// the configuration that was running before it (so staff or IT can go back). Written whole or
// not at all: a power cut in a district office must never leave half a file that would reset
// the replay counter.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface ProvisioningState {
  version: 1;
  lastAppliedSequence: number | null;
  /** SHA-256 of the applied payload bytes: the same bundle seen again is "up to date". */
  lastAppliedDigest: string | null;
  appliedAt: string | null;
  /** The settings before the last bundle, with secrets encrypted for the fleet. */
  previousConfig: unknown;
}

export const EMPTY_STATE: ProvisioningState = {
  version: 1,
  lastAppliedSequence: null,
  lastAppliedDigest: null,
  appliedAt: null,
  previousConfig: null,
};

/** The file-system calls the state file needs; tests pass a fake to simulate failures. */
export interface StateFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  open: typeof open;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeStateFs: StateFs = { readFile, open, rename, unlink };

/** Missing file: nothing applied yet. Unreadable file: throws, so nothing older can slip in. */
export async function readState(
  path: string,
  fs: StateFs = nodeStateFs,
): Promise<ProvisioningState> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...EMPTY_STATE };
    throw error;
  }
  const state = JSON.parse(text) as ProvisioningState;
  if (
    state.version !== 1 ||
    !(state.lastAppliedSequence === null || Number.isSafeInteger(state.lastAppliedSequence))
  ) {
    throw new Error(`the provisioning state file ${path} is not one this wall wrote`);
  }
  return state;
}

/** Temp file created exclusively (never follows or reuses a planted file), fsynced, renamed. */
export async function writeFileAtomic(
  path: string,
  content: string,
  fs: StateFs = nodeStateFs,
): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path), fs);
}

// Makes the rename itself durable on Linux; Windows cannot open a directory, which is fine there
// because NTFS journals the rename.
async function syncDirectory(dir: string, fs: StateFs): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // best effort
  }
}

export function writeState(
  path: string,
  state: ProvisioningState,
  fs: StateFs = nodeStateFs,
): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`, fs);
}
