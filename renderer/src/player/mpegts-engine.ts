// mpegts.js bound to the PlayerEngine interface, with the wall's live settings.
import mpegts from 'mpegts.js';
import {
  guardedWebSocketLoader,
  type LoaderBaseClass,
  type LoaderConstants,
} from './guarded-ws-loader';
import type { PlayerEngine } from './player-engine';

// mpegts.js logs every segment at info level; over weeks that is only noise. Keep warnings.
mpegts.LoggingControl.applyConfig({
  enableAll: false,
  enableDebug: false,
  enableVerbose: false,
  enableInfo: false,
  enableWarn: true,
  enableError: true,
});

/**
 * Live, low latency, steady for weeks. The playback rate that keeps a tile near the live edge is
 * the wall's own (live-sync.ts: 0.12 s of buffer while the video drops nothing, 0.2 s for a tile
 * that does), so mpegts.js's fixed-threshold liveSync is off. Latency chasing (a seek, which
 * skips what it jumps over) stays as a safety net for a buffer over 0.6 s, such as after the
 * tab was hidden. `autoCleanupSourceBuffer` keeps memory flat over weeks of running.
 * `deferLoadAfterSourceOpen: false` opens the stream's socket at once instead of after the
 * MediaSource opens (which waits for the page's first render at 16 tiles): mpegts.js holds what
 * arrives until the source buffer exists, so the first picture is already there when it does.
 */
const LIVE_CONFIG: mpegts.Config = {
  enableWorker: false,
  enableStashBuffer: false,
  isLive: true,
  lazyLoad: false,
  deferLoadAfterSourceOpen: false,
  liveSync: false,
  liveBufferLatencyChasing: true,
  liveBufferLatencyMaxLatency: 0.6,
  liveBufferLatencyMinRemain: 0.2,
  autoCleanupSourceBuffer: true,
  autoCleanupMaxBackwardDuration: 30,
  autoCleanupMinBackwardDuration: 10,
};

/**
 * An instant replay arrives whole in a moment (main sends the clip at once): play it at normal
 * speed from its first frame, never skip ahead, and keep what was played (a minute at most).
 */
const REPLAY_CONFIG: mpegts.Config = {
  ...LIVE_CONFIG,
  liveSync: false,
  liveBufferLatencyChasing: false,
  autoCleanupSourceBuffer: false,
};

const LOADER_CONSTANTS: LoaderConstants = {
  status: mpegts.LoaderStatus,
  exception: mpegts.LoaderErrors.EXCEPTION,
};

const DECODE_ERROR_DETAILS: ReadonlySet<string> = new Set([
  mpegts.ErrorDetails.MEDIA_MSE_ERROR,
  mpegts.ErrorDetails.MEDIA_FORMAT_ERROR,
]);

export const mpegtsEngine: PlayerEngine = {
  supported: () => mpegts.getFeatureList().mseLivePlayback,
  // hasAudio false: camera FLV headers often claim audio that never comes, which stalls MSE.
  create: (url, hooks, mode = 'live') => {
    // The gateway is a WebSocket; its loader catches what the demuxer throws (see there).
    // The casts: mpegts.js's typings describe BaseLoader's callbacks more narrowly than its
    // JavaScript, which the loader extends at run time.
    const customLoader = /^wss?:/i.test(url)
      ? (guardedWebSocketLoader(
          mpegts.BaseLoader as unknown as LoaderBaseClass,
          LOADER_CONSTANTS,
          hooks.onDataError,
        ) as unknown as mpegts.CustomLoaderConstructor)
      : undefined;
    const config = mode === 'replay' ? REPLAY_CONFIG : LIVE_CONFIG;
    return mpegts.createPlayer(
      { type: 'flv', isLive: true, url, hasAudio: false },
      customLoader ? { ...config, customLoader } : config,
    );
  },
  events: {
    error: mpegts.Events.ERROR,
    mediaInfo: mpegts.Events.MEDIA_INFO,
    scriptData: mpegts.Events.SCRIPTDATA_ARRIVED,
  },
  codecUnsupportedDetail: mpegts.ErrorDetails.MEDIA_CODEC_UNSUPPORTED,
  isDecodeError: (type, detail) =>
    type === mpegts.ErrorTypes.MEDIA_ERROR && DECODE_ERROR_DETAILS.has(detail),
};
