// Zod issues as the wall reports them: FieldErrors (a path, a code and both languages) for
// the screens and the status line, and "cameras[0].streams.sub.url: …" lines for the
// configuration file's errors and the log.
import type { FieldError } from '../contract/settings-view';
import { schemaMessage } from './schema-messages';

export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  params?: Record<string, unknown>;
}

/** 'cameras[0].streams.sub.url' for ['cameras', 0, 'streams', 'sub', 'url']. */
export function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join('');
}

export function issuesToFieldErrors(issues: readonly SchemaIssue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const { code, text } = schemaMessage(issue.message, issue.params);
    const field = fieldName(path);
    // One field, one message: a value refused twice (e.g. for its type by two checks) once.
    const key = `${field}\n${text.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ path, field, code, message: text });
  }
  return errors;
}

export function fieldErrorLine(error: FieldError): string {
  return `${error.field}: ${error.message.en}`;
}

/** The same errors seen from inside one part (a camera draft's own fields). */
export function relativeTo(errors: FieldError[], prefix: (string | number)[]): FieldError[] {
  return errors
    .filter((e) => prefix.every((step, i) => e.path[i] === step))
    .map((e) => {
      const path = e.path.slice(prefix.length);
      return { ...e, path, field: path.length === 0 ? '' : fieldName(path) };
    });
}
