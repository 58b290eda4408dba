// A demo feed: plays a clip from memory as an endless live FLV stream, paced in real time.
// Timestamps start at 0 and keep increasing across loops (loop n plays at n × clip duration),
// so a player sees one continuous live stream; nothing is re-sent at a loop boundary because
// every clip starts on a keyframe.
import { FLV_TAG_SCRIPT, FLV_TAG_VIDEO } from '../../flv/flv-tag';
import type {
  SourceFactory,
  SourceFailure,
  SourceHandlers,
  UpstreamSource,
} from '../../core/source';
import { DemoClipError, keyframeIndexNear, loadDemoClip, type DemoClip } from './demo-clip';

/**
 * When the feed falls this far behind its schedule (the machine slept, the event loop was
 * blocked), it resumes from where it is instead of bursting out the missed frames.
 */
const MAX_LAG_MS = 1_000;

export interface DemoSourceOptions {
  clipPath: string;
  /** Where in the clip to start (snapped to the nearest keyframe), so feeds of one clip differ. */
  startOffsetMs?: number;
  log?: (line: string) => void;
  /** Monotonic clock in ms; tests inject one. */
  now?: () => number;
  /** Clip loader; tests inject a tiny clip. */
  loadClip?: (path: string) => Promise<DemoClip>;
}

export function createDemoSource(options: DemoSourceOptions): SourceFactory {
  return (handlers) => new DemoFeed(options, handlers);
}

/** A source that ends with `failure` soon after it starts (never synchronously). */
export function createFailedSource(failure: SourceFailure): SourceFactory {
  return (handlers) => {
    const timer = setTimeout(() => handlers.onEnd(failure), 0);
    return { close: () => clearTimeout(timer) };
  };
}

class DemoFeed implements UpstreamSource {
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private clip: DemoClip | null = null;
  /** Index in clip.frames of the next frame to send. */
  private index = 0;
  /** Output timestamp of clip time 0 in the current loop (negative before the first wrap). */
  private loopBase = 0;
  /** Clock time at which output timestamp 0 is due. */
  private startedAt = 0;

  constructor(
    private readonly options: DemoSourceOptions,
    private readonly handlers: SourceHandlers,
  ) {
    this.now = options.now ?? (() => performance.now());
    const load = options.loadClip ?? loadDemoClip;
    load(options.clipPath).then(
      (clip) => this.start(clip),
      (error: unknown) => this.fail(error),
    );
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    const code = error instanceof DemoClipError ? error.code : 'not-found';
    const message = error instanceof Error ? error.message : String(error);
    this.handlers.onEnd({ code, message });
  }

  private start(clip: DemoClip): void {
    if (this.closed) return;
    this.clip = clip;
    this.index = keyframeIndexNear(clip, this.options.startOffsetMs ?? 0);
    // Shift so the first frame sent has timestamp 0.
    this.loopBase = -clip.frames[this.index]!.timestamp;
    this.startedAt = this.now();
    this.handlers.onCodec?.('h264');
    if (clip.scriptTag) {
      this.handlers.onTag({ type: FLV_TAG_SCRIPT, timestamp: 0, data: clip.scriptTag.data });
    }
    if (this.closed) return;
    this.handlers.onTag({ type: FLV_TAG_VIDEO, timestamp: 0, data: clip.sequenceHeader.data });
    this.pump();
  }

  /** Sends every frame whose time has come, then sleeps until the next one is due. */
  private pump(): void {
    this.timer = null;
    const clip = this.clip;
    if (this.closed || !clip) return;
    const now = this.now();
    for (;;) {
      const frame = clip.frames[this.index]!;
      const timestamp = this.loopBase + frame.timestamp;
      const due = this.startedAt + timestamp;
      if (due > now) break;
      if (now - due > MAX_LAG_MS) {
        this.options.log?.(
          `demo ${clip.path}: ${Math.round(now - due)} ms behind schedule; resuming without catching up`,
        );
        this.startedAt = now - timestamp;
      }
      this.handlers.onTag({ type: FLV_TAG_VIDEO, timestamp, data: frame.data });
      if (this.closed) return; // a handler may close the source
      this.index += 1;
      if (this.index === clip.frames.length) {
        this.index = 0;
        this.loopBase += clip.durationMs;
      }
    }
    // Due times come from startedAt, not from summed delays, so timer lateness never drifts.
    const next = this.startedAt + this.loopBase + clip.frames[this.index]!.timestamp;
    this.timer = setTimeout(() => this.pump(), Math.max(0, next - this.now()));
  }
}
