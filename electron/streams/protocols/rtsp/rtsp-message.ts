// Parses the text part of RTSP messages (status line or request line, headers). Pure and
// tolerant: cameras send LF-only line ends, odd spacing, and repeated headers.

export interface RtspResponse {
  status: number;
  reason: string;
  /** Header values by lower-case name; repeated headers keep every value. */
  headers: Map<string, string[]>;
  body: Uint8Array;
}

export interface RtspServerRequest {
  method: string;
  uri: string;
  headers: Map<string, string[]>;
}

export type ParsedHead =
  | { kind: 'response'; status: number; reason: string; headers: Map<string, string[]> }
  | { kind: 'request'; method: string; uri: string; headers: Map<string, string[]> }
  | { kind: 'invalid'; message: string };

/** Parses a message head (everything before the blank line). */
export function parseHead(text: string): ParsedHead {
  const lines = text.split(/\r?\n/);
  const first = (lines[0] ?? '').trim();
  const headers = new Map<string, string[]>();
  let last: string | undefined;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      // Folded continuation line (obsolete, still seen).
      const values = headers.get(last);
      if (values && values.length > 0) values[values.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const list = headers.get(name);
    if (list) list.push(value);
    else headers.set(name, [value]);
    last = name;
  }
  const status = /^RTSP\/\d\.\d\s+(\d{3})(?:\s+(.*))?$/i.exec(first);
  if (status) {
    return { kind: 'response', status: Number(status[1]), reason: status[2] ?? '', headers };
  }
  const request = /^([A-Z_]+)\s+(\S+)\s+RTSP\/\d\.\d$/.exec(first);
  if (request) return { kind: 'request', method: request[1]!, uri: request[2]!, headers };
  return { kind: 'invalid', message: `unexpected line "${first.slice(0, 80)}"` };
}

/** First value of a header, if any. */
export function header(headers: Map<string, string[]>, name: string): string | undefined {
  return headers.get(name.toLowerCase())?.[0];
}

/** Session header: "id;timeout=N" → id and timeout in seconds (default 60, RFC 2326 12.37). */
export function parseSessionHeader(value: string): { id: string; timeoutSec: number } {
  const [id = '', ...params] = value.split(';');
  let timeoutSec = 60;
  for (const p of params) {
    const m = /^\s*timeout\s*=\s*(\d+)/i.exec(p);
    if (m) {
      const n = Number(m[1]);
      // A zero or absurd timeout would make keepalives spin or never happen.
      if (n >= 2 && n <= 3600) timeoutSec = n;
    }
  }
  return { id: id.trim(), timeoutSec };
}

/** Parses "Public: OPTIONS, DESCRIBE, ..." into upper-case method names. */
export function parsePublic(value: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const m of (value ?? '').split(',')) {
    const t = m.trim().toUpperCase();
    if (t) out.add(t);
  }
  return out;
}
