// The shape of results.json: everything one run of the benchmark measured.
import type { LayoutPresetId } from '../../electron/contract/wall-contract';
import type { SwitchStep } from './layout-switch';
import type { RecoveryResult } from './recovery';
import type { RelayResult } from './relay-cost';
import type { RtspResult } from './rtsp-cost';
import type { RunResult } from './tile-run';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  chromium: string;
  kernel: string;
}

export interface TileCountResult {
  tiles: number;
  ours: RunResult | null;
  baseline: RunResult | null;
  oursLayout: LayoutPresetId[];
}

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
  layoutSwitch: SwitchStep[] | { error: string };
  recovery: (RecoveryResult | { contender: string; error: string })[];
  relay: RelayResult[] | { error: string };
  rtsp: RtspResult;
  targets: TargetCheck[];
}
