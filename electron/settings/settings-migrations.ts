// The settings' versions and how each older one becomes the next. A file or store written by
// any earlier version is migrated step by step before the schema checks it, so IT never has
// to rewrite a working file after an update. Each step works on raw JSON (it runs before
// validation) and leaves anything it does not understand as it was, for the schema to name.
//
// Version 1: the first file format. Credentials could sit in a URL (rtsp://user:pass@host/…).
// Version 2: credentials are never in a URL (they move into the endpoint's `auth`, where the
//   vault can keep them), and a secret may be a vault reference (`vault:<ref>`).
export const CURRENT_SCHEMA_VERSION = 2;

import { liftUserInfo } from './url-credentials';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Step n turns a version-n document into a version n+1 one. */
const STEPS: Record<number, (doc: Json) => Json> = {
  1: (doc) => ({ ...doc, schemaVersion: 2, cameras: mapEndpoints(doc.cameras, liftUserInfo) }),
};

export type Migrated =
  { ok: true; document: unknown; from: number } | { ok: false; problem: string; vi: string };

export function migrateSettings(input: unknown): Migrated {
  if (!isObj(input)) return { ok: true, document: input, from: CURRENT_SCHEMA_VERSION };
  const from = input.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return versionProblem();
  }
  if (from > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      problem: `is ${from}, written by a newer version of One-Stop Wall; this one reads up to ${CURRENT_SCHEMA_VERSION}. Update the app on this PC.`,
      vi: `Tệp được ghi bởi phiên bản mới hơn (${from}); hãy cập nhật ứng dụng trên máy này.`,
    };
  }
  let doc: Json = input;
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version += 1) {
    doc = STEPS[version]!(doc);
  }
  return { ok: true, document: doc, from };
}

function versionProblem(): Migrated {
  const versions = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1).join(' or ');
  return {
    ok: false,
    problem: `must be ${versions}`,
    vi: `Phải là ${versions.replace(' or ', ' hoặc ')}.`,
  };
}

function mapEndpoints(cameras: unknown, change: (endpoint: Json) => Json): unknown {
  if (!Array.isArray(cameras)) return cameras;
  return cameras.map((camera: unknown) => {
    if (!isObj(camera) || !isObj(camera.streams)) return camera;
    const streams: Json = { ...camera.streams };
    for (const quality of ['sub', 'main']) {
      const endpoint = streams[quality];
      if (isObj(endpoint)) streams[quality] = change(endpoint);
    }
    return { ...camera, streams };
  });
}
