// The app's log: one line per event, with a local timestamp, to stdout and (when given) a
// file that IT can read after weeks of running. Never pass a credential to it.
import { appendFileSync } from 'node:fs';

export type LogLine = (line: string) => void;

export function createLogger(options: { file?: string; echo?: boolean } = {}): LogLine {
  return (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}`;
    if (options.echo !== false) process.stdout.write(`${stamped}\n`);
    if (options.file) {
      try {
        appendFileSync(options.file, `${stamped}\n`);
      } catch {
        // A full disk must not stop the wall; the line still went to stdout.
      }
    }
  };
}
