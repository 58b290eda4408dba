// Every chord that would close, reload, zoom, print, open DevTools or leave full screen is
// blocked in kiosk mode; the keys the wall itself uses still reach the page.
import { describe, expect, it } from 'vitest';
import {
  isQuitChord,
  kioskShortcutVerdict,
  type KeyInput,
} from '../../../electron/kiosk/kiosk-shortcuts';

type Mods = Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift'>>;

function press(key: string, code: string, mods: Mods = {}, type = 'keyDown'): KeyInput {
  return { key, code, control: false, meta: false, alt: false, shift: false, type, ...mods };
}

const ctrl = { control: true };
const ctrlShift = { control: true, shift: true };
const cmd = { meta: true };

const BLOCKED: [string, KeyInput][] = [
  ['Ctrl+W', press('w', 'KeyW', ctrl)],
  ['Ctrl+F4', press('F4', 'F4', ctrl)],
  ['Alt+F4', press('F4', 'F4', { alt: true })],
  ['Cmd+W', press('w', 'KeyW', cmd)],
  ['Cmd+Q', press('q', 'KeyQ', cmd)],
  ['Ctrl+Q', press('q', 'KeyQ', ctrl)],
  ['Ctrl+R', press('r', 'KeyR', ctrl)],
  ['F5', press('F5', 'F5')],
  ['Shift+F5', press('F5', 'F5', { shift: true })],
  ['Ctrl+Shift+R', press('R', 'KeyR', ctrlShift)],
  ['Ctrl+F5', press('F5', 'F5', ctrl)],
  ['Cmd+R', press('r', 'KeyR', cmd)],
  ['Ctrl++ (Shift+=)', press('+', 'Equal', ctrlShift)],
  ['Ctrl+=', press('=', 'Equal', ctrl)],
  ['Ctrl+-', press('-', 'Minus', ctrl)],
  ['Ctrl+0', press('0', 'Digit0', ctrl)],
  ['Ctrl+numpad +', press('+', 'NumpadAdd', ctrl)],
  ['Ctrl+numpad -', press('-', 'NumpadSubtract', ctrl)],
  ['Ctrl+numpad 0', press('0', 'Numpad0', ctrl)],
  ['Cmd+=', press('=', 'Equal', cmd)],
  ['F12', press('F12', 'F12')],
  ['Ctrl+Shift+I', press('I', 'KeyI', ctrlShift)],
  ['Ctrl+Shift+J', press('J', 'KeyJ', ctrlShift)],
  ['Ctrl+Shift+C', press('C', 'KeyC', ctrlShift)],
  ['Cmd+Alt+I', press('ˆ', 'KeyI', { meta: true, alt: true })],
  ['F11', press('F11', 'F11')],
  ['Ctrl+Cmd+F', press('f', 'KeyF', { control: true, meta: true })],
  ['Ctrl+P', press('p', 'KeyP', ctrl)],
  ['Ctrl+Shift+P', press('P', 'KeyP', ctrlShift)],
  ['Alt+Left (history back)', press('ArrowLeft', 'ArrowLeft', { alt: true })],
  ['Alt+Right (history forward)', press('ArrowRight', 'ArrowRight', { alt: true })],
  ['BrowserBack', press('BrowserBack', 'BrowserBack')],
  ['BrowserRefresh', press('BrowserRefresh', 'BrowserRefresh')],
  // A Cyrillic layout types 'ц' on the W key: the physical key still closes the window.
  ['Ctrl+W on a Cyrillic layout', press('ц', 'KeyW', ctrl)],
  // On a German layout the + key is code BracketRight; the character decides.
  ['Ctrl++ on a German layout', press('+', 'BracketRight', ctrl)],
];

const ALLOWED: [string, KeyInput][] = [
  ...'0123456789'.split('').map((d): [string, KeyInput] => [d, press(d, `Digit${d}`)]),
  ['numpad 1', press('1', 'Numpad1')],
  ['PageUp', press('PageUp', 'PageUp')],
  ['PageDown', press('PageDown', 'PageDown')],
  ['Space', press(' ', 'Space')],
  ['ArrowLeft', press('ArrowLeft', 'ArrowLeft')],
  ['ArrowRight', press('ArrowRight', 'ArrowRight')],
  ['ArrowUp', press('ArrowUp', 'ArrowUp')],
  ['ArrowDown', press('ArrowDown', 'ArrowDown')],
  ['Enter', press('Enter', 'Enter')],
  ['Escape', press('Escape', 'Escape')],
  ['F1', press('F1', 'F1')],
  ['?', press('?', 'Slash', { shift: true })],
  ['l (language)', press('l', 'KeyL')],
  ['L (language)', press('L', 'KeyL', { shift: true })],
  ['w typed alone', press('w', 'KeyW')],
  ['r typed alone', press('r', 'KeyR')],
  ['Shift+digit', press('!', 'Digit1', { shift: true })],
  ['F4 alone', press('F4', 'F4')],
  ['Ctrl+C (copy)', press('c', 'KeyC', ctrl)],
  // The page asks for the PIN and a confirmation; Ctrl+Q alone stays blocked (above).
  ['the quit chord', press('Q', 'KeyQ', { control: true, alt: true, shift: true })],
  [
    'the quit chord on a Cyrillic layout',
    press('Й', 'KeyQ', { control: true, alt: true, shift: true }),
  ],
];

describe('kioskShortcutVerdict', () => {
  it.each(BLOCKED)('blocks %s', (_name, input) => {
    expect(kioskShortcutVerdict(input)).toBe('block');
    // The key-up half is blocked as well, so the page never sees half a chord.
    expect(kioskShortcutVerdict({ ...input, type: 'keyUp' })).toBe('block');
  });

  it.each(ALLOWED)('allows %s', (_name, input) => {
    expect(kioskShortcutVerdict(input)).toBe('allow');
    expect(kioskShortcutVerdict({ ...input, type: 'keyUp' })).toBe('allow');
  });
});

describe('the quit chord', () => {
  const chord = press('Q', 'KeyQ', { control: true, alt: true, shift: true });

  it('is Ctrl+Alt+Shift+Q, whatever the layout types for Q', () => {
    expect(isQuitChord(chord)).toBe(true);
    expect(isQuitChord({ ...chord, key: 'й' })).toBe(true);
    // AZERTY: the Q character sits on the physical A key.
    expect(isQuitChord({ ...chord, key: 'Q', code: 'KeyA' })).toBe(true);
    expect(isQuitChord({ ...chord, meta: true })).toBe(false);
    expect(isQuitChord({ ...chord, alt: false })).toBe(false);
    expect(isQuitChord({ ...chord, shift: false })).toBe(false);
    expect(isQuitChord({ ...chord, control: false, meta: true })).toBe(false);
    expect(isQuitChord(press('q', 'KeyQ', ctrl))).toBe(false);
  });
});
