// The app's log: one line per event, with a timestamp, to stdout and (when given) a file that
// IT can read after weeks of running. The file is rotated (wall.log → wall.log.1 → … →
// wall.log.<keep>) when the next line would pass maxBytes, so a camera that stays down for a
// month cannot fill the disk, and a burst of trouble does not push the history out of reach.
// Sizes are counted in bytes (Vietnamese text is multi-byte). A rotation that fails (the file
// is open in an editor on Windows) never stops the log: it keeps appending and tries again
// after another tenth of maxBytes. Never pass a credential to it.
import { appendFileSync, renameSync, statSync } from 'node:fs';

export type LogLine = (line: string) => void;

export const DEFAULT_MAX_LOG_BYTES = 10 * 1024 * 1024;
export const DEFAULT_KEPT_LOG_FILES = 3;

export interface LoggerOptions {
  file?: string;
  echo?: boolean;
  maxBytes?: number;
  /** How many rotated files to keep beside the current one. */
  keep?: number;
  /** Injectable for tests of a failing disk. */
  fs?: { append: (file: string, text: string) => void; rename: (from: string, to: string) => void };
}

export function createLogger(options: LoggerOptions = {}): LogLine {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEPT_LOG_FILES);
  const fs = options.fs ?? { append: appendFileSync, rename: renameSync };
  const file = options.file;
  let size = file ? fileSize(file) : 0;
  let rotateAt = maxBytes;

  const rotate = (target: string): boolean => {
    try {
      for (let i = keep - 1; i >= 1; i--) renameIfThere(fs, `${target}.${i}`, `${target}.${i + 1}`);
      fs.rename(target, `${target}.1`);
      return true;
    } catch {
      return false;
    }
  };

  return (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}\n`;
    if (options.echo !== false) process.stdout.write(stamped);
    if (!file) return;
    const bytes = Buffer.byteLength(stamped);
    if (size > 0 && size + bytes > rotateAt) {
      if (rotate(file)) {
        size = 0;
        rotateAt = maxBytes;
      } else {
        rotateAt = size + Math.max(1, Math.floor(maxBytes / 10));
      }
    }
    try {
      fs.append(file, stamped);
      size += bytes;
    } catch {
      // A full disk must not stop the wall; the line still went to stdout.
    }
  };
}

function renameIfThere(fs: NonNullable<LoggerOptions['fs']>, from: string, to: string): void {
  try {
    fs.rename(from, to);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
