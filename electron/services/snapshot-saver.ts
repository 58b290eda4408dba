// Saves a tile's snapshot: into the folder from the settings (or the host's default), never
// over an existing file, with the frame's exact time inside the PNG, and onto the clipboard
// where the host has one. The picture and its band are drawn by the renderer from the frame
// it shows; main decides where it goes and what it is called.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotSaved } from '../contract/look-closer';
import type { Result } from '../contract/wall-contract';
import type { WallSettings } from '../settings/settings-model';
import { decodePng, parseSnapshotRequest, snapshotFileName, withPngText } from './snapshot-file';

export interface SnapshotPlace {
  /** The host's default folder (Pictures/One-Stop Wall; the preview's data folder). */
  defaultFolder: string;
  /** Puts the PNG on the system clipboard; null where the host has none (the preview). */
  copyImage: ((png: Buffer) => void) | null;
}

export async function saveSnapshot(
  payload: unknown,
  settings: WallSettings,
  place: SnapshotPlace,
  log: (line: string) => void,
  now: () => number = Date.now,
): Promise<Result<SnapshotSaved>> {
  const request = parseSnapshotRequest(payload);
  if (!request.ok) return request;
  const { cameraId, frameAt } = request.value;
  const camera = settings.cameras.find((c) => c.id === cameraId);
  if (!camera) return { ok: false, error: `No camera has the id ${JSON.stringify(cameraId)}.` };
  const png = decodePng(request.value.png);
  if (!png) return { ok: false, error: 'The snapshot is not a PNG picture.' };
  const site = settings.sites.find((s) => s.id === camera.siteId);
  const time = new Date(frameAt ?? now());
  const stamped = withPngText(png, 'Creation Time', time.toISOString());
  const folder = settings.snapshotFolder ?? place.defaultFolder;
  const name = snapshotFileName(site?.shortName ?? site?.name ?? camera.siteId, camera.name, time);
  let path: string;
  try {
    await mkdir(folder, { recursive: true });
    path = await writeNew(folder, name, stamped);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    log(`snapshot: could not write into ${folder}: ${reason}`);
    return {
      ok: false,
      error: `The snapshot could not be saved in ${folder} (${reason}). Ask IT to check the folder in the settings.`,
    };
  }
  let copied = false;
  if (place.copyImage) {
    try {
      place.copyImage(stamped);
      copied = true;
    } catch (error) {
      log(`snapshot: saved, but the clipboard refused it: ${(error as Error).message}`);
    }
  }
  log(`snapshot: ${camera.id} saved as ${path}`);
  return { ok: true, value: { path, copied } };
}

/** Writes without replacing: "name.png", then "name (2).png", … */
async function writeNew(folder: string, name: string, bytes: Buffer): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : name.replace(/\.png$/, ` (${n}).png`));
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 99) throw error;
    }
  }
}
