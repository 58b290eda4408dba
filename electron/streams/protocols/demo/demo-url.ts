// The demo URL scheme: `demo:<clip-name>` with an optional `?offset=<seconds>`,
// e.g. `demo:clip-3?offset=4.2`, playing `<assetsDir>/demo/<clip-name>.flv`. Only [a-z0-9-]
// is allowed in a name, so a configuration file cannot point a demo URL outside that folder.
import { join } from 'node:path';

export interface DemoUrl {
  clipName: string;
  /** `<demoDir>/<clipName>.flv`. */
  clipPath: string;
  /** Where the feed starts in the clip, in ms. */
  startOffsetMs: number;
}

export class DemoUrlError extends Error {
  override name = 'DemoUrlError';
}

/** The clip name of a not-installed camera's placeholder URL (`demo:none`); it never plays. */
export const DEMO_NO_CLIP = 'none';

const MAX_OFFSET_SECONDS = 24 * 3600;

/**
 * Parses a demo URL; `demoDir` is the folder holding the clips (`<assetsDir>/demo`).
 * Throws DemoUrlError, with a sentence for IT, when the URL cannot be played.
 */
export function parseDemoUrl(url: string, demoDir: string): DemoUrl {
  const match = /^demo:([^?#]*)(?:\?([^#]*))?$/.exec(url);
  if (!match) throw new DemoUrlError(`"${url}" is not a demo URL (demo:<clip-name>)`);
  const clipName = match[1] ?? '';
  if (!/^[a-z0-9-]+$/.test(clipName)) {
    throw new DemoUrlError(
      `demo URL "${url}": the clip name must be lower-case letters, digits and "-" only, e.g. demo:clip-3`,
    );
  }
  let startOffsetMs = 0;
  for (const [key, value] of new URLSearchParams(match[2] ?? '')) {
    if (key !== 'offset') {
      throw new DemoUrlError(`demo URL "${url}": unknown parameter "${key}" (only offset)`);
    }
    const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(seconds <= MAX_OFFSET_SECONDS)) {
      throw new DemoUrlError(
        `demo URL "${url}": offset must be a number of seconds, e.g. offset=4.2`,
      );
    }
    startOffsetMs = Math.round(seconds * 1000);
  }
  return { clipName, clipPath: join(demoDir, `${clipName}.flv`), startOffsetMs };
}
