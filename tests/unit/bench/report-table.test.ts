import { describe, expect, it } from 'vitest';
import {
  reportTables,
  tileTable,
  perContender,
  oursVsTuned,
  webCodecsVsOurs,
} from '../../bench/report-table';
import { recoveryTable, rtspTable } from '../../bench/report-parts';
import { results, row, run } from './bench-fixture';

const ours = run('ours', { p50: 190, p95: 340, cpu: 150, drop: 10, first: 700 });
const tuned = run('tuned', { p50: 200, p95: 300, cpu: 120, drop: 20, first: 600 });
const weak = run('default', { p50: 1200, p95: 1300, cpu: 200, drop: 500, first: 900 });
const wc = run('webcodecs', { p50: 95, p95: 150, cpu: 180, drop: 4, first: 650 });
const mpegts = run('mpegts', { p50: 210, p95: 360, cpu: 152, drop: 12, first: 800 });
const inpage = run('inpage', { p50: 205, p95: 350, cpu: 151, drop: 11, first: 720 });

describe('tile tables with six contenders', () => {
  it('puts ours | inpage | mpegts | webcodecs | tuned | default side by side, then ours/tuned and wc/ours', () => {
    const text = tileTable(
      'Latency',
      [row(16, { ours, inpage, mpegts, webcodecs: wc, tuned, default: weak })],
      [
        ...perContender('p50', (r) => r.latencyMs.p50),
        oursVsTuned('p50', (r) => r.latencyMs.p50),
        webCodecsVsOurs('p50', (r) => r.latencyMs.p50),
      ],
    );
    const [title, header, , line] = text.split('\n');
    expect(title).toBe('Latency');
    expect(header!.split(/\s{2,}/)).toEqual([
      'tiles',
      'ours p50',
      'inpage p50',
      'mpegts p50',
      'webcodecs p50',
      'tuned p50',
      'default p50',
      'ours/tuned p50',
      'wc/ours p50',
    ]);
    expect(line!.trim().split(/\s+/)).toEqual([
      '16',
      '190',
      '205',
      '210',
      '95',
      '200',
      '1200',
      '0.95',
      '0.50',
    ]);
  });

  it('shows a run that failed twice as dashes and a "not measured" line with the reason', () => {
    const text = tileTable(
      'CPU',
      [row(4, { ours, tuned: { notMeasured: 'read ECONNRESET (twice)' }, default: weak })],
      [...perContender('total', (r) => r.totalCpuPct), oursVsTuned('cpu', (r) => r.totalCpuPct)],
    );
    const lines = text.split('\n');
    // inpage, mpegts and WebCodecs were not run at all (null): dashes, no "not measured" line.
    expect(lines[3]!.trim().split(/\s+/)).toEqual(['4', '150', '–', '–', '–', '–', '200', '–']);
    expect(lines[4]).toBe('  not measured: tuned at 4 tiles: read ECONNRESET (twice)');
  });

  it('every tile table of the report has a column per contender', () => {
    const text = reportTables(
      results({
        tileCounts: [row(16, { ours, inpage, mpegts, webcodecs: wc, tuned, default: weak })],
      }),
    );
    for (const header of ['p50', 'drop', 'total', 'MB']) {
      for (const who of ['ours', 'inpage', 'mpegts', 'webcodecs', 'tuned', 'default']) {
        expect(text).toContain(`${who} ${header}`);
      }
    }
    for (const ratio of ['wc/ours p50', 'wc/ours cpu', 'wc/ours fps'])
      expect(text).toContain(ratio);
  });
});

describe('"not measured" rows of the other parts', () => {
  it('recovery: one row per contender, a failed one says why', () => {
    const text = recoveryTable(
      results({
        recovery: [
          {
            contender: 'ours',
            tiles: 4,
            outageMs: 3000,
            recovered: 4,
            fromUpstreamMs: { p50: 60, max: 400 },
            fromServerStartMs: { p50: 2000, max: 2500 },
            notes: [],
          },
          { contender: 'tuned', notMeasured: 'no tile presented a frame within 30 s (twice)' },
        ],
      }),
    );
    const lines = text.split('\n');
    expect(lines[3]).toMatch(/^ours\s+4\s+3000\s+4\/4\s+60\s+400\s+2000\s+2500$/);
    expect(lines[4]).toMatch(
      /^tuned\s+not measured: no tile presented a frame within 30 s \(twice\)$/,
    );
  });

  it('RTSP: a row saying why it was not measured, or the streams that flowed and the notes', () => {
    expect(rtspTable(results({ rtsp: { notMeasured: 'ECONNRESET (twice)' } }))).toContain(
      'not measured: ECONNRESET (twice)',
    );
    const text = rtspTable(
      results({
        rtsp: {
          streams: 8,
          oursLiveStreams: 7.5,
          ffmpegLiveStreams: 8,
          oursCpuPctPerStream: 0.6,
          oursIdleCpuPct: 0.4,
          ffmpegCpuPctPerStream: 0.4,
          oursMemMbPerStream: 1,
          ffmpegMemMbPerStream: 5,
          ratio: 1.5,
          notes: ['ours: stream 3 ended (read ECONNRESET), reconnecting'],
        },
      }),
    );
    expect(text.split('\n')[3]!.trim().split(/\s+/).slice(0, 2)).toEqual(['7.5/8', '8/8']);
    expect(text).toContain('  note: ours: stream 3 ended (read ECONNRESET), reconnecting');
  });

  it('layout switch and relay say "not measured" with the reason', () => {
    const text = reportTables(
      results({
        layoutSwitch: { notMeasured: 'page crashed; then timeout' },
        relay: [{ label: '1 Mbit/s 640x360', notMeasured: 'the relay process exited (twice)' }],
      }),
    );
    expect(text).toContain('Layout switch in our wall: not measured: page crashed; then timeout');
    expect(text).toMatch(/1 Mbit\/s 640x360\s+not measured: the relay process exited \(twice\)/);
  });
});
