// Window closes are refused in kiosk mode until the app is really quitting (staff quit through
// the `wall:quit` verb, an OS shutdown, the session's end).
import { describe, expect, it } from 'vitest';
import { QuitGate } from '../../../electron/kiosk/quit-gate';

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
