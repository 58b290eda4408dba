// The targets the wall is held to, checked against the results. Benchmarks report: a MISS is
// printed, it never fails the process.
import type { BenchResults, TargetCheck, TileCountResult } from './results';

const DRIFT_TOLERANCE_MS_PER_MIN = 20;

const fmt = (v: number | null | undefined, unit = ' ms', digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(digits)}${unit}`;

function check(name: string, target: string, value: string, pass: boolean | null): TargetCheck {
  return { name, target, value, pass };
}

function at(results: Omit<BenchResults, 'targets'>, tiles: number): TileCountResult | undefined {
  return results.tileCounts.find((t) => t.tiles === tiles);
}

export function evaluateTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const out: TargetCheck[] = [];
  const t16 = at(results, 16);
  const ours16 = t16?.ours ?? null;
  const base16 = t16?.baseline ?? null;
  const p50 = ours16?.latencyMs.p50 ?? null;
  const p95 = ours16?.latencyMs.p95 ?? null;
  out.push(
    check(
      'glass-to-glass median, 16 tiles',
      '≤ 250 ms',
      fmt(p50),
      p50 === null ? null : p50 <= 250,
    ),
  );
  out.push(
    check('glass-to-glass p95, 16 tiles', '≤ 400 ms', fmt(p95), p95 === null ? null : p95 <= 400),
  );
  const slope = ours16?.latencyMs.slopeMsPerMin ?? null;
  out.push(
    check(
      'glass-to-glass drift, 16 tiles',
      `|slope| ≤ ${DRIFT_TOLERANCE_MS_PER_MIN} ms/min`,
      fmt(slope, ' ms/min', 1),
      slope === null ? null : Math.abs(slope) <= DRIFT_TOLERANCE_MS_PER_MIN,
    ),
  );
  const both = results.tileCounts.filter((t) => t.ours && t.baseline);
  const drops = both.map(
    (t) => `${t.tiles}: ${t.ours!.droppedFrames}/${t.baseline!.droppedFrames}`,
  );
  out.push(
    check(
      'dropped frames, ours/baseline per tile count',
      '≤ baseline at every count',
      drops.join(', ') || 'n/a',
      both.length === 0
        ? null
        : both.every((t) => t.ours!.droppedFrames <= t.baseline!.droppedFrames),
    ),
  );
  const ffP95 = both.map((t) => `${t.tiles}: ${fmt(t.ours!.firstFrameMs.p95, '')}`);
  out.push(
    check(
      'first frame p95 per tile (ours, from page load)',
      '≤ 300 ms at every count',
      ffP95.join(', ') || 'n/a',
      both.length === 0 ? null : both.every((t) => (t.ours!.firstFrameMs.p95 ?? Infinity) <= 300),
    ),
  );
  const ffVs = both.map(
    (t) =>
      `${t.tiles}: ${fmt(t.ours!.firstFrameMs.p50, '')}/${fmt(t.baseline!.firstFrameMs.p50, '')}`,
  );
  out.push(
    check(
      'first frame p50, ours/baseline',
      '≤ baseline at every count',
      ffVs.join(', ') || 'n/a',
      both.length === 0
        ? null
        : both.every(
            (t) => (t.ours!.firstFrameMs.p50 ?? Infinity) <= (t.baseline!.firstFrameMs.p50 ?? -1),
          ),
    ),
  );
  const ratio = ours16 && base16 ? ours16.totalCpuPct / base16.totalCpuPct : null;
  out.push(
    check(
      'total CPU at 16 tiles, ours/baseline',
      '≤ 1.05',
      ratio === null
        ? 'n/a'
        : `${ratio.toFixed(2)} (${ours16!.totalCpuPct.toFixed(0)}% / ${base16!.totalCpuPct.toFixed(0)}%)`,
      ratio === null ? null : ratio <= 1.05,
    ),
  );
  const relay1 = Array.isArray(results.relay) ? results.relay[0] : undefined;
  out.push(
    check(
      'main-process relay per stream at 1 Mbit/s',
      '≤ 1% of a core',
      fmt(relay1?.cpuPctPerStream, '%', 2),
      relay1 ? relay1.cpuPctPerStream <= 1 : null,
    ),
  );
  const switches = Array.isArray(results.layoutSwitch) ? results.layoutSwitch : [];
  const reconnects = switches.reduce((s, step) => s + step.stayedReconnects, 0);
  out.push(
    check(
      'layout switch: reconnects of tiles that stay',
      '0',
      switches.length === 0 ? 'n/a' : String(reconnects),
      switches.length === 0 ? null : reconnects === 0,
    ),
  );
  const ours = results.recovery.find((r) => r.contender === 'ours');
  const recMax = ours && 'fromUpstreamMs' in ours ? ours.fromUpstreamMs.max : null;
  const allBack = ours && 'recovered' in ours ? ours.recovered === ours.tiles : false;
  out.push(
    check(
      'recovery, upstream back → new frame (max tile)',
      '≤ 2000 ms, every tile',
      ours && 'recovered' in ours
        ? `${fmt(recMax)} (${ours.recovered}/${ours.tiles} tiles)`
        : 'n/a',
      recMax === null ? null : recMax <= 2000 && allBack,
    ),
  );
  const rtsp = results.rtsp;
  out.push(
    check(
      'RTSP→FLV CPU per stream, ours/ffmpeg',
      '≤ 0.5',
      rtsp.measured ? rtsp.ratio.toFixed(2) : `not measured (${rtsp.why})`,
      rtsp.measured ? rtsp.ratio <= 0.5 : null,
    ),
  );
  return out;
}
