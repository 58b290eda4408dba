// Timers that a session starts and stops many times: starting one again replaces the pending
// one, so a reconnect can never leave two watchdogs ticking or two lingers counting.

export class IntervalSlot {
  private handle: NodeJS.Timeout | null = null;

  start(tick: () => void, everyMs: number): void {
    this.stop();
    this.handle = setInterval(tick, everyMs);
  }

  stop(): void {
    clearInterval(this.handle ?? undefined);
    this.handle = null;
  }
}

export class TimeoutSlot {
  private handle: NodeJS.Timeout | null = null;

  get pending(): boolean {
    return this.handle !== null;
  }

  start(run: () => void, afterMs: number): void {
    this.stop();
    this.handle = setTimeout(() => {
      this.handle = null;
      run();
    }, afterMs);
  }

  stop(): void {
    clearTimeout(this.handle ?? undefined);
    this.handle = null;
  }
}
