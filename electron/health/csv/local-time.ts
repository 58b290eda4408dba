// Dates and times in the centre's own IANA zone (the PC's zone may be wrong or UTC), in the
// forms the export promises: 'YYYY-MM-DD' and 'HH:mm' (24-hour).

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(at: number, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: better than silently using the PC's.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

export function localDate(at: number, timeZone: string): string {
  const p = partsIn(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

export function localTime(at: number, timeZone: string): string {
  const p = partsIn(at, timeZone);
  return `${p.hour}:${p.minute}`;
}

export function localDateTime(at: number, timeZone: string): string {
  return `${localDate(at, timeZone)} ${localTime(at, timeZone)}`;
}
