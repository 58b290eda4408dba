// Which display this page is. Electron opens each window with ?display=<index>&displayId=<id>;
// the preview host takes `?display=N` or `&display=N` after the key in the fragment, so two
// browser pages can stand for two displays.

export interface DisplayIdentity {
  index: number;
  /** The key a display's choice is remembered by. */
  id: string;
}

export function readDisplayIdentity(location: { search: string; hash: string }): DisplayIdentity {
  const search = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const raw = search.get('display') ?? hash.get('display');
  const index = raw !== null && /^\d{1,2}$/.test(raw) ? Number(raw) : 0;
  const given = search.get('displayId') ?? hash.get('displayId');
  const id = given !== null && /^[\w:.-]{1,80}$/.test(given) ? given : `display-${index}`;
  return { index, id };
}
