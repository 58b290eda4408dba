// The second player of a maximised tile during an instant replay: its own <video> over the
// live one (which keeps playing, so main keeps buffering), the clip from main's replay buffer
// played once at normal speed, then done. It knows when each frame was live (the clip carries
// main's clock marks) and how far through the clip it is.
import { FrameClock, clockMarkOf } from '../look/frame-clock';
import { registerFrameTime } from '../look/frame-times';
import type { EnginePlayer, PlayerEngine } from './player-engine';

/** No picture this long after asking: nothing to replay (main closes at once when it has none). */
export const REPLAY_NOTHING_MS = 4_000;

export type ReplayEnd = 'ended' | 'nothing' | 'error';

export interface ReplayProgress {
  /** 0 … 1 of the clip played. */
  fraction: number;
  /** When the frame on screen was live (epoch ms), or null before the first mark. */
  frameAt: number | null;
}

export class ReplayPlayer {
  readonly video: HTMLVideoElement;
  private readonly clock = new FrameClock();
  private readonly player: EnginePlayer | null;
  private shownMediaTime: number | null = null;
  private shown = false;
  private done = false;
  private readonly nothingTimer: ReturnType<typeof setTimeout>;

  constructor(
    url: string,
    engine: PlayerEngine,
    private readonly onEnd: (end: ReplayEnd) => void,
  ) {
    this.video = document.createElement('video');
    Object.assign(this.video, { muted: true, playsInline: true, autoplay: true });
    this.video.className = 'tile-video replay-video';
    registerFrameTime(this.video, (mediaTime) => this.frameTime(mediaTime));
    this.video.addEventListener('ended', () => this.finish('ended'));
    this.nothingTimer = setTimeout(() => {
      if (!this.shown) this.finish('nothing');
    }, REPLAY_NOTHING_MS);
    const onFrame = (_now: number, frame: VideoFrameCallbackMetadata): void => {
      this.shown = true;
      this.shownMediaTime = frame.mediaTime;
      if (!this.done) this.video.requestVideoFrameCallback(onFrame);
    };
    this.video.requestVideoFrameCallback(onFrame);
    if (!engine.supported()) {
      this.player = null;
      return;
    }
    const player = engine.create(url, { onDataError: () => this.finish('error') }, 'replay');
    player.on(engine.events.error, () => this.finish('error'));
    if (engine.events.scriptData) {
      player.on(engine.events.scriptData, (data) => {
        const mark = clockMarkOf(data);
        if (mark) this.clock.add(mark);
      });
    }
    player.attachMediaElement(this.video);
    player.load();
    void Promise.resolve(player.play()).catch(() => undefined);
    this.player = player;
  }

  frameTime(mediaTime?: number): number | null {
    return this.clock.epochAt(mediaTime ?? this.shownMediaTime ?? this.video.currentTime);
  }

  progress(): ReplayProgress {
    const { buffered, currentTime } = this.video;
    const start = buffered.length > 0 ? buffered.start(0) : 0;
    const end = buffered.length > 0 ? buffered.end(buffered.length - 1) : 0;
    const fraction = end > start ? (currentTime - start) / (end - start) : 0;
    return { fraction: Math.min(1, Math.max(0, fraction)), frameAt: this.frameTime() };
  }

  destroy(): void {
    this.done = true;
    clearTimeout(this.nothingTimer);
    const player = this.player;
    try {
      player?.pause();
      player?.unload();
      player?.detachMediaElement();
      player?.destroy();
    } catch (error) {
      console.warn('replay-player: teardown failed', error);
    }
    this.video.remove();
    this.video.removeAttribute('src');
  }

  private finish(end: ReplayEnd): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.nothingTimer);
    this.onEnd(end);
  }
}
