// The documented way out of the kiosk, Ctrl+Alt+Shift+Q, as one definition both sides read:
// the kiosk lets it through to the page (electron/kiosk/kiosk-shortcuts.ts), and the page
// turns it into a staff action (the PIN, a confirmation, then the `wall:quit` verb, which main
// refuses while locked).

/** The modifier and key fields of a key press, as Electron's Input names them. */
export interface ChordInput {
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export const QUIT_CHORD_LABEL = 'Ctrl+Alt+Shift+Q';

/**
 * True for Ctrl+Alt+Shift+Q on every platform. Matched on the physical key (`KeyQ`) or the
 * character, so a non-US layout (Cyrillic 'й' on that key) quits the same way.
 */
export function isQuitChord(input: ChordInput): boolean {
  const q = input.code === 'KeyQ' || input.key.toLowerCase() === 'q';
  return input.control && input.alt && input.shift && !input.meta && q;
}
