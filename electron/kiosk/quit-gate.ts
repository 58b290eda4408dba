// Leaving the kiosk on purpose. A wall window's close is refused unless the app is quitting,
// so a stray click or a window manager's close cannot blank the wall; the way out is the
// documented chord plus a confirmation whose default is Cancel, because a keyboard left on a
// desk gets leaned on. Pure: the main process shows the dialog and reports the answer.

/** Options for dialog.showMessageBox (structurally; this module does not import Electron). */
export const QUIT_DIALOG = {
  type: 'question' as const,
  title: 'One-Stop Wall',
  message: 'Thoát One-Stop Wall? / Quit One-Stop Wall?',
  detail:
    'Màn hình sẽ tắt cho tới lần khởi động sau. / The wall stays off until it is started again.',
  buttons: ['Hủy / Cancel', 'Thoát / Quit'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

const QUIT_BUTTON = 1;

export type CloseVerdict = 'prevent' | 'allow';

export class QuitGate {
  private quittingNow = false;
  private asking = false;

  get quitting(): boolean {
    return this.quittingNow;
  }

  /** The quit chord was pressed: 'ask' shows the dialog; a second press while it is up does not. */
  requestQuit(): 'ask' | 'ignore' {
    if (this.asking || this.quittingNow) return 'ignore';
    this.asking = true;
    return 'ask';
  }

  /** The dialog's answer (its button index); Escape or closing the dialog means Cancel. */
  answered(response: number): 'quit' | 'stay' {
    this.asking = false;
    if (response !== QUIT_BUTTON) return 'stay';
    this.quittingNow = true;
    return 'quit';
  }

  /** The app is going away for another reason (app.quit, OS shutdown, session end). */
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
