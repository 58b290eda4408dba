// Which engine the wall's tiles decode with. mpegts.js over MSE ('mse') is the default and the
// fallback; 'webcodecs' (webcodecs-tile-player.ts) is an experiment, chosen per page with
// `?engine=webcodecs` (or `engine=webcodecs` after the key in the preview host's fragment), so
// the benchmark and the end-to-end tests can run both side by side. It becomes the default
// only if it wins on glass-to-glass, CPU and dropped frames at 16 tiles (README, Benchmarks).

import type { SinkKind } from './frame-sink';

export type EngineChoice = 'mse' | 'webcodecs';

export const DEFAULT_ENGINE: EngineChoice = 'mse';

export function readEngineChoice(location: { search: string; hash: string }): EngineChoice {
  const search = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const given = search.get('engine') ?? hash.get('engine');
  return given === 'webcodecs' || given === 'mse' ? given : DEFAULT_ENGINE;
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
