// The way out of the kiosk: the chord asks, Cancel is the default, one dialog at a time; and
// window closes are refused in kiosk mode until the app is really quitting.
import { describe, expect, it } from 'vitest';
import { QUIT_DIALOG, QuitGate } from '../../../electron/kiosk/quit-gate';

describe('the quit confirmation', () => {
  it('asks in both languages, with Cancel first and as the default and the cancel answer', () => {
    expect(QUIT_DIALOG.message).toBe('Thoát One-Stop Wall? / Quit One-Stop Wall?');
    expect(QUIT_DIALOG.buttons[QUIT_DIALOG.defaultId]).toMatch(/Cancel/);
    expect(QUIT_DIALOG.buttons[QUIT_DIALOG.cancelId]).toMatch(/Cancel/);
  });

  it('quits only on the Quit button', () => {
    const gate = new QuitGate();
    expect(gate.requestQuit()).toBe('ask');
    expect(gate.answered(QUIT_DIALOG.cancelId)).toBe('stay');
    expect(gate.quitting).toBe(false);
    expect(gate.requestQuit()).toBe('ask');
    expect(gate.answered(1)).toBe('quit');
    expect(gate.quitting).toBe(true);
  });

  it('shows one dialog at a time and none once quitting', () => {
    const gate = new QuitGate();
    expect(gate.requestQuit()).toBe('ask');
    expect(gate.requestQuit()).toBe('ignore');
    gate.answered(1);
    expect(gate.requestQuit()).toBe('ignore');
  });
});

describe('window close in kiosk mode', () => {
  it('is prevented until the app quits, and always allowed outside kiosk mode', () => {
    const gate = new QuitGate();
    expect(gate.closeVerdict(true)).toBe('prevent');
    expect(gate.closeVerdict(false)).toBe('allow');
    gate.markQuitting();
    expect(gate.closeVerdict(true)).toBe('allow');
  });

  it('reopens a destroyed window on a display that is still there, unless quitting', () => {
    const gate = new QuitGate();
    expect(gate.afterClosed({ kiosk: true, displayPresent: true })).toBe('reopen');
    expect(gate.afterClosed({ kiosk: true, displayPresent: false })).toBe('forget');
    expect(gate.afterClosed({ kiosk: false, displayPresent: true })).toBe('forget');
    gate.markQuitting();
    expect(gate.afterClosed({ kiosk: true, displayPresent: true })).toBe('forget');
  });
});
