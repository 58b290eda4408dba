// Appends frames to one segment file. Each append is a single write of whole frames (a new
// camera or reason definition travels in the same write as the event that needs it), so a
// power cut can only tear the tail, which the next open truncates away.
import { closeSync, fdatasyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { encodeFrame } from './frame-codec';
import { HEALTH_STATES, type CameraState, type HealthRecord } from './health-record';
import { FORMAT_VERSION, encodePayload, type Payload } from './record-codec';
import type { SegmentContents } from './segment-replay';

export class SegmentWriter {
  private readonly cameras = new Map<string, number>();
  private readonly reasons = new Map<string, number>();
  private fd: number | null;

  private constructor(
    readonly path: string,
    private readonly base: number,
    public size: number,
  ) {
    this.fd = openSync(path, 'r+');
  }

  /** A new segment: header and a snapshot of every camera, in one write. */
  static create(path: string, base: number, prevLastAt: number, states: CameraState[]) {
    // 'w' then 'r+': the file is (re)created empty even if a torn attempt was left behind.
    closeSync(openSync(path, 'w'));
    const writer = new SegmentWriter(path, base, 0);
    const frames: Buffer[] = [
      writer.frame({ kind: 'header', version: FORMAT_VERSION, base, prevLastAt }),
    ];
    for (const s of states) frames.push(...writer.eventFrames('snapshot', s.since, s));
    frames.push(writer.frame({ kind: 'snapshot-end', count: states.length }));
    writer.write(frames);
    return writer;
  }

  /** Continue an existing segment: cut off a torn tail first, then reuse its interned names. */
  static resume(path: string, contents: SegmentContents): SegmentWriter {
    const writer = new SegmentWriter(path, contents.base, contents.goodEnd);
    ftruncateSync(writer.openFd(), contents.goodEnd);
    contents.cameraIds.forEach((id, i) => writer.cameras.set(id, i));
    contents.reasons.forEach((text, i) => writer.reasons.set(text, i));
    return writer;
  }

  appendRecord(record: HealthRecord): void {
    const added = this.cameras.size + this.reasons.size;
    try {
      this.write(this.eventFrames('event', record.at, record));
    } catch (error) {
      // The definitions did not reach the disk: forget them so they are written next time.
      if (this.cameras.size + this.reasons.size !== added) {
        this.cameras.delete(record.cameraId);
        if (record.reason !== undefined) this.reasons.delete(record.reason);
      }
      throw error;
    }
  }

  heartbeat(at: number): void {
    this.write([this.frame({ kind: 'heartbeat', dt: at - this.base })]);
  }

  sync(): void {
    fdatasyncSync(this.openFd());
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private eventFrames(
    kind: 'event' | 'snapshot',
    at: number,
    s: { cameraId: string; state: string; reason?: string },
  ): Buffer[] {
    const frames: Buffer[] = [];
    const camera = this.intern(this.cameras, s.cameraId, 'camera', frames);
    const reason =
      s.reason === undefined ? 0 : 1 + this.intern(this.reasons, s.reason, 'reason', frames);
    const state = (HEALTH_STATES as readonly string[]).indexOf(s.state);
    frames.push(this.frame({ kind, dt: at - this.base, camera, state, reason }));
    return frames;
  }

  private intern(
    table: Map<string, number>,
    text: string,
    kind: 'camera' | 'reason',
    frames: Buffer[],
  ): number {
    const known = table.get(text);
    if (known !== undefined) return known;
    const index = table.size;
    table.set(text, index);
    frames.push(this.frame(kind === 'camera' ? { kind, index, id: text } : { kind, index, text }));
    return index;
  }

  private frame(p: Payload): Buffer {
    return encodeFrame(encodePayload(p));
  }

  private write(frames: Buffer[]): void {
    const bytes = Buffer.concat(frames);
    // Positional write at our own idea of the end, so a partial write cannot leave a gap.
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(this.openFd(), bytes, done, bytes.length - done, this.size + done);
    }
    this.size += bytes.length;
  }

  private openFd(): number {
    if (this.fd === null) throw new Error(`health log segment ${this.path} is closed`);
    return this.fd;
  }
}
