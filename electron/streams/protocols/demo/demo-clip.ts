// One demo clip held in memory: its metadata, its decoder configuration and its frames.
// A clip is read once and shared by every demo feed that plays it (16 feeds, 8 clips), so the
// wall costs a few megabytes however many tiles show it. Frame bodies are shared between feeds
// and must be treated as read-only.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FlvReader } from '../../flv/flv-reader';
import {
  FLV_CODEC_AVC,
  FLV_TAG_SCRIPT,
  FLV_TAG_VIDEO,
  videoTagInfo,
  type FlvTag,
} from '../../flv/flv-tag';
import type { SourceFailureCode } from '../../core/source';

export interface DemoFrame {
  /** Milliseconds from the clip's first frame (the first frame is 0). */
  timestamp: number;
  keyframe: boolean;
  /** The FLV video tag body. */
  data: Uint8Array;
}

export interface DemoClip {
  path: string;
  /** The clip's onMetaData tag, when it has one. */
  scriptTag: FlvTag | null;
  /** The AVC sequence header (decoder configuration record). */
  sequenceHeader: FlvTag;
  /** Video frames in decode order; frames[0] is a keyframe, timestamps strictly increase. */
  frames: DemoFrame[];
  /** The usual gap between frames (40 ms at 25 fps). */
  frameIntervalMs: number;
  /** Last frame's timestamp plus one frame interval: the period of a looping feed. */
  durationMs: number;
}

export class DemoClipError extends Error {
  constructor(
    readonly code: Extract<SourceFailureCode, 'not-found' | 'protocol-error' | 'unsupported-codec'>,
    message: string,
  ) {
    super(message);
    this.name = 'DemoClipError';
  }
}

/** Builds a clip from the bytes of an FLV file; throws DemoClipError when it is unusable. */
export function parseDemoClip(bytes: Uint8Array, path: string): DemoClip {
  const name = `demo clip ${path}`;
  let scriptTag: FlvTag | null = null;
  let sequenceHeader: FlvTag | null = null;
  const frames: DemoFrame[] = [];
  let firstTs: number | null = null;

  for (const item of new FlvReader().push(bytes)) {
    if (item.kind === 'error')
      throw new DemoClipError('protocol-error', `${name}: ${item.message}`);
    if (item.kind !== 'tag') continue;
    const { tag } = item;
    if (tag.type === FLV_TAG_SCRIPT) {
      scriptTag ??= tag;
      continue;
    }
    if (tag.type !== FLV_TAG_VIDEO) continue; // the wall is silent
    const info = videoTagInfo(tag.data);
    if (info.codec !== 'h264') {
      throw new DemoClipError('unsupported-codec', `${name}: video is not H.264`);
    }
    if (info.sequenceHeader) {
      // A second configuration mid-clip would need re-sending at each loop; we make no such clips.
      if (sequenceHeader) {
        throw new DemoClipError('protocol-error', `${name}: more than one sequence header`);
      }
      sequenceHeader = tag;
      continue;
    }
    if (!sequenceHeader) continue; // undecodable without a configuration
    // ffmpeg ends an FLV file with an AVC end-of-sequence tag; sent at every loop it would make
    // a player flush its decoder, so the clip leaves it out.
    if (isAvcEndOfSequence(tag.data)) continue;
    // Start at the first keyframe, so every loop joins on a keyframe.
    if (frames.length === 0 && !info.keyframe) continue;
    firstTs ??= tag.timestamp;
    const timestamp = tag.timestamp - firstTs;
    const prev = frames[frames.length - 1];
    if (prev && timestamp <= prev.timestamp) {
      throw new DemoClipError(
        'protocol-error',
        `${name}: timestamps do not increase (${prev.timestamp} then ${timestamp} ms); encode without B-frames`,
      );
    }
    frames.push({ timestamp, keyframe: info.keyframe, data: tag.data });
  }

  if (!sequenceHeader) {
    throw new DemoClipError('protocol-error', `${name}: no H.264 sequence header`);
  }
  const last = frames[frames.length - 1];
  if (!last) throw new DemoClipError('protocol-error', `${name}: no keyframe`);
  const frameIntervalMs = medianGap(frames);
  return {
    path,
    scriptTag,
    sequenceHeader,
    frames,
    frameIntervalMs,
    durationMs: last.timestamp + frameIntervalMs,
  };
}

/** Index of the keyframe closest to offsetMs (taken modulo the clip's duration). */
export function keyframeIndexNear(clip: DemoClip, offsetMs: number): number {
  const target = ((offsetMs % clip.durationMs) + clip.durationMs) % clip.durationMs;
  let best = 0;
  let bestDistance = Infinity;
  clip.frames.forEach((frame, index) => {
    if (!frame.keyframe) return;
    const distance = Math.abs(frame.timestamp - target);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

const cache = new Map<string, Promise<DemoClip>>();

/** Loads a clip once per path; later calls share it. A failed load is not cached. */
export function loadDemoClip(path: string): Promise<DemoClip> {
  const key = resolve(path);
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = readClip(key);
  cache.set(key, loading);
  // Forget failures, so a clip added or fixed later is picked up on the next attempt.
  loading.catch(() => cache.delete(key));
  return loading;
}

/** Drops every cached clip (tests, or after regenerating the clips). */
export function clearDemoClipCache(): void {
  cache.clear();
}

async function readClip(path: string): Promise<DemoClip> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new DemoClipError('not-found', `demo clip ${path}: ${reason}`);
  }
  return parseDemoClip(bytes, path);
}

function isAvcEndOfSequence(data: Uint8Array): boolean {
  // Legacy FLV video: [frame type|codec id], then AVCPacketType (0 config, 1 NALUs, 2 end).
  return (data[0]! & 0x80) === 0 && (data[0]! & 0x0f) === FLV_CODEC_AVC && data[1] === 2;
}

function medianGap(frames: DemoFrame[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < frames.length; i += 1) {
    gaps.push(frames[i]!.timestamp - frames[i - 1]!.timestamp);
  }
  gaps.sort((a, b) => a - b);
  // A one-frame clip has no gap to measure; assume 25 fps like every clip we make.
  return gaps[Math.floor(gaps.length / 2)] ?? 40;
}
