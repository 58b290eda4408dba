// Parser cost on adversarial inputs: CPU time and bytes copied / scanned for the current RTSP
// interleaved and FLV readers, side by side with the pre-fix ones (tests/bench/legacy), in this
// process. `npm run bench -- --parsers` runs only this part (a minute, mostly the pre-fix
// reader on the long line). Reports, never fails.
import { parserCost, resetParserCost } from '../../electron/streams/bytes/chunk-queue';
import { FlvReader } from '../../electron/streams/flv/flv-reader';
import { InterleavedReader } from '../../electron/streams/protocols/rtsp/interleaved-reader';
import { LegacyFlvReader } from './legacy/legacy-flv-reader';
import { LegacyInterleavedReader } from './legacy/legacy-interleaved-reader';
import { capitalsLine, interleavedRtp, largeFlvTag, pieces } from './parser-inputs';
import { formatCell as c, formatTable } from './table-format';

interface Reader {
  push(chunk: Uint8Array): unknown[];
}

interface Case {
  name: string;
  chunks: Uint8Array[];
  fresh: () => Reader;
  legacy: () => Reader;
}

interface Cost {
  cpuMs: number;
  copied: number;
  scanned: number;
  items: number;
}

function cases(): Case[] {
  const line = capitalsLine(64 * 1024);
  const rtp = interleavedRtp(200, 1400);
  const tag = largeFlvTag(8 * 1024 * 1024 - 64);
  const rtsp = {
    fresh: () => new InterleavedReader(),
    legacy: () => new LegacyInterleavedReader(),
  };
  const flv = { fresh: () => new FlvReader(), legacy: () => new LegacyFlvReader() };
  return [
    { name: 'RTSP 64 KiB line of capitals, 1 chunk', chunks: [line], ...rtsp },
    { name: 'RTSP 64 KiB line of capitals, 1-byte chunks', chunks: pieces(line, 1), ...rtsp },
    { name: 'RTSP 200 RTP frames of 1400 B, 1-byte chunks', chunks: pieces(rtp, 1), ...rtsp },
    { name: 'FLV 8 MiB tag, 16 KiB chunks', chunks: pieces(tag, 16 * 1024), ...flv },
    { name: 'FLV 8 MiB tag, 1460-byte chunks', chunks: pieces(tag, 1460), ...flv },
  ];
}

function measure(reader: Reader, chunks: Uint8Array[]): Cost {
  resetParserCost();
  let items = 0;
  const before = process.cpuUsage();
  for (const chunk of chunks) items += reader.push(chunk).length;
  const used = process.cpuUsage(before);
  return {
    cpuMs: (used.user + used.system) / 1000,
    copied: parserCost.copied,
    scanned: parserCost.scanned,
    items,
  };
}

const mb = (bytes: number) => bytes / (1024 * 1024);

export interface ParserCostRow {
  name: string;
  inputBytes: number;
  before: Cost;
  after: Cost;
}

export function measureParserCost(log: (line: string) => void = () => {}): ParserCostRow[] {
  return cases().map((k) => {
    const inputBytes = k.chunks.reduce((n, chunk) => n + chunk.length, 0);
    log(`parser cost: ${k.name}…`);
    // The current reader twice, keeping the second, so JIT warm-up is not counted against it.
    measure(k.fresh(), k.chunks);
    const after = measure(k.fresh(), k.chunks);
    const before = measure(k.legacy(), k.chunks);
    if (before.items !== after.items) log(`  items differ: ${before.items} → ${after.items}`);
    return { name: k.name, inputBytes, before, after };
  });
}

export function parserCostTable(rows: readonly ParserCostRow[]): string {
  return formatTable(
    'Parser cost per input, pre-fix reader → current reader (CPU ms of this process; MiB copied and scanned)',
    ['input', 'KiB', 'CPU ms', 'copied MiB', 'scanned MiB', 'CPU ratio'],
    rows.map((r) => [
      r.name,
      c(r.inputBytes / 1024),
      `${c(r.before.cpuMs)} → ${c(r.after.cpuMs, 1)}`,
      `${c(mb(r.before.copied), 1)} → ${c(mb(r.after.copied), 1)}`,
      `${c(mb(r.before.scanned), 1)} → ${c(mb(r.after.scanned), 2)}`,
      r.after.cpuMs > 0 ? `${c(r.before.cpuMs / r.after.cpuMs)}x` : '–',
    ]),
  );
}
