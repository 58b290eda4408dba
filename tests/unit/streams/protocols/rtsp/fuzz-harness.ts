// The seeded fuzz loop shared by the parser fuzz tests. Each input is generated from its own
// PRNG, seeded from (FUZZ_SEED, iteration), and every check starts fresh parser state, so a
// failure reproduces from one input: the error names the FUZZ_SEED and FUZZ_ITERATION to run
// again. FUZZ_LONG=1 (npm run fuzz:long) runs a million inputs per parser instead of 100,000.
import type { FlvReadResult } from '../../../../../electron/streams/flv/flv-reader';
import type { InterleavedItem } from '../../../../../electron/streams/protocols/rtsp/interleaved-reader';
import { prng } from './samples';

export const FUZZ_LONG = process.env.FUZZ_LONG === '1';
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 1) >>> 0;
const ONLY =
  process.env.FUZZ_ITERATION === undefined ? undefined : Number(process.env.FUZZ_ITERATION);
/** True when FUZZ_ITERATION replays one input: totals over a whole run do not apply then. */
export const FUZZ_REPLAY = ONLY !== undefined;
export const FUZZ_N = FUZZ_LONG ? 1_000_000 : 100_000;
/** Per test: the long run takes minutes, CI's takes seconds. */
export const FUZZ_TIMEOUT_MS = FUZZ_LONG ? 4 * 60 * 60_000 : 120_000;

export function cat(...parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A cheap check: expect() per iteration would dominate the run time. */
export function bounded(value: number, max: number, what: string): void {
  if (!(value <= max)) throw new Error(`${what}: ${value} > ${max}`);
}

export function same(a: string, b: string, what: string): void {
  if (a !== b) throw new Error(`${what} differ:\n  ${a.slice(0, 300)}\n  ${b.slice(0, 300)}`);
}

export const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
export const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export class Mutator {
  constructor(readonly rnd: () => number) {}
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  random(max: number): Uint8Array {
    const out = new Uint8Array(this.int(max));
    for (let i = 0; i < out.length; i++) out[i] = this.int(256);
    return out;
  }
  /** One or more mutations of a valid sample, or (1 in 8) pure random bytes. */
  mutate(samples: readonly Uint8Array[]): Uint8Array {
    if (this.int(8) === 0) return this.random(300);
    let b: Uint8Array = samples[this.int(samples.length)]!.slice();
    const rounds = 1 + this.int(3);
    for (let r = 0; r < rounds; r++) {
      switch (this.int(6)) {
        case 0: // bit flips
          for (let k = 0, n = 1 + this.int(4); k < n && b.length > 0; k++) {
            const at = this.int(b.length);
            b[at] = b[at]! ^ (1 << this.int(8));
          }
          break;
        case 1: // truncation
          b = b.slice(0, this.int(b.length + 1));
          break;
        case 2: {
          // splice with another sample
          const other = samples[this.int(samples.length)]!;
          const cut = this.int(b.length + 1);
          const from = this.int(other.length + 1);
          b = cat(b.subarray(0, cut), other.subarray(from));
          break;
        }
        case 3: {
          // inserted random bytes
          const at = this.int(b.length + 1);
          b = cat(b.subarray(0, at), this.random(16), b.subarray(at));
          break;
        }
        case 4: // interesting values
          if (b.length > 0) b[this.int(b.length)] = [0, 0xff, 0x7f, 0x80, 0x24, 0x0a][this.int(6)]!;
          break;
        default: {
          // duplicated segment
          const at = this.int(b.length + 1);
          const len = this.int(Math.min(64, b.length - at) + 1);
          b = cat(b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len));
        }
      }
    }
    return b;
  }
  /**
   * 1 in 400 inputs is large (up to ~200 KiB): many mutated samples back to back, or a long
   * line of capitals or junk, the shapes that used to cost quadratic time. The rest: mutate().
   */
  input(samples: readonly Uint8Array[], large = this.int(400) === 0): Uint8Array {
    if (!large) return this.mutate(samples);
    const size = 1 + this.int(200 * 1024);
    switch (this.int(3)) {
      case 0:
        return new Uint8Array(size).fill(0x41 + this.int(26));
      case 1:
        return cat(this.random(64), new Uint8Array(size).fill(this.int(256)), this.mutate(samples));
      default: {
        const parts: Uint8Array[] = [];
        for (let n = 0; n < size;) {
          const part = this.mutate(samples);
          parts.push(part);
          n += part.length + 1;
        }
        return cat(...parts);
      }
    }
  }
  /** How TCP might deliver it: whole, one byte at a time, or in random pieces. */
  chunks(input: Uint8Array): Uint8Array[] {
    const mode = this.int(4);
    if (mode === 0 || input.length === 0) return [input];
    // One byte at a time only for smaller inputs, or large ones take most of the run.
    const max = mode === 1 && input.length <= 4096 ? 1 : 1 + this.int(mode === 2 ? 64 : 4096);
    const out: Uint8Array[] = [];
    for (let at = 0; at < input.length;) {
      const n = 1 + this.int(max);
      out.push(input.subarray(at, at + n));
      at += n;
    }
    return out;
  }
}

/** Mixes the run's seed with an iteration number into that iteration's own seed. */
function iterationSeed(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ i;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Runs `check` on FUZZ_N inputs, or `iterations` for a costlier parser (or only
 * FUZZ_ITERATION). `make` builds an input from that iteration's mutator; `check` gets the
 * mutator too, for random chunking.
 */
export function fuzz<T>(
  name: string,
  stream: number,
  make: (m: Mutator) => T,
  check: (input: T, m: Mutator) => void,
  show: (input: T) => string = (input) => (input instanceof Uint8Array ? hex(input) : ''),
  iterations = FUZZ_N,
): void {
  const seed = (FUZZ_SEED + stream) >>> 0;
  const first = ONLY ?? 0;
  const last = ONLY === undefined ? iterations : ONLY + 1;
  for (let i = first; i < last; i++) {
    const m = new Mutator(prng(iterationSeed(seed, i)));
    const input = make(m);
    try {
      check(input, m);
    } catch (err) {
      const shown = show(input);
      throw new Error(
        `${name} failed; reproduce with FUZZ_SEED=${FUZZ_SEED} FUZZ_ITERATION=${i} ` +
          `(input ${shown.length > 400 ? `${shown.slice(0, 400)}… (${shown.length / 2} bytes)` : shown}): ${String(err)}`,
      );
    }
  }
}

/** Items as one string, to compare two readers' output cheaply. */
export function showRtsp(items: readonly InterleavedItem[]): string {
  return items
    .map((it) => {
      if (it.kind === 'frame') return `frame ${it.channel} ${hex(it.payload)}`;
      if (it.kind === 'error') return `error ${it.message}`;
      const head = it.kind === 'response' ? it.response : it.request;
      const headers = JSON.stringify([...head.headers]);
      if (it.kind === 'request') return `request ${it.request.method} ${it.request.uri} ${headers}`;
      const r = it.response;
      return `response ${r.status} ${r.reason} ${headers} ${hex(r.body)}`;
    })
    .join('\n');
}

export function showFlv(results: readonly FlvReadResult[]): string {
  return results
    .map((r) => {
      if (r.kind === 'tag') return `tag ${r.tag.type} ${r.tag.timestamp} ${hex(r.tag.data)}`;
      if (r.kind === 'header') return `header ${r.audio} ${r.video}`;
      return `error ${r.message}`;
    })
    .join('\n');
}
