// The stdout report: the machine, then one aligned table per measurement, ours next to the
// baseline with ratios, then the targets with PASS/MISS.
import type { BenchResults } from './results';
import { formatCell as c, formatTable } from './table-format';

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;

export function reportTables(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    `One-Stop Wall benchmark (${r.mode}), ${r.startedAt}, ${r.durationS.toFixed(0)} s`,
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.kernel}; Node ${m.node}; Chromium ${m.chromium}`,
    ...r.method.map((line) => `  · ${line}`),
    '',
  ];
  const rows = r.tileCounts;
  out.push(
    formatTable(
      'First presented frame per tile, ms from page load (from <video> creation in brackets)',
      ['tiles', 'ours p50', 'ours p95', 'base p50', 'base p95', 'ours/base p50'],
      rows.map((t) => [
        String(t.tiles),
        `${c(t.ours?.firstFrameMs.p50)} (${c(t.ours?.firstFrameFromTileMs.p50)})`,
        `${c(t.ours?.firstFrameMs.p95)} (${c(t.ours?.firstFrameFromTileMs.p95)})`,
        `${c(t.baseline?.firstFrameMs.p50)} (${c(t.baseline?.firstFrameFromTileMs.p50)})`,
        `${c(t.baseline?.firstFrameMs.p95)} (${c(t.baseline?.firstFrameFromTileMs.p95)})`,
        c(ratio(t.ours?.firstFrameMs.p50, t.baseline?.firstFrameMs.p50), 2),
      ]),
    ),
    '',
    formatTable(
      'Glass-to-glass latency on barcode tiles, ms (drift = least-squares slope, ms/min)',
      [
        'tiles',
        'ours p50',
        'ours p95',
        'ours drift',
        'n',
        'base p50',
        'base p95',
        'base drift',
        'n',
        'ours/base p50',
      ],
      rows.map((t) => [
        String(t.tiles),
        c(t.ours?.latencyMs.p50),
        c(t.ours?.latencyMs.p95),
        c(t.ours?.latencyMs.slopeMsPerMin, 1),
        c(t.ours?.latencyMs.samples),
        c(t.baseline?.latencyMs.p50),
        c(t.baseline?.latencyMs.p95),
        c(t.baseline?.latencyMs.slopeMsPerMin, 1),
        c(t.baseline?.latencyMs.samples),
        c(ratio(t.ours?.latencyMs.p50, t.baseline?.latencyMs.p50), 2),
      ]),
    ),
    '',
    formatTable(
      'Frames per tile (fps, mean over tiles; min presented) and dropped frames (sum) in the window',
      [
        'tiles',
        'ours dec',
        'ours pres',
        'ours min',
        'ours drop',
        'base dec',
        'base pres',
        'base min',
        'base drop',
      ],
      rows.map((t) => [
        String(t.tiles),
        c(t.ours?.decodedFps, 1),
        c(t.ours?.presentedFps, 1),
        c(t.ours?.minPresentedFps, 1),
        c(t.ours?.droppedFrames),
        c(t.baseline?.decodedFps, 1),
        c(t.baseline?.presentedFps, 1),
        c(t.baseline?.minPresentedFps, 1),
        c(t.baseline?.droppedFrames),
      ]),
    ),
    '',
    formatTable(
      'CPU, % of one core (browser | wall host | NMS+ffmpeg+rest), and memory (PSS, MB)',
      [
        'tiles',
        'ours brw',
        'ours host',
        'ours rest',
        'ours total',
        'base brw',
        'base rest',
        'base total',
        'cpu ratio',
        'ours MB',
        'base MB',
        'mem ratio',
      ],
      rows.map((t) => [
        String(t.tiles),
        c(t.ours?.usage.browser.cpuPct),
        c(t.ours?.usage.host.cpuPct, 1),
        c(t.ours?.usage.others.cpuPct),
        c(t.ours?.totalCpuPct),
        c(t.baseline?.usage.browser.cpuPct),
        c(t.baseline?.usage.others.cpuPct),
        c(t.baseline?.totalCpuPct),
        c(ratio(t.ours?.totalCpuPct, t.baseline?.totalCpuPct), 2),
        c(t.ours?.totalMemMb),
        c(t.baseline?.totalMemMb),
        c(ratio(t.ours?.totalMemMb, t.baseline?.totalMemMb), 2),
      ]),
    ),
    '',
  );
  if (Array.isArray(r.layoutSwitch)) {
    out.push(
      formatTable(
        'Layout switch in our wall (staff keys; 20 cameras, start 3x3): first frame of new tiles, ms from key press',
        ['key', 'preset', 'tiles', 'new', 'p50', 'max', 'stayed', 'reconnects of stayed', 'opened'],
        r.layoutSwitch.map((s) => [
          `'${s.key}'`,
          s.preset,
          String(s.tilesAfter),
          String(s.newTiles),
          c(s.firstFrameMs.p50),
          c(s.firstFrameMs.max),
          String(s.stayed),
          String(s.stayedReconnects),
          String(s.connectionsOpened),
        ]),
      ),
      '',
    );
  } else {
    out.push(`Layout switch: not measured (${r.layoutSwitch.error})`, '');
  }
  out.push(
    formatTable(
      'Recovery after a media-server restart: ms to the first new frame per tile',
      [
        'contender',
        'tiles',
        'outage',
        'recovered',
        'from upstream p50',
        'max',
        'from server start p50',
        'max',
      ],
      r.recovery.map((x) =>
        'error' in x
          ? [x.contender, '', '', `error: ${x.error}`, '', '', '', '']
          : [
              x.contender,
              String(x.tiles),
              c(x.outageMs),
              `${x.recovered}/${x.tiles}`,
              c(x.fromUpstreamMs.p50),
              c(x.fromUpstreamMs.max),
              c(x.fromServerStartMs.p50),
              c(x.fromServerStartMs.max),
            ],
      ),
    ),
    '',
  );
  if (Array.isArray(r.relay)) {
    out.push(
      formatTable(
        'Main-process relay cost (broker + gateway, no browser), % of one core',
        [
          'source',
          'streams',
          'Mbit/s each',
          'idle',
          'total',
          'per stream',
          'idle MB',
          'MB per stream',
        ],
        r.relay.map((x) => [
          x.label,
          String(x.streams),
          c(x.mbitPerStream, 2),
          c(x.idleCpuPct, 2),
          c(x.totalCpuPct, 2),
          c(x.cpuPctPerStream, 2),
          c(x.idleMemMb),
          c(x.memMbPerStream, 2),
        ]),
      ),
      '',
    );
  } else {
    out.push(`Relay cost: not measured (${r.relay.error})`, '');
  }
  if (r.rtsp.measured) {
    out.push(
      formatTable(
        'RTSP → FLV per stream (same GStreamer camera, Digest, TCP), % of one core',
        [
          'streams',
          'ours CPU',
          'ours idle (process)',
          'ffmpeg CPU',
          'ours/ffmpeg',
          'ours MB',
          'ffmpeg MB',
        ],
        [
          [
            String(r.rtsp.streams),
            c(r.rtsp.oursCpuPctPerStream, 2),
            c(r.rtsp.oursIdleCpuPct, 2),
            c(r.rtsp.ffmpegCpuPctPerStream, 2),
            c(r.rtsp.ratio, 2),
            c(r.rtsp.oursMemMbPerStream, 1),
            c(r.rtsp.ffmpegMemMbPerStream, 1),
          ],
        ],
      ),
      '',
    );
  } else {
    out.push(`RTSP: not measured (${r.rtsp.why})`, '');
  }
  out.push(
    formatTable(
      'Targets (reported, never enforced)',
      ['check', 'target', 'measured'],
      r.targets.map((t) => [
        t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'MISS',
        `${t.name}: ${t.target}`,
        t.value,
      ]),
    ),
  );
  return out.join('\n');
}
