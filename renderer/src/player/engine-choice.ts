// Which engine the wall's tiles decode with, chosen per page with `?engine=…` (or `engine=…`
// after the key in the preview host's fragment), so the benchmark and the end-to-end tests can
// run them side by side:
// - 'fmp4' (fmp4-engine.ts), the default: the gateway's access units packaged as fragmented MP4
//   in the page, into MSE. It replaced mpegts.js as the default because it won on the same
//   machine: lower glass-to-glass, the same CPU, a sooner first frame (README, Benchmarks);
// - 'mse': FLV through mpegts.js into MSE, the engine before, kept as the fallback;
// - 'webcodecs' (webcodecs-tile-player.ts), an experiment: it would become the default only if
//   it won on glass-to-glass, CPU and dropped frames at 16 tiles, which it has not.

import type { SinkKind } from './frame-sink';

export type EngineChoice = 'mse' | 'fmp4' | 'webcodecs';

export const DEFAULT_ENGINE: EngineChoice = 'fmp4';

export function readEngineChoice(location: { search: string; hash: string }): EngineChoice {
  const search = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const given = search.get('engine') ?? hash.get('engine');
  return given === 'fmp4' || given === 'mse' || given === 'webcodecs' ? given : DEFAULT_ENGINE;
}

/**
 * Where the fragmented-MP4 engine's feeds run: in a dedicated worker that owns the MediaSources
 * (the default where the browser allows it), or in the page (`msein=page`, the benchmark's
 * comparison and the fallback). Measured side by side (README, Benchmarks).
 */
export function readFeedPlace(location: { search: string; hash: string }): 'worker' | 'page' {
  const search = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  return (search.get('msein') ?? hash.get('msein')) === 'page' ? 'page' : 'worker';
}

/**
 * Where a WebCodecs tile shows its frames (frame-sink.ts): a generated video track where the
 * browser has one, else a canvas; `sink=canvas` asks for the canvas (the benchmark compares).
 */
export function readSinkChoice(
  location: { search: string; hash: string },
  trackAvailable: boolean,
): SinkKind {
  const search = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const given = search.get('sink') ?? hash.get('sink');
  return given !== 'canvas' && trackAvailable ? 'track' : 'canvas';
}
