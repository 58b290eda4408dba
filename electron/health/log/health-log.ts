// The main process's append-only health log: every change of a camera's state, with time and
// reason, in monthly segments (see record-codec for the format, frame-codec for durability).
//
// fsync policy: a write is fsynced at once unless the previous fsync was less than fsyncMs
// ago (default 5 s); then it is left dirty and the next write or tick() after the interval
// fsyncs it. Rotation and close() always fsync. So a lone state change is durable at once,
// a burst (a switch dies, 25 cameras change together) costs one fsync, and a power cut loses
// at most fsyncMs of records. Heartbeats: tick() writes one when nothing was written for
// heartbeatMs (default 5 min, ~12 bytes, ~1.3 MB a year). After a crash the reader takes the
// last record or heartbeat as the stop time, so the app's downtime is understated by at most
// heartbeatMs + fsyncMs; a shorter interval is more exact and costs disk in proportion.
//
// Single instance: one HealthLog per directory per process; a second open() of the same
// directory throws rather than interleaving two writers' frames and intern tables. Separate
// processes are kept apart by the app's single-instance lock, not here.
import { mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  APP_ID,
  MAX_ID_CHARS,
  MAX_REASON_CHARS,
  isAppState,
  isHealthState,
  stateOf,
  type CameraState,
  type HealthRecord,
} from './health-record';
import { readRange, type HealthReadResult } from './range-reader';
import { DEFAULT_MAX_BYTES, enforceCap } from './retention';
import { listSegments, monthKey, segmentPath, segmentsForRange } from './segment-files';
import { replaySegment } from './segment-replay';
import { SegmentWriter } from './segment-writer';

export interface HealthLogOptions {
  dir: string;
  /** Epoch ms; injected so tests never depend on the wall clock. */
  now: () => number;
  heartbeatMs?: number;
  fsyncMs?: number;
  maxBytes?: number;
}

const openDirs = new Set<string>();

export class HealthLog {
  private readonly states = new Map<string, CameraState>();
  private writer: SegmentWriter | null = null;
  private writerKey = '';
  private lastAt = 0;
  /** The newest record or heartbeat found on disk at open (0: none): the clock check's anchor. */
  private lastAtOpen = 0;
  private lastSyncAt = -Infinity;
  private dirty = false;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly options: Required<Omit<HealthLogOptions, 'dir'>>,
  ) {}

  static open(options: HealthLogOptions): HealthLog {
    const dir = resolve(options.dir);
    if (openDirs.has(dir)) throw new Error(`health log ${dir} is already open in this process`);
    mkdirSync(dir, { recursive: true });
    const log = new HealthLog(dir, {
      now: options.now,
      heartbeatMs: options.heartbeatMs ?? 5 * 60_000,
      fsyncMs: options.fsyncMs ?? 5_000,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    });
    openDirs.add(dir);
    try {
      log.recover();
      log.lastAtOpen = log.lastAt;
      log.write({ at: options.now(), cameraId: APP_ID, state: 'app-started' });
    } catch (error) {
      log.release();
      throw error;
    }
    return log;
  }

  /** Logs a change; returns false (and writes nothing) if the camera already had it. */
  append(record: HealthRecord): boolean {
    if (this.closed) throw new Error('health log is closed');
    if (!Number.isFinite(record.at)) throw new RangeError(`bad time ${record.at}`);
    if (!isHealthState(record.state) || isAppState(record.state)) {
      throw new RangeError(`not a camera state: ${record.state}`);
    }
    if (!record.cameraId) throw new RangeError('cameraId is empty');
    const clean: HealthRecord = {
      at: Math.round(record.at),
      cameraId: record.cameraId.slice(0, MAX_ID_CHARS),
      state: record.state,
    };
    if (record.reason) clean.reason = record.reason.slice(0, MAX_REASON_CHARS);
    const current = this.states.get(clean.cameraId);
    if (current && current.state === clean.state && current.reason === clean.reason) return false;
    this.write(clean);
    return true;
  }

  /** Call every minute or so: writes a due heartbeat and a pending fsync. */
  tick(): void {
    if (this.closed) return;
    const now = this.options.now();
    if (now - this.lastAt >= this.options.heartbeatMs) {
      this.segmentFor(now).heartbeat(now);
      this.lastAt = now;
      this.dirty = true;
    }
    this.maybeSync();
  }

  read(from: number, to: number): HealthReadResult {
    const segments = segmentsForRange(listSegments(this.dir), from, to);
    return readRange(
      segments.map((s) => replaySegment(readFileSync(s.path))),
      from,
      to,
    );
  }

  /** When the previous run last wrote (a record or heartbeat), or null for a new log. */
  lastWrittenBeforeOpen(): number | null {
    return this.lastAtOpen > 0 ? this.lastAtOpen : null;
  }

  /** Every camera's current state (the app's own under APP_ID). */
  current(): CameraState[] {
    return [...this.states.values()];
  }

  close(): void {
    if (this.closed) return;
    try {
      this.write({ at: this.options.now(), cameraId: APP_ID, state: 'app-stopped' });
      this.writer?.sync();
    } finally {
      this.release();
    }
  }

  private release(): void {
    this.closed = true;
    this.writer?.close();
    this.writer = null;
    openDirs.delete(this.dir);
  }

  /** Rebuilds state from the newest usable segment and truncates its torn tail. */
  private recover(): void {
    const segments = listSegments(this.dir);
    while (segments.length > 0) {
      const last = segments.pop()!;
      const contents = replaySegment(readFileSync(last.path));
      if (!contents.complete) {
        // Torn while its header/snapshot was written: it holds no event; the previous
        // segment still has the state, and the next write recreates this one.
        unlinkSync(last.path);
        continue;
      }
      for (const s of contents.snapshot) this.states.set(s.cameraId, s);
      for (const e of contents.entries) {
        if (e.kind === 'record') this.states.set(e.record.cameraId, stateOf(e.record));
      }
      this.lastAt = contents.lastAt;
      if (last.key === monthKey(this.options.now())) {
        this.writer = SegmentWriter.resume(last.path, contents);
        this.writerKey = last.key;
      }
      return;
    }
  }

  private write(record: HealthRecord): void {
    this.segmentFor(record.at).appendRecord(record);
    this.states.set(record.cameraId, stateOf(record));
    this.lastAt = record.at;
    this.dirty = true;
    this.maybeSync();
  }

  // Rotates forward only. A record from a clock set back to an earlier month stays in the
  // current segment (its offset from the base is negative): kept, but found by read() only
  // for ranges that reach the current segment's month.
  private segmentFor(at: number): SegmentWriter {
    const key = monthKey(at);
    if (this.writer && key <= this.writerKey) return this.writer;
    if (this.writer) {
      this.writer.sync();
      this.writer.close();
    }
    this.writer = SegmentWriter.create(segmentPath(this.dir, key), at, this.lastAt, [
      ...this.states.values(),
    ]);
    this.writerKey = key;
    this.writer.sync();
    enforceCap(this.dir, this.options.maxBytes, key);
    return this.writer;
  }

  private maybeSync(): void {
    const now = this.options.now();
    if (!this.dirty || !this.writer || now - this.lastSyncAt < this.options.fsyncMs) return;
    this.writer.sync();
    this.lastSyncAt = now;
    this.dirty = false;
  }
}
