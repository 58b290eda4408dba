// What a bundle would change, in words for IT and the status line. Streams are named by host
// only: a URL's path or query may hold a token and its userinfo a password, and credentials are
// only ever reported as "changed", never shown.
import { canonicalJson } from './canonical-json';
import type { SettingsLike } from './bundle-format';

export interface ChangeReport {
  lines: string[];
  camerasChanged: number;
  centresChanged: number;
  layoutChanged: boolean;
  scheduleChanged: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '?');
const same = (a: unknown, b: unknown): boolean =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The host (and port) of a stream URL; never its userinfo, path or query. */
export function streamHost(url: unknown): string {
  if (typeof url !== 'string') return 'no address';
  if (url.startsWith('demo:')) return 'demo clip';
  try {
    return new URL(url).host || 'unknown host';
  } catch {
    return 'unreadable address';
  }
}

function byId(items: Obj[]): Map<string, Obj> {
  return new Map(items.map((item) => [text(item.id), item]));
}

export function describeChanges(current: SettingsLike, next: SettingsLike): ChangeReport {
  const lines: string[] = [];
  const oldSites = byId(list(current.sites));
  const newSites = byId(list(next.sites));
  let centresChanged = 0;
  for (const [id, site] of newSites) {
    const before = oldSites.get(id);
    if (!before) lines.push(`Centre added: "${text(site.name)}" (${id})`);
    else if (before.name !== site.name || before.shortName !== site.shortName) {
      lines.push(`Centre renamed: "${text(before.name)}" → "${text(site.name)}" (${id})`);
    } else continue;
    centresChanged++;
  }
  for (const [id, site] of oldSites) {
    if (!newSites.has(id)) {
      lines.push(`Centre removed: "${text(site.name)}" (${id})`);
      centresChanged++;
    }
  }

  const oldCams = byId(list(current.cameras));
  const newCams = byId(list(next.cameras));
  let camerasChanged = 0;
  for (const [id, cam] of newCams) {
    const before = oldCams.get(id);
    const what = before ? cameraDifferences(before, cam) : [];
    if (!before) {
      const host = streamHost(
        isObj(cam.streams) && isObj(cam.streams.sub) ? cam.streams.sub.url : undefined,
      );
      lines.push(
        `Camera added: "${text(cam.name)}" (${id}) at centre ${text(cam.siteId)}, host ${host}`,
      );
    } else if (what.length > 0) {
      lines.push(`Camera changed: "${text(cam.name)}" (${id}): ${what.join('; ')}`);
    } else continue;
    camerasChanged++;
  }
  for (const [id, cam] of oldCams) {
    if (!newCams.has(id)) {
      lines.push(`Camera removed: "${text(cam.name)}" (${id})`);
      camerasChanged++;
    }
  }

  const layoutChanged = !same(current.layout, next.layout);
  if (layoutChanged) lines.push(describeLayout(current.layout, next.layout));
  const scheduleChanged = !same(current.schedule, next.schedule);
  if (scheduleChanged) lines.push(describeSchedule(current.schedule, next.schedule));
  return { lines, camerasChanged, centresChanged, layoutChanged, scheduleChanged };
}

function cameraDifferences(before: Obj, after: Obj): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push(`renamed from "${text(before.name)}"`);
  if (before.siteId !== after.siteId)
    out.push(`moved from centre ${text(before.siteId)} to ${text(after.siteId)}`);
  if ((before.availability ?? 'installed') !== (after.availability ?? 'installed')) {
    out.push(`now ${text(after.availability ?? 'installed')}`);
  }
  const oldStreams = isObj(before.streams) ? before.streams : {};
  const newStreams = isObj(after.streams) ? after.streams : {};
  for (const quality of ['sub', 'main']) {
    const a = isObj(oldStreams[quality]) ? (oldStreams[quality] as Obj) : undefined;
    const b = isObj(newStreams[quality]) ? (newStreams[quality] as Obj) : undefined;
    if (!a && !b) continue;
    if (!a) out.push(`${quality} stream added (host ${streamHost(b!.url)})`);
    else if (!b) out.push(`${quality} stream removed`);
    else {
      const [ha, hb] = [streamHost(a.url), streamHost(b.url)];
      if (a.url !== b.url)
        out.push(
          ha === hb
            ? `${quality} stream address changed (host ${hb})`
            : `${quality} stream moved from host ${ha} to ${hb}`,
        );
      if (!same(a.auth, b.auth)) out.push(`${quality} stream credentials changed`);
    }
  }
  return out;
}

function describeLayout(before: unknown, after: unknown): string {
  const a = isObj(before) ? before : {};
  const b = isObj(after) ? after : {};
  const preset = a.preset !== b.preset ? ` preset ${text(a.preset)} → ${text(b.preset)};` : '';
  const oldIds = Array.isArray(a.cameraIds) ? a.cameraIds : [];
  const newIds = Array.isArray(b.cameraIds) ? b.cameraIds : [];
  const cells = newIds.filter((id, i) => id !== (oldIds[i] ?? null)).length;
  return `Layout changed:${preset} ${cells} cell${cells === 1 ? ' shows' : 's show'} a different camera`;
}

function describeSchedule(before: unknown, after: unknown): string {
  const a = isObj(before) ? before : {};
  const b = isObj(after) ? after : {};
  const parts: string[] = [];
  if ((a.always === true) !== (b.always === true))
    parts.push(b.always === true ? 'now on round the clock' : 'no longer on round the clock');
  if (a.timeZone !== b.timeZone)
    parts.push(`time zone ${text(a.timeZone ?? 'default')} → ${text(b.timeZone ?? 'default')}`);
  const oldH = new Set(Array.isArray(a.holidays) ? a.holidays : []);
  const newH = new Set(Array.isArray(b.holidays) ? b.holidays : []);
  const added = [...newH].filter((d) => !oldH.has(d));
  const removed = [...oldH].filter((d) => !newH.has(d));
  if (added.length) parts.push(`holidays added: ${added.join(', ')}`);
  if (removed.length) parts.push(`holidays removed: ${removed.join(', ')}`);
  if (!same(a.weekly, b.weekly) || a.saturdayMorning !== b.saturdayMorning)
    parts.push('weekly hours changed');
  if (
    !same(a.extraWorkingDays, b.extraWorkingDays) ||
    !same(a.extraWorkingDayHours, b.extraWorkingDayHours)
  )
    parts.push('extra working days changed');
  return `Office hours changed${parts.length ? `: ${parts.join('; ')}` : ''}`;
}

/** A short phrase for the status line, e.g. "3 cameras changed, 1 centre added or changed". */
export function summariseChanges(report: ChangeReport): string {
  const parts: string[] = [];
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (report.camerasChanged) parts.push(`${n(report.camerasChanged, 'camera')} changed`);
  if (report.centresChanged) parts.push(`${n(report.centresChanged, 'centre')} changed`);
  if (report.layoutChanged) parts.push('layout changed');
  if (report.scheduleChanged) parts.push('office hours changed');
  return parts.length ? parts.join(', ') : 'no change';
}
