// The two settings of "look closer" (instant replay and snapshots), read apart from the rest
// of the configuration so the main validation stays as it is: how much replay each stream on
// screen keeps, and where snapshots go.
import { isAbsolute } from 'node:path';

export const DEFAULT_REPLAY_SECONDS = 60;
export const MAX_REPLAY_SECONDS = 300;
/**
 * A stream's replay may hold this many bytes per second of its length (8 Mbit/s, above a
 * 1080p camera's main stream): a runaway bitrate cannot take the PC's memory.
 */
export const REPLAY_BYTES_PER_SECOND = 1024 * 1024;

export interface LookSettings {
  /** Seconds of instant replay kept per stream a tile shows; 0 turns replay off. */
  replaySeconds?: number;
  /** Absolute folder for snapshots; the host's default (Pictures/One-Stop Wall) when absent. */
  snapshotFolder?: string;
}

export function parseLookSettings(
  input: Record<string, unknown>,
  err: (path: string, message: string) => void,
): LookSettings {
  const out: LookSettings = {};
  const { replaySeconds, snapshotFolder } = input;
  if (replaySeconds !== undefined) {
    if (
      typeof replaySeconds !== 'number' ||
      !Number.isInteger(replaySeconds) ||
      replaySeconds < 0 ||
      replaySeconds > MAX_REPLAY_SECONDS
    ) {
      err('replaySeconds', `must be a whole number of seconds from 0 to ${MAX_REPLAY_SECONDS}`);
    } else out.replaySeconds = replaySeconds;
  }
  if (snapshotFolder !== undefined) {
    if (typeof snapshotFolder !== 'string' || !isAbsolute(snapshotFolder.trim())) {
      err('snapshotFolder', 'must be the full path of a folder, for example "D:\\\\Ảnh chụp"');
    } else out.snapshotFolder = snapshotFolder.trim();
  }
  return out;
}

/** The replay kept per stream: its length and its byte cap. */
export function replayLimits(settings: LookSettings): { maxMs: number; maxBytes: number } {
  const seconds = settings.replaySeconds ?? DEFAULT_REPLAY_SECONDS;
  return { maxMs: seconds * 1_000, maxBytes: seconds * REPLAY_BYTES_PER_SECOND };
}
