// Keeps the sub-stream session of every installed camera open while the wall runs, whether a
// tile shows it or not: a broker viewer that is not a tile and throws the video away. So every
// configured centre has a real status (the banner counts the ones without picture off screen
// too), the health log records real outages rather than "unwatched", and a tile that comes on
// screen finds its connection made and a keyframe cached. It holds one viewer per camera,
// never a connection of its own: the broker still opens one session per camera and quality.
import type { CameraAvailability } from '../contract/wall-contract';
import type { StreamBroker } from '../streams/core/stream-broker';
import type { ViewerSink } from '../streams/core/stream-viewer';

/** After the broker closes the watch's viewer (a session dropped, a timeline renewed). */
export const REATTACH_MS = 1_000;

export interface WatchedCamera {
  id: string;
  availability: CameraAvailability;
}

export interface BackgroundWatchOptions {
  broker: Pick<StreamBroker, 'attach'>;
  log: (line: string) => void;
  reattachMs?: number;
}

interface Hold {
  detach: (() => void) | null;
  timer: NodeJS.Timeout | null;
}

export class BackgroundWatch {
  private readonly holds = new Map<string, Hold>();
  private paused = false;
  private closed = false;

  constructor(private readonly options: BackgroundWatchOptions) {}

  /**
   * Watches exactly the installed cameras among these; call again with the new list when the
   * configuration changes. A camera removed, not installed or disabled is let go at once.
   */
  watch(cameras: readonly WatchedCamera[]): void {
    if (this.closed) return;
    const wanted = new Set(cameras.filter((c) => c.availability === 'installed').map((c) => c.id));
    for (const id of [...this.holds.keys()]) if (!wanted.has(id)) this.release(id);
    for (const id of wanted) {
      if (this.holds.has(id)) continue;
      this.holds.set(id, { detach: null, timer: null });
      if (!this.paused) this.hold(id);
    }
  }

  /** Lets go of every session (they linger, then go idle), keeping the list for resume(). */
  pause(): void {
    if (this.paused || this.closed) return;
    this.paused = true;
    for (const hold of this.holds.values()) letGo(hold);
  }

  resume(): void {
    if (!this.paused || this.closed) return;
    this.paused = false;
    for (const id of this.holds.keys()) this.hold(id);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** The cameras whose sub session the watch holds open right now. */
  holding(): string[] {
    return [...this.holds].filter(([, hold]) => hold.detach !== null).map(([id]) => id);
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.holds.keys()]) this.release(id);
  }

  private release(id: string): void {
    const hold = this.holds.get(id);
    if (hold) letGo(hold);
    this.holds.delete(id);
  }

  private hold(id: string): void {
    const hold = this.holds.get(id);
    if (!hold || hold.detach !== null || this.paused || this.closed) return;
    clearTimeout(hold.timer ?? undefined);
    hold.timer = null;
    let current = true;
    const sink: ViewerSink = {
      send: () => {},
      bufferedBytes: () => 0,
      // Nothing is encoded for it: the watch keeps sessions open, it shows nothing.
      discards: true,
      // The session ended this viewer: attach again shortly, to whatever session the broker
      // has by then (a dropped session is replaced; a renewed timeline starts over).
      close: () => {
        if (!current) return;
        current = false;
        hold.detach = null;
        this.reattachLater(id, hold);
      },
    };
    const attached = this.options.broker.attach(id, 'sub', sink);
    if ('error' in attached) {
      current = false;
      this.options.log(`watch: cannot watch camera ${id}: ${attached.error}`);
      return;
    }
    // attach() may already have closed a viewer of a session that was closing.
    if (!current) return;
    hold.detach = () => {
      current = false;
      attached.detach();
    };
  }

  private reattachLater(id: string, hold: Hold): void {
    if (this.paused || this.closed || this.holds.get(id) !== hold) return;
    hold.timer = setTimeout(() => {
      hold.timer = null;
      this.hold(id);
    }, this.options.reattachMs ?? REATTACH_MS);
    hold.timer.unref?.();
  }
}

function letGo(hold: Hold): void {
  clearTimeout(hold.timer ?? undefined);
  hold.timer = null;
  const detach = hold.detach;
  hold.detach = null;
  detach?.();
}
