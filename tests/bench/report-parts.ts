// The report's tables for the parts after the tile runs: layout switch, recovery (every
// contender), relay cost, RTSP cost, and the targets. A part that failed twice is a row (or a
// line) reading 'not measured: <reason>', so the report says what it did not measure.
import { isNotMeasured } from './attempt';
import type { BenchResults } from './results';
import { formatCell as c, formatTable } from './table-format';

const notMeasured = (reason: string) => `not measured: ${reason}`;

function layoutTable(r: BenchResults): string {
  if (isNotMeasured(r.layoutSwitch)) {
    return `Layout switch in our wall: ${notMeasured(r.layoutSwitch.notMeasured)}`;
  }
  return formatTable(
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
  );
}

export function recoveryTable(r: BenchResults): string {
  return formatTable(
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
      isNotMeasured(x)
        ? [x.contender, notMeasured(x.notMeasured)]
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
  );
}

function relayTable(r: BenchResults): string {
  return formatTable(
    'Main-process relay cost (broker + gateway, no browser), % of one core',
    ['source', 'streams', 'Mbit/s each', 'idle', 'total', 'per stream', 'idle MB', 'MB per stream'],
    r.relay.map((x) =>
      isNotMeasured(x)
        ? [x.label, notMeasured(x.notMeasured)]
        : [
            x.label,
            String(x.streams),
            c(x.mbitPerStream, 2),
            c(x.idleCpuPct, 2),
            c(x.totalCpuPct, 2),
            c(x.cpuPctPerStream, 2),
            c(x.idleMemMb),
            c(x.memMbPerStream, 2),
          ],
    ),
  );
}

export function rtspTable(r: BenchResults): string {
  const x = r.rtsp;
  const title = 'RTSP → FLV per stream (same GStreamer camera, Digest, TCP), % of one core';
  const headers = [
    'streams',
    'ours CPU',
    'ours idle (process)',
    'ffmpeg CPU',
    'ours/ffmpeg',
    'ours MB',
    'ffmpeg MB',
  ];
  if (isNotMeasured(x)) return formatTable(title, headers, [['–', notMeasured(x.notMeasured)]]);
  // "7.8/8": streams flowing on average over the window, of those asked for.
  const flowing = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)}/${x.streams}`;
  const table = formatTable(
    title,
    ['ours streams', 'ffmpeg streams', ...headers.slice(1)],
    [
      [
        flowing(x.oursLiveStreams),
        flowing(x.ffmpegLiveStreams),
        c(x.oursCpuPctPerStream, 2),
        c(x.oursIdleCpuPct, 2),
        c(x.ffmpegCpuPctPerStream, 2),
        c(x.ratio, 2),
        c(x.oursMemMbPerStream, 1),
        c(x.ffmpegMemMbPerStream, 1),
      ],
    ],
  );
  return [table, ...x.notes.map((n) => `  note: ${n}`)].join('\n');
}

function targetsTable(r: BenchResults): string {
  return formatTable(
    'Targets (reported, never enforced; comparisons are against the tuned page, ours/tuned)',
    ['check', 'target', 'measured'],
    r.targets.map((t) => [
      t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'MISS',
      `${t.name}: ${t.target}`,
      t.value,
    ]),
  );
}

export function partTables(r: BenchResults): string[] {
  return [
    layoutTable(r),
    '',
    recoveryTable(r),
    '',
    relayTable(r),
    '',
    rtspTable(r),
    '',
    targetsTable(r),
  ];
}
