// The staff screens' changes to the settings: each payload is checked by the draft schema,
// refused for what comes from IT's file (changed there, not here), and committed as a whole
// new configuration through the settings book, so its errors are the schema's own.
import type { FieldError } from '../contract/settings-view';
import { cameraFromDraft, idFromName, roughCameraFromDraft } from './draft-to-config';
import { cameraDraftSchema, centreDraftSchema, idPayloadSchema } from './draft-schema';
import { issuesToFieldErrors } from './schema-issues';
import type { BookChange, SettingsBook } from './settings-book';

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function parsePayload<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  payload: unknown,
): Parsed<T> {
  const result = schema.safeParse(payload);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}

function refusal(code: string, en: string, vi: string, path: (string | number)[] = []): BookChange {
  return { ok: false, errors: [{ path, field: path.join('.'), code, message: { en, vi } }] };
}

const READ_ONLY = (what: 'centre' | 'camera') =>
  refusal(
    'read-only',
    `this ${what} comes from the configuration file; IT changes it there`,
    what === 'centre'
      ? 'Trung tâm này lấy từ tệp cấu hình; bộ phận IT sửa trong tệp đó.'
      : 'Camera này lấy từ tệp cấu hình; bộ phận IT sửa trong tệp đó.',
  );

export function saveCentre(book: SettingsBook, payload: unknown): BookChange {
  const parsed = parsePayload(centreDraftSchema, payload);
  if (!parsed.ok) return parsed;
  const draft = parsed.value;
  if (draft.id && book.isFromBase('sites', draft.id)) return READ_ONLY('centre');
  const local = book.localPart;
  const taken = new Set(book.document().sites.map((s) => s.id));
  const id = draft.id ?? idFromName(draft.name, taken);
  const site = { id, name: draft.name, ...(draft.shortName ? { shortName: draft.shortName } : {}) };
  const sites = local.sites.filter((s) => s.id !== id);
  const was = local.sites.findIndex((s) => s.id === id);
  const wanted =
    draft.order === undefined
      ? was < 0
        ? sites.length
        : was
      : draft.order - book.baseCount().sites;
  sites.splice(Math.max(0, Math.min(sites.length, wanted)), 0, site);
  const index = book.baseCount().sites + sites.findIndex((s) => s.id === id);
  return book.commit({ ...local, sites }, ['sites', index]);
}

export function deleteCentre(book: SettingsBook, payload: unknown): BookChange {
  const parsed = parsePayload(idPayloadSchema, payload);
  if (!parsed.ok) return parsed;
  const { id } = parsed.value;
  if (book.isFromBase('sites', id)) return READ_ONLY('centre');
  const local = book.localPart;
  if (!local.sites.some((s) => s.id === id)) return unknown('centre', id);
  const cameras = book.document().cameras.filter((c) => c.siteId === id);
  if (cameras.length > 0) {
    return refusal(
      'centre-has-cameras',
      `the centre still has ${cameras.length === 1 ? '1 camera; move or delete it' : `${cameras.length} cameras; move or delete them`} first`,
      `Trung tâm còn ${cameras.length} camera; hãy chuyển hoặc xoá camera trước.`,
    );
  }
  return book.commit({ ...local, sites: local.sites.filter((s) => s.id !== id) });
}

export function saveCamera(book: SettingsBook, payload: unknown): BookChange {
  const parsed = parsePayload(cameraDraftSchema, payload);
  const sent = parsed.ok ? parsed.value : (payload as { id?: unknown; name?: unknown } | null);
  const wanted = typeof sent?.id === 'string' ? sent.id : undefined;
  if (wanted && book.isFromBase('cameras', wanted)) return READ_ONLY('camera');
  const local = book.localPart;
  const taken = new Set(book.document().cameras.map((c) => c.id));
  const id = wanted ?? idFromName(typeof sent?.name === 'string' ? sent.name : '', taken);
  const at = local.cameras.findIndex((c) => c.id === id);
  const index = book.baseCount().cameras + (at < 0 ? local.cameras.length : at);
  const placed = (camera: unknown) => ({
    ...local,
    cameras: (at < 0
      ? [...local.cameras, camera]
      : local.cameras.map((c, i) => (i === at ? camera : c))) as typeof local.cameras,
  });
  // Every error in one answer: the draft's own, then what the whole configuration says of it.
  const withWhole = (own: FieldError[], camera: unknown): BookChange => ({
    ok: false,
    errors: mergeErrors(own, book.check(placed(camera), ['cameras', index])),
  });
  if (!parsed.ok) return withWhole(parsed.errors, roughCameraFromDraft(payload, id));
  const stored = local.cameras.find((c) => c.id === id);
  const { camera, errors } = cameraFromDraft({ ...parsed.value, id }, stored);
  if (errors.length > 0) return withWhole(errors, camera);
  return book.commit(placed(camera), ['cameras', index]);
}

/** `first`, then those of `more` about a field none of `first` is about (or inside of). */
export function mergeErrors(first: FieldError[], more: FieldError[]): FieldError[] {
  const inside = (a: FieldError['path'], b: FieldError['path']) =>
    b.length <= a.length && b.every((step, i) => a[i] === step);
  const related = (e: FieldError) =>
    first.some((f) => inside(e.path, f.path) || inside(f.path, e.path));
  return [...first, ...more.filter((e) => !related(e))];
}

export function deleteCamera(book: SettingsBook, payload: unknown): BookChange {
  const parsed = parsePayload(idPayloadSchema, payload);
  if (!parsed.ok) return parsed;
  const { id } = parsed.value;
  if (book.isFromBase('cameras', id)) return READ_ONLY('camera');
  const local = book.localPart;
  if (!local.cameras.some((c) => c.id === id)) return unknown('camera', id);
  return book.commit({ ...local, cameras: local.cameras.filter((c) => c.id !== id) });
}

function unknown(what: 'centre' | 'camera', id: string): BookChange {
  return refusal(
    'not-found',
    `there is no ${what} "${id}" made on this PC`,
    what === 'centre' ? `Không có trung tâm "${id}".` : `Không có camera "${id}".`,
    ['id'],
  );
}
