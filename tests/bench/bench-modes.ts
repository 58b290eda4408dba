// The run's shape: full or quick mode, the command-line overrides, and the method notes printed
// and kept in results.json, so a reader knows what each number covers.
import { BARCODE_STREAMS } from './bench-streams';
import { BASELINE_CONFIGS } from './baseline-page';
import { CONTENDERS, type Contender } from './results';

export interface Mode {
  name: 'full' | 'quick';
  tileCounts: number[];
  warmupMs: number;
  windowMs: number;
  /** 16 tiles gets a longer window: the drift slope there is a target. */
  window16Ms: number;
  recoveryTiles: number;
  recoveryContenders: readonly Contender[];
  relayStreams: number;
  costWindowMs: number;
  /**
   * RTSP cost: each ffmpeg stream is a process of its own at about 0.3 % of a core, i.e. a few
   * 100 Hz ticks in a 10 s window; more streams and a longer window than the relay part keep
   * the per-stream figure from being mostly rounding.
   */
  rtspStreams: number;
  rtspWindowMs: number;
  /** --soak: our wall alone, for a long window. */
  soak: boolean;
  /** --tiles-only / --soak: skip the layout, recovery, relay, RTSP and parser parts. */
  tilesOnly: boolean;
  /** --contenders ours,tuned: only these, for tuning one thing (the full run has all five). */
  contenders: readonly Contender[];
}

const MODES: Record<Mode['name'], Omit<Mode, 'soak' | 'tilesOnly' | 'contenders'>> = {
  full: {
    name: 'full',
    tileCounts: [1, 4, 9, 16, 25],
    warmupMs: 3_000,
    windowMs: 15_000,
    window16Ms: 30_000,
    recoveryTiles: 16,
    recoveryContenders: CONTENDERS,
    relayStreams: 8,
    costWindowMs: 10_000,
    rtspStreams: 16,
    rtspWindowMs: 20_000,
  },
  quick: {
    name: 'quick',
    tileCounts: [1, 4, 16],
    warmupMs: 1_000,
    windowMs: 4_000,
    window16Ms: 6_000,
    recoveryTiles: 4,
    recoveryContenders: CONTENDERS,
    relayStreams: 4,
    costWindowMs: 4_000,
    rtspStreams: 4,
    rtspWindowMs: 4_000,
  },
};

export function parseMode(argv: readonly string[]): Mode {
  const base = argv.includes('--quick') ? MODES.quick : MODES.full;
  const argAfter = (flag: string) =>
    argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined;
  // `--soak MINUTES`: 16 tiles of our wall measured for that long: the 30-minute drift check,
  // `npm run bench -- --soak 30`. The baselines' drift is in the regular runs.
  const soakMinutes = Number(argAfter('--soak') ?? 0);
  // For tuning one thing: `--tiles 16` measures only those tile counts, `--tiles-only` skips
  // the layout, recovery, relay and RTSP parts.
  const tilesArg = argAfter('--tiles');
  const tileCounts =
    soakMinutes > 0
      ? [16]
      : tilesArg !== undefined
        ? tilesArg
            .split(',')
            .map(Number)
            .filter((n) => n > 0)
        : base.tileCounts;
  return {
    ...base,
    tileCounts,
    window16Ms: soakMinutes > 0 ? soakMinutes * 60_000 : base.window16Ms,
    soak: soakMinutes > 0,
    tilesOnly: soakMinutes > 0 || argv.includes('--tiles-only'),
    contenders: soakMinutes > 0 ? ['ours'] : chosenContenders(argAfter('--contenders')),
  };
}

function chosenContenders(arg: string | undefined): readonly Contender[] {
  if (arg === undefined) return CONTENDERS;
  const chosen = CONTENDERS.filter((c) => arg.split(',').includes(c));
  if (chosen.length === 0) throw new Error(`--contenders: name some of ${CONTENDERS.join(', ')}`);
  return chosen;
}

/** Who runs at the i-th tile count: rotated, so no contender always runs on a warmer machine. */
export function runOrder(mode: Mode, i: number): Contender[] {
  const all = mode.contenders;
  const k = i % all.length;
  return [...all.slice(k), ...all.slice(0, k)];
}

const configText = (c: Record<string, unknown>) =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');

export function methodNotes(mode: Mode, decoderError: string | null): string[] {
  const jitterMs = Number(process.env.BENCH_JITTER_MS ?? 0);
  return [
    ...(jitterMs > 0
      ? [
          `JITTER: every player read through a proxy delaying the media server's bytes by 0–${jitterMs} ms, in order (BENCH_JITTER_MS; tests/bench/jitter-proxy.ts).`,
        ]
      : []),
    `Sources: one live x264 encode (testsrc2 640x360@25, 1 Mbit/s, GOP 2 s, barcode of the wall clock) published as ${BARCODE_STREAMS} streams (tee muxer); other tiles: -c copy loops of the demo clips (640x360@25 H.264). All via Node-Media-Server, WS-FLV, signed URLs.`,
    "Ours: the preview host (the wall's services, product timings) in its own process + the built renderer, with its default engine: each tile takes the gateway's access units and packages them as fragmented MP4 in the page (renderer/src/player/fmp4-engine.ts), appended to MSE the moment each arrives, no transmuxing library; every tile count is one window (25 tiles = a 5x5 layout).",
    'mpegts: the same wall and host with ?engine=mse: FLV from the gateway through mpegts.js (transmuxed in JavaScript, each frame held until the next gives its duration), the engine before fragmented MP4 and the fallback.',
    'WebCodecs (wc): the same wall and host with ?engine=webcodecs: each tile takes the gateway\'s access units, decodes them with VideoDecoder (optimizeForLatency) and writes each frame into a generated video track (MediaStreamTrackGenerator) that a <video> plays; no MSE buffer, no transmuxing in JavaScript. The experiment: it would become the default only if it beat ours at 16 tiles on glass-to-glass, CPU and dropped frames. Its "dropped" adds the access units it skipped to a keyframe (the decoder behind, or a start mid-GOP) to the frames its <video> could not show in time.',
    `Tuned: one bare page of mpegts.js players straight from NMS, tuned as a skilled user would (${configText(BASELINE_CONFIGS.tuned)}; hasAudio false). The targets are against this page.`,
    `Default: the same page with the usual config (${configText(BASELINE_CONFIGS.default)}; hasAudio false): chasing seeks only above mpegts.js's default 1.5 s. Both pages recreate a player on error, end of stream, or 3 s without frames.`,
    `Each run: fresh headless Chromium, 1920x1080 per window; wait for every first frame, ${mode.warmupMs / 1000} s settle, then a ${mode.windowMs / 1000} s window (${mode.window16Ms / 1000} s at 16 tiles); the order ours/mpegts/webcodecs/tuned/default rotates per tile count.`,
    'First frame: requestVideoFrameCallback expectedDisplayTime, from navigation start. Glass-to-glass: barcode read on every 5th presented frame of barcode tiles, display time minus encode time (same clock).',
    "Latency after start: a tile starts at the cached keyframe, up to a GOP (2 s) behind; liveSync (ours and tuned) converges to the live edge, the default page keeps its start-up buffer unless it passes 1.5 s. Quick mode's short windows include the convergence (higher p95); the full mode's 30 s window at 16 tiles is the one to read.",
    'CPU: /proc utime+stime deltas over the window, % of one core; memory: PSS. "rest" = NMS, ffmpeg publishers and the live encoder (the same for every contender).',
    `Relay and RTSP cost: whole process CPU over the window divided by the streams flowing (100 Hz ticks: short windows are coarse); relay ${mode.relayStreams} streams for ${mode.costWindowMs / 1000} s, RTSP ${mode.rtspStreams} streams for ${mode.rtspWindowMs / 1000} s, ours in one process against one ffmpeg -c copy process per stream.`,
    'Each part (a contender at a tile count, layout switch, recovery, relay, RTSP) is retried once if it fails, and otherwise recorded as "not measured" with the reason; the RTSP part reconnects a stream that drops.',
    decoderError
      ? `Barcode decoder check FAILED: ${decoderError}`
      : 'Barcode decoder validated on an encoded frame before the runs.',
  ];
}
