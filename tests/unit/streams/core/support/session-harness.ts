// The scaffolding of the StreamSession tests: a real clip's FLV tags fed by a scripted
// upstream (the session's own logic is what is under test), a recording viewer, fake timers.
import { readClockMark } from '../../../../../electron/streams/flv/clock-mark';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { StreamStatus } from '../../../../../electron/contract/wall-contract';
import { FlvReader } from '../../../../../electron/streams/flv/flv-reader';
import {
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
} from '../../../../../electron/streams/flv/flv-tag';
import type { SourceFailure, SourceHandlers } from '../../../../../electron/streams/core/source';
import type { SessionTimings } from '../../../../../electron/streams/core/session-timings';
import { StreamSession } from '../../../../../electron/streams/core/stream-session';
import type { ViewerSink } from '../../../../../electron/streams/core/stream-viewer';

// The demo clip, parsed once: [script, AVC config, keyframe, frames…], 40 ms apart.
export const CLIP_TAGS: FlvTag[] = new FlvReader()
  .push(readFileSync(join(__dirname, '../../../../../assets/demo/clip-1.flv')))
  .flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
export const isKey = (t: FlvTag) =>
  t.type === FLV_TAG_VIDEO && videoTagInfo(t.data).keyframe && !videoTagInfo(t.data).sequenceHeader;
export const isConfig = (t: FlvTag) =>
  t.type === FLV_TAG_VIDEO && videoTagInfo(t.data).sequenceHeader;
export const isFrame = (t: FlvTag) =>
  t.type === FLV_TAG_VIDEO && !videoTagInfo(t.data).sequenceHeader;
export const SCRIPT = CLIP_TAGS[0]!;
export const CONFIG = CLIP_TAGS.find(isConfig)!;
export const FRAMES = CLIP_TAGS.filter(isFrame);
export const FIRST_GOP_LENGTH = FRAMES.findIndex((t, i) => i > 0 && isKey(t));

/** One scripted upstream connection attempt. */
export class ScriptedSource {
  closed = false;
  constructor(readonly handlers: SourceHandlers) {}

  emit(tags: readonly FlvTag[], intervalMs = 40): void {
    for (const tag of tags) {
      if (isFrame(tag)) vi.advanceTimersByTime(intervalMs);
      this.handlers.onTag(tag);
    }
  }

  /** Script, config and `frames` frames of the clip (from its start, a keyframe). */
  play(frames = FRAMES.length): void {
    this.emit([SCRIPT, CONFIG, ...FRAMES.slice(0, frames)]);
  }

  end(code: SourceFailure['code'], message = `scripted ${code}`): void {
    this.handlers.onEnd({ code, message });
  }
}

export class ScriptedUpstream {
  readonly sources: ScriptedSource[] = [];
  readonly factory = (handlers: SourceHandlers) => {
    const source = new ScriptedSource(handlers);
    this.sources.push(source);
    return { close: () => void (source.closed = true) };
  };

  get last(): ScriptedSource {
    const source = this.sources.at(-1);
    if (!source) throw new Error('no connection was opened');
    return source;
  }
}

export class RecordingSink implements ViewerSink {
  readonly chunks: Uint8Array[] = [];
  buffered = 0;
  closedWith: string | null = null;
  send(bytes: Uint8Array): void {
    this.chunks.push(bytes);
  }
  bufferedBytes(): number {
    return this.buffered;
  }
  close(reason: string): void {
    this.closedWith = reason;
  }
  /** What a player would parse out of the bytes so far. */
  parsed() {
    const reader = new FlvReader();
    const results = this.chunks.flatMap((c) => reader.push(c));
    expect(results.filter((r) => r.kind === 'error')).toEqual([]);
    const all = results.flatMap((r) => (r.kind === 'tag' ? [r.tag] : []));
    return {
      header: results[0]?.kind === 'header',
      // The media; the clock marks before keyframes (clock-mark.ts) are listed apart.
      tags: all.filter((tag) => readClockMark(tag) === null),
      marks: all.flatMap((tag) => readClockMark(tag) ?? []),
    };
  }
}

export const TIMINGS: SessionTimings = {
  noMediaTimeoutMs: 2_000,
  stallTimeoutMs: 1_000,
  lingerMs: 3_000,
  healthyAfterMs: 4_000,
};

export let upstream: ScriptedUpstream;
export let statuses: StreamStatus[];
export let logs: string[];
export let session: StreamSession;

export function newSession(timings: Partial<SessionTimings> = TIMINGS): StreamSession {
  return new StreamSession({
    cameraId: 'cam-1',
    quality: 'sub',
    label: 'Cẩm Đoài · Quầy 1',
    factory: upstream.factory,
    timings,
    onStatus: (s) => statuses.push(s),
    log: (line) => logs.push(line),
    random: () => 0, // no jitter: delays are exact
  });
}

/** Replaces the current session (the harness closes whichever is current after each test). */
export function useSession(next: StreamSession): StreamSession {
  session = next;
  return next;
}

/** Registers the fake clock and a fresh session around every test of the calling file. */
export function installSessionHarness(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-03-01T08:00:00Z') });
    upstream = new ScriptedUpstream();
    statuses = [];
    logs = [];
    session = newSession();
  });

  afterEach(() => {
    session.close();
    vi.useRealTimers();
  });
}
