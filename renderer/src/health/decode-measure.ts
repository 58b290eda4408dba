// Measures how many tiles this display decodes at full frame rate: N players of the demo clips
// (served by main under the PC check's camera ids) at once, N stepping up through the usual tile
// counts while every player keeps FULL_RATE_SHARE of the clip's rate over a window. Players are
// real mpegts.js players like a tile's, shown small in the status view while they run, and
// always destroyed. Bounded: a step that does not start in time, or the overall deadline, ends it.
import {
  FULL_RATE_SHARE,
  PC_CHECK_CLIP,
  PC_CHECK_STEPS,
  pcCheckCameraId,
  streamUrl,
  type DecodeMeasure,
  type DecodeStep,
} from '../contract';
import type { EnginePlayer, PlayerEngine } from '../player/player-engine';

export interface MeasureOptions {
  engine: PlayerEngine;
  gatewayBase: string;
  /** Where the players' <video> elements go while they run. */
  host: HTMLElement;
  /** The wall's own pictures (<video>s and WebCodecs canvases), to count those that kept playing. */
  wallVideos: () => PlaybackCounted[];
  onStep?: (tiles: number) => void;
  windowMs?: number;
  startTimeoutMs?: number;
  deadlineMs?: number;
}

interface Running {
  video: HTMLVideoElement;
  player: EnginePlayer;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A <video>, or a WebCodecs tile's canvas, which answers the same (player/canvas-measures.ts). */
export type PlaybackCounted = Pick<HTMLVideoElement, 'getVideoPlaybackQuality'>;

const presented = (v: PlaybackCounted) => {
  const q = v.getVideoPlaybackQuality();
  return { total: q.totalVideoFrames, dropped: q.droppedVideoFrames };
};

function startPlayers(count: number, options: MeasureOptions): Running[] {
  return Array.from({ length: count }, (_, i) => {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.className = 'pc-check__video';
    options.host.append(video);
    const url = streamUrl(options.gatewayBase, pcCheckCameraId(i + 1), 'sub');
    const player = options.engine.create(url, { onDataError: () => {} });
    player.attachMediaElement(video);
    player.load();
    void Promise.resolve(player.play()).catch(() => {});
    return { video, player };
  });
}

function stopPlayers(players: Running[]): void {
  for (const { video, player } of players) {
    try {
      player.pause();
      player.unload();
      player.detachMediaElement();
      player.destroy();
    } catch {
      // A player that failed half-way is still removed below.
    }
    video.remove();
  }
}

async function waitForFrames(players: Running[], timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (players.every((p) => presented(p.video).total > 0)) return true;
    await sleep(200);
  }
  return false;
}

async function measureStep(
  tiles: number,
  options: MeasureOptions,
): Promise<{ step: DecodeStep; wall: number } | { failed: string }> {
  const players = startPlayers(tiles, options);
  try {
    if (!(await waitForFrames(players, options.startTimeoutMs ?? 10_000))) {
      return { failed: `${tiles} players did not all start` };
    }
    const wallVideos = options.wallVideos();
    const before = players.map((p) => presented(p.video));
    const wallBefore = wallVideos.map((v) => presented(v).total);
    const started = performance.now();
    await sleep(options.windowMs ?? 3_000);
    const seconds = (performance.now() - started) / 1000;
    const after = players.map((p) => presented(p.video));
    const fps = after.map((a, i) => {
      const b = before[i]!;
      return (a.total - a.dropped - (b.total - b.dropped)) / seconds;
    });
    const slowestFps = Math.round(Math.min(...fps) * 10) / 10;
    const dropped = after.reduce((sum, a, i) => sum + a.dropped - before[i]!.dropped, 0);
    const wall = wallVideos.filter((v, i) => presented(v).total > wallBefore[i]!).length;
    const fullRate = slowestFps >= PC_CHECK_CLIP.fps * FULL_RATE_SHARE;
    return { step: { tiles, slowestFps, dropped, fullRate }, wall };
  } finally {
    stopPlayers(players);
  }
}

export async function measureDecode(options: MeasureOptions): Promise<DecodeMeasure> {
  const deadline = performance.now() + (options.deadlineMs ?? 90_000);
  const steps: DecodeStep[] = [];
  let best = { tiles: 0, wall: 0 };
  let stoppedBy: string | null = null;
  for (const tiles of PC_CHECK_STEPS) {
    if (performance.now() > deadline) {
      stoppedBy = 'time';
      break;
    }
    options.onStep?.(tiles);
    const result = await measureStep(tiles, options);
    if ('failed' in result) {
      stoppedBy = result.failed;
      break;
    }
    steps.push(result.step);
    if (!result.step.fullRate) break;
    best = { tiles, wall: result.wall };
  }
  return {
    tiles: best.tiles,
    clip: { ...PC_CHECK_CLIP },
    wallPlayers: best.wall,
    steps,
    stoppedBy,
  };
}
