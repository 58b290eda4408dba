// The shape of results.json: everything one run of the benchmark measured. A part that failed
// twice is kept as { notMeasured: reason } in its place, so the tables say what was not measured
// and why instead of the run aborting.
import type { LayoutPresetId } from '../../electron/contract/wall-contract';
import type { NotMeasured, Outcome } from './attempt';
import type { SwitchStep } from './layout-switch';
import type { RecoveryResult } from './recovery';
import type { RelayResult } from './relay-cost';
import type { RtspResult } from './rtsp-cost';
import type { RunResult } from './tile-run';

/** Ours (the wall with its default engine: access units packaged as fragmented MP4 by a worker
 * that owns the MediaSources, over MSE), the same engine fed from the page (?msein=page: where
 * a browser cannot run MSE in a worker, and the comparison that chose the worker), the same wall
 * with mpegts.js over MSE (?engine=mse, the engine before), the same wall with the WebCodecs
 * engine (the experiment, ?engine=webcodecs), then the bare page tuned as a skilled user would
 * (targets are against it), then the bare page with mpegts.js's defaults (the usual approach).
 * Tables and the chart use this order. */
export const CONTENDERS = ['ours', 'inpage', 'mpegts', 'webcodecs', 'tuned', 'default'] as const;
export type Contender = (typeof CONTENDERS)[number];

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  chromium: string;
  kernel: string;
}

/** One run per contender; null when the contender was not run at this count (--soak). */
export type TileCountResult = {
  tiles: number;
  oursLayout: LayoutPresetId[];
} & Record<Contender, Outcome<RunResult> | null>;

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  pass: boolean | null;
}

export interface BenchResults {
  startedAt: string;
  mode: 'full' | 'quick';
  durationS: number;
  machine: Machine;
  method: string[];
  tileCounts: TileCountResult[];
  layoutSwitch: Outcome<SwitchStep[]>;
  recovery: (RecoveryResult | (NotMeasured & { contender: Contender }))[];
  relay: (RelayResult | (NotMeasured & { label: string }))[];
  rtsp: Outcome<RtspResult>;
  targets: TargetCheck[];
}
