// Which key chords a kiosk wall swallows. Staff walk up to an untouched office PC and press
// keys; a chord that closes, reloads, zooms, prints, opens DevTools or leaves full screen
// would leave the room with a broken wall until IT comes by. Pure: the main process feeds it
// each webContents 'before-input-event' and calls preventDefault on 'block'.
//
// Chords are matched on both `key` (the layout's character) and `code` (the physical key),
// so a non-US layout cannot slip a reload or zoom past the table; the extra keys this blocks
// (e.g. Ctrl+Z on AZERTY) mean nothing to the wall.
import { isQuitChord, type ChordInput } from '../contract/quit-chord';

export { isQuitChord } from '../contract/quit-chord';

/** The fields of Electron's `Input` this policy reads. */
export interface KeyInput extends ChordInput {
  /** 'keyDown' or 'keyUp'; both are judged alike, so no half of a chord leaks through. */
  type: string;
}

export type ShortcutVerdict = 'block' | 'allow';

const ALWAYS_BLOCKED = new Set([
  'F5',
  'F11',
  'F12',
  'BrowserRefresh',
  'BrowserBack',
  'BrowserForward',
]);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

function letter(input: KeyInput): string {
  // Shift makes key upper-case ('I' for Ctrl+Shift+I); code names the physical letter.
  const fromCode = /^Key([A-Z])$/.exec(input.code)?.[1]?.toLowerCase();
  return input.key.length === 1 ? input.key.toLowerCase() : (fromCode ?? '');
}

function isLetter(input: KeyInput, wanted: string): boolean {
  return letter(input) === wanted || input.code === `Key${wanted.toUpperCase()}`;
}

function isKey(input: KeyInput, name: string): boolean {
  return input.key === name || input.code === name;
}

export function kioskShortcutVerdict(input: KeyInput): ShortcutVerdict {
  return blocked(input) ? 'block' : 'allow';
}

function blocked(input: KeyInput): boolean {
  // Ctrl on Windows/Linux, Cmd on macOS: either one is the "primary" modifier.
  const primary = input.control || input.meta;
  // The quit chord reaches the page, which asks for the PIN and a confirmation (quitting is a
  // staff action); it must be let through before Ctrl+Q below swallows it.
  if (isQuitChord(input)) return false;
  // Close the window or the app: Alt+F4, Ctrl+F4, Ctrl/Cmd+W, Ctrl/Cmd+Q.
  if (isKey(input, 'F4') && (input.alt || primary)) return true;
  if (primary && (isLetter(input, 'w') || isLetter(input, 'q'))) return true;
  // Reload (F5 with any modifier, Ctrl+R, Ctrl+Shift+R), DevTools (F12), full screen (F11),
  // the browser keys some office keyboards have.
  for (const name of ALWAYS_BLOCKED) if (isKey(input, name)) return true;
  if (primary && isLetter(input, 'r')) return true;
  // Back/forward would leave the wall's page for a blank history entry.
  if (input.alt && (isKey(input, 'ArrowLeft') || isKey(input, 'ArrowRight'))) return true;
  // Zoom: Ctrl + plus / minus / zero, on the main row or the numpad.
  if (primary && (ZOOM_KEYS.has(input.key) || ZOOM_CODES.has(input.code))) return true;
  // DevTools: Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C.
  const devToolsModifiers = (input.control && input.shift) || (input.meta && input.alt);
  if (devToolsModifiers && ['i', 'j', 'c'].some((l) => isLetter(input, l))) return true;
  // Print; macOS full screen (Ctrl+Cmd+F).
  if (primary && isLetter(input, 'p')) return true;
  if (input.control && input.meta && isLetter(input, 'f')) return true;
  return false;
}
