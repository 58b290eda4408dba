// The page's side of the worker's spare MediaSources (fmp4-worker-core.ts). The worker numbers
// them 1, 2, 3… and always holds SPARE_SOURCES unclaimed (it makes one more for each claim), so
// the page claims the next number at once, without asking: the feed opens its stream in the
// worker straight away, and the tile's <video> takes the source's handle when it is in the page,
// usually already, at boot as soon as the worker's first message is read. That message is
// queued long before React's first render ends, which the worker's answer to each tile used to
// wait behind (about 100 ms at boot, measured).
import type { SpareSource } from './fmp4-worker-protocol';

export class SpareClaims {
  private next = 1;
  private readonly arrived = new Map<number, MediaSourceHandle>();
  private readonly waiting = new Map<number, (handle: MediaSourceHandle) => void>();

  /** Claims the next spare: `attach` gets its handle now if it is here, or when it arrives. */
  claim(attach: (handle: MediaSourceHandle) => void): number {
    const spare = this.next++;
    const handle = this.arrived.get(spare);
    if (handle) {
      this.arrived.delete(spare);
      attach(handle);
    } else {
      this.waiting.set(spare, attach);
    }
    return spare;
  }

  /** Handles from the worker: to the claims waiting for them, or kept for the next claims. */
  arrive(sources: readonly SpareSource[]): void {
    for (const { spare, handle } of sources) {
      const attach = this.waiting.get(spare);
      if (attach) {
        this.waiting.delete(spare);
        attach(handle);
      } else if (spare >= this.next) {
        this.arrived.set(spare, handle);
      }
    }
  }

  /** The worker is gone: nothing waits, nothing is kept. */
  clear(): void {
    this.arrived.clear();
    this.waiting.clear();
  }
}
