// Leaving the kiosk on purpose. A wall window's close is refused unless the app is quitting,
// so a stray click or a window manager's close cannot blank the wall. The way out is a staff
// action in the page (the quit chord or the toolbar, the PIN, a confirmation whose default is
// Cancel), ending in the `wall:quit` verb, which main refuses while locked. Pure: the main
// process reports what happens and obeys the verdicts.

export type CloseVerdict = 'prevent' | 'allow';

export class QuitGate {
  private quittingNow = false;

  get quitting(): boolean {
    return this.quittingNow;
  }

  /** The app is going away (staff quit through `wall:quit`, OS shutdown, session end). */
  markQuitting(): void {
    this.quittingNow = true;
  }

  /** A wall window's 'close' event. Outside kiosk mode a developer closes windows freely. */
  closeVerdict(kiosk: boolean): CloseVerdict {
    return kiosk && !this.quittingNow ? 'prevent' : 'allow';
  }

  /** A wall window was destroyed anyway: reopen it unless the app is leaving or its display is. */
  afterClosed(options: { kiosk: boolean; displayPresent: boolean }): 'reopen' | 'forget' {
    return options.kiosk && !this.quittingNow && options.displayPresent ? 'reopen' : 'forget';
  }
}
