// Bytes handed to a socket, carved from shared slabs instead of one allocation each. Every
// FLV tag sent to a viewer used to be its own ArrayBuffer (allocated, tracked as external
// memory, swept by the GC), at 25 a second per viewer, plus the clock marks. Here a 64 KiB
// slab serves dozens of tags. A piece is never written again after it is handed out (a socket
// may still be sending it), so nothing is reused: a slab is simply dropped when full, and the
// GC frees it once the last piece of it is sent. Pure; one thread.

export class ByteSlab {
  private slab: Uint8Array;
  private used = 0;

  constructor(private readonly slabBytes = 64 * 1024) {
    this.slab = new Uint8Array(slabBytes);
  }

  /** n fresh bytes of their own (their content is unspecified: write every one). */
  take(n: number): Uint8Array {
    // A large piece (a keyframe) gets its own buffer rather than pinning a mostly-empty slab.
    if (n > this.slabBytes / 4) return new Uint8Array(n);
    if (this.used + n > this.slabBytes) {
      this.slab = new Uint8Array(this.slabBytes);
      this.used = 0;
    }
    const piece = this.slab.subarray(this.used, this.used + n);
    this.used += n;
    return piece;
  }
}
