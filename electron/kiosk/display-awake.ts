// Keeps the display awake only while the wall shows cameras (office hours, or a staff look
// outside them). Outside hours the dark screen lets the operating system sleep the display as
// it is set to. Electron's powerSaveBlocker is the seam; the decision is here, tested in Node.

export interface PowerSaveSeam {
  /** Starts a 'prevent-display-sleep' blocker and returns its id. */
  start(): number;
  stop(id: number): void;
}

export class DisplayAwake {
  private blocker: number | null = null;

  constructor(
    private readonly seam: PowerSaveSeam,
    private readonly log: (line: string) => void,
  ) {}

  /** Call with whether the wall shows cameras, at start and on every change. */
  follow(showing: boolean): void {
    if (showing && this.blocker === null) {
      this.blocker = this.seam.start();
      this.log('power: the display is kept awake while the wall shows the cameras');
    } else if (!showing && this.blocker !== null) {
      this.seam.stop(this.blocker);
      this.blocker = null;
      this.log('power: outside working hours the display may sleep');
    }
  }

  get keptAwake(): boolean {
    return this.blocker !== null;
  }
}
