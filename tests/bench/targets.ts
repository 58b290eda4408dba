// The targets the wall is held to, checked against the results. The comparative ones are
// against the tuned bare page (the best a skilled user would build with mpegts.js), not the
// default one, so a PASS means we beat the strong peer. Benchmarks report: a MISS is printed,
// it never fails the process. A part that was not measured gives n/a with the reason, never a
// PASS.
import { isNotMeasured, measuredOf } from './attempt';
import type { BenchResults, TargetCheck, TileCountResult } from './results';
import type { RunResult } from './tile-run';

const DRIFT_TOLERANCE_MS_PER_MIN = 20;
const LATENCY_P50_MS = 200;
const LATENCY_P95_MS = 350;
const CPU_COUNTS = [4, 9, 16, 25];
const CPU_MAX_RATIO = 1.0;
const RTSP_MAX_RATIO = 0.5;

type Results = Omit<BenchResults, 'targets'>;

const fmt = (v: number | null | undefined, unit = ' ms', digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(digits)}${unit}`;

function check(name: string, target: string, value: string, pass: boolean | null): TargetCheck {
  return { name, target, value, pass };
}

const why = (t: TileCountResult, who: 'ours' | 'tuned') => {
  const run = t[who];
  return isNotMeasured(run) ? `${who} not measured: ${run.notMeasured}` : `${who} not run`;
};

/** Ours against tuned at every tile count: MISS if any measured count misses, n/a if a count
 * could not be compared (so a PASS always covers every count), else PASS. */
function everyCount(
  results: Results,
  name: string,
  target: string,
  value: (run: RunResult) => number | null,
  ok: (ours: number, tuned: number) => boolean,
): TargetCheck {
  let missed = false;
  let unknown = results.tileCounts.length === 0;
  const parts = results.tileCounts.map((t) => {
    const ours = measuredOf(t.ours);
    const tuned = measuredOf(t.tuned);
    if (!ours || !tuned) {
      unknown = true;
      return `${t.tiles}: ${why(t, ours ? 'tuned' : 'ours')}`;
    }
    const a = value(ours);
    const b = value(tuned);
    if (a === null || b === null) {
      unknown = true;
    } else if (!ok(a, b)) {
      missed = true;
    }
    return `${t.tiles}: ${fmt(a, '')}/${fmt(b, '')}`;
  });
  return check(name, target, parts.join(', ') || 'n/a', missed ? false : unknown ? null : true);
}

export function evaluateTargets(results: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  const t16 = results.tileCounts.find((t) => t.tiles === 16);
  const ours16 = measuredOf(t16?.ours);
  const tuned16 = measuredOf(t16?.tuned);
  const default16 = measuredOf(t16?.default);
  for (const [key, limit] of [
    ['p50', LATENCY_P50_MS],
    ['p95', LATENCY_P95_MS],
  ] as const) {
    const v = ours16?.latencyMs[key] ?? null;
    const peers = `tuned ${fmt(tuned16?.latencyMs[key])}, default ${fmt(default16?.latencyMs[key])}`;
    out.push(
      check(
        `glass-to-glass ${key}, 16 tiles`,
        `≤ ${limit} ms`,
        ours16 ? `${fmt(v)} (${peers})` : t16 ? why(t16, 'ours') : 'not run',
        v === null ? null : v <= limit,
      ),
    );
  }
  const slope = ours16?.latencyMs.slopeMsPerMin ?? null;
  out.push(
    check(
      'glass-to-glass drift, 16 tiles',
      `|slope| ≤ ${DRIFT_TOLERANCE_MS_PER_MIN} ms/min`,
      fmt(slope, ' ms/min', 1),
      slope === null ? null : Math.abs(slope) <= DRIFT_TOLERANCE_MS_PER_MIN,
    ),
  );
  for (const t of results.tileCounts.filter((x) => CPU_COUNTS.includes(x.tiles))) {
    const ours = measuredOf(t.ours);
    const tuned = measuredOf(t.tuned);
    const ratio =
      ours && tuned && tuned.totalCpuPct > 0 ? ours.totalCpuPct / tuned.totalCpuPct : null;
    out.push(
      check(
        `total CPU at ${t.tiles} tiles, ours/tuned`,
        `≤ ${CPU_MAX_RATIO.toFixed(2)}`,
        ratio === null
          ? why(t, ours ? 'tuned' : 'ours')
          : `${ratio.toFixed(2)} (${ours!.totalCpuPct.toFixed(0)}% / ${tuned!.totalCpuPct.toFixed(0)}%)`,
        ratio === null ? null : ratio <= CPU_MAX_RATIO,
      ),
    );
  }
  out.push(
    everyCount(
      results,
      'dropped frames, ours/tuned per tile count',
      '≤ tuned at every count',
      (r) => r.droppedFrames,
      (a, b) => a <= b,
    ),
    everyCount(
      results,
      'first frame p50 from page load, ours/tuned (ms)',
      '≤ tuned at every count',
      (r) => r.firstFrameMs.p50,
      (a, b) => a <= b,
    ),
    everyCount(
      results,
      'first frame p95 per tile, ours/tuned (ms, from page load)',
      'ours ≤ 300 ms at every count',
      (r) => r.firstFrameMs.p95,
      (a) => a <= 300,
    ),
  );
  const relay1 = results.relay.find((r) => r.label.startsWith('1 Mbit/s'));
  const relayOk = relay1 && !isNotMeasured(relay1) ? relay1 : null;
  out.push(
    check(
      'main-process relay per stream at 1 Mbit/s',
      '≤ 1% of a core',
      relayOk ? fmt(relayOk.cpuPctPerStream, '%', 2) : notMeasuredText(relay1),
      relayOk ? relayOk.cpuPctPerStream <= 1 : null,
    ),
  );
  const switches = measuredOf(results.layoutSwitch) ?? [];
  const reconnects = switches.reduce((s, step) => s + step.stayedReconnects, 0);
  out.push(
    check(
      'layout switch: reconnects of tiles that stay',
      '0',
      switches.length === 0 ? notMeasuredText(results.layoutSwitch) : String(reconnects),
      switches.length === 0 ? null : reconnects === 0,
    ),
  );
  const ours = results.recovery.find((r) => r.contender === 'ours');
  const rec = ours && !isNotMeasured(ours) ? ours : null;
  const recMax = rec?.fromUpstreamMs.max ?? null;
  out.push(
    check(
      'recovery, upstream back → new frame (max tile)',
      '≤ 2000 ms, every tile',
      rec ? `${fmt(recMax)} (${rec.recovered}/${rec.tiles} tiles)` : notMeasuredText(ours),
      // Tiles that never came back are a MISS, not n/a: that is the failure this measures.
      rec ? rec.recovered === rec.tiles && recMax !== null && recMax <= 2000 : null,
    ),
  );
  const rtsp = measuredOf(results.rtsp);
  out.push(
    check(
      'RTSP→FLV CPU per stream, ours/ffmpeg -c copy',
      `≤ ${RTSP_MAX_RATIO}`,
      rtsp
        ? `${rtsp.ratio.toFixed(2)} (${rtsp.oursCpuPctPerStream.toFixed(2)}% / ${rtsp.ffmpegCpuPctPerStream.toFixed(2)}%)`
        : notMeasuredText(results.rtsp),
      rtsp ? rtsp.ratio <= RTSP_MAX_RATIO : null,
    ),
  );
  return out;
}

function notMeasuredText(value: unknown): string {
  return isNotMeasured(value) ? `not measured: ${value.notMeasured}` : 'n/a (not run)';
}
