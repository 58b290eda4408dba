// The slice of mpegts.js a tile player uses, as an interface: the tile player's lifecycle
// (create, recover, tear down in order) is then unit-tested under Node with a fake engine.

export interface EnginePlayer {
  /** mpegts.js passes untyped arguments: listeners take them as unknown and check them. */
  on(event: string, listener: (...args: unknown[]) => void): void;
  attachMediaElement(element: HTMLMediaElement): void;
  load(): void;
  play(): Promise<void> | void;
  pause(): void;
  unload(): void;
  detachMediaElement(): void;
  destroy(): void;
  /**
   * How far the buffered end runs past the newest frame's start, in seconds: the fragmented-MP4
   * engine appends each frame at once with a guessed duration, so that much of the "buffer" is
   * the last frame's guess, not frames. The live sync measures what is really there.
   */
  liveEdgeLead?(): number;
}

/** What a player reports outside mpegts.js's event emitter. */
export interface EngineHooks {
  /** The demuxer threw on the stream's bytes (caught, not thrown into the page). */
  onDataError(error: unknown): void;
}

/** Live follows the newest frame; replay plays a finished clip at normal speed, keeping it all. */
export type PlayMode = 'live' | 'replay';

export interface PlayerEngine {
  /** False when this display cannot play live MSE at all. */
  supported(): boolean;
  create(url: string, hooks: EngineHooks, mode?: PlayMode): EnginePlayer;
  /** Starts, ahead of the first player, what every player will need (a worker); optional. */
  warmUp?(): void;
  /** scriptData: FLV script tags (main's clock marks, look/frame-clock.ts). */
  readonly events: { error: string; mediaInfo: string; scriptData?: string };
  /** The error detail that means the codec cannot be decoded here. */
  readonly codecUnsupportedDetail: string;
  /** Whether an ERROR event says the bytes could not be demuxed or appended (MSE, format). */
  isDecodeError(type: string, detail: string): boolean;
}
