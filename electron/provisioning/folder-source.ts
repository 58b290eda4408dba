// A bundle from a folder, typically a USB stick IT plugs in: the newest *.owb file by
// modification time (ties: the later name). Only that one is read, with the same size cap as
// over HTTPS, so a stick full of files cannot stall the wall.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from './bundle-format';
import { DEFAULT_MAX_BYTES } from './https-source';

/** The file-system calls the folder source needs; tests can inject a fake. */
export interface FolderFs {
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ mtimeMs: number; size: number; isFile(): boolean }>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

export const nodeFolderFs: FolderFs = { readdir, stat, readFile };

export type FolderResult = { kind: 'none' } | { kind: 'body'; text: string; file: string };

export async function readNewestBundle(
  folder: string,
  fs: FolderFs = nodeFolderFs,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<FolderResult> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    // A stick that is not plugged in is the normal case, not an error.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  let newest: { name: string; mtimeMs: number; size: number } | null = null;
  for (const name of names.filter((n) => n.toLowerCase().endsWith(BUNDLE_EXTENSION))) {
    const info = await fs.stat(join(folder, name)).catch(() => null);
    if (!info || !info.isFile()) continue;
    if (
      !newest ||
      info.mtimeMs > newest.mtimeMs ||
      (info.mtimeMs === newest.mtimeMs && name > newest.name)
    ) {
      newest = { name, mtimeMs: info.mtimeMs, size: info.size };
    }
  }
  if (!newest) return { kind: 'none' };
  if (newest.size > maxBytes) {
    throw new Error(`${newest.name} is larger than ${Math.round(maxBytes / 1024)} KB; refused`);
  }
  return {
    kind: 'body',
    text: await fs.readFile(join(folder, newest.name), 'utf8'),
    file: newest.name,
  };
}
