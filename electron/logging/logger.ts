// The app's log: one line per event, with a timestamp, to stdout and (when given) a file that
// IT can read after weeks of running. The file is rotated (wall.log → wall.log.1) when it
// passes maxBytes, so a camera that stays down for a month cannot fill the disk.
// Never pass a credential to it.
import { appendFileSync, renameSync, statSync } from 'node:fs';

export type LogLine = (line: string) => void;

export const DEFAULT_MAX_LOG_BYTES = 10 * 1024 * 1024;

export function createLogger(
  options: { file?: string; echo?: boolean; maxBytes?: number } = {},
): LogLine {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  let size = options.file ? fileSize(options.file) : 0;
  return (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}\n`;
    if (options.echo !== false) process.stdout.write(stamped);
    if (!options.file) return;
    try {
      if (size + stamped.length > maxBytes && size > 0) {
        renameSync(options.file, `${options.file}.1`);
        size = 0;
      }
      appendFileSync(options.file, stamped);
      size += Buffer.byteLength(stamped);
    } catch {
      // A full disk must not stop the wall; the line still went to stdout.
    }
  };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
