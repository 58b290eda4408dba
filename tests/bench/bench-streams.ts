// The streams every run uses, pushed to one real Node-Media-Server: BARCODE_STREAMS names
// carry the single live barcode encode (tee muxer), the rest are `-c copy` loops of the demo
// clips (640x360@25 H.264, cheap to publish). A run of n tiles takes the barcode streams
// first, so latency is measured at every tile count on up to four tiles.
import { join } from 'node:path';
import { signNmsUrl } from '../../electron/streams/protocols/http-pull/nms-sign';
import {
  PROJECT_ROOT,
  startMediaServer,
  type MediaServer,
} from '../fixtures/media-server/media-server';
import { startBarcodeSource, type BarcodeSource } from './barcode-source';
import { onCleanup } from './cleanup';
import { startJitterProxy } from './jitter-proxy';

export const BARCODE_PREFIX = 'bar';
export const BARCODE_STREAMS = 4;

export interface BenchStreams {
  server: MediaServer;
  barcode: BarcodeSource;
  /** The first n stream names: barcode streams first, then clip loops. */
  names(n: number): string[];
  /** Unsigned WS-FLV URL (the wall signs it itself with the secret). */
  wsUrl(name: string): string;
  /** Signed WS-FLV URL, valid for an hour (the baseline page reuses it on retries). */
  signedWsUrl(name: string): string;
  close(): Promise<void>;
}

export async function startBenchStreams(maxTiles: number): Promise<BenchStreams> {
  const server = await startMediaServer();
  const closeServer = onCleanup(() => server.close());
  const bars = Array.from({ length: BARCODE_STREAMS }, (_, i) => `${BARCODE_PREFIX}${i + 1}`);
  const clips = Array.from(
    { length: Math.max(0, maxTiles - BARCODE_STREAMS) },
    (_, i) => `clip${i + 1}`,
  );
  const barcode = startBarcodeSource(server.rtmpPort, bars);
  clips.forEach((name, i) =>
    server.publish(name, join(PROJECT_ROOT, 'assets', 'demo', `clip-${(i % 8) + 1}.flv`)),
  );
  const all = [...bars, ...clips];
  // BENCH_JITTER_MS=80: every player (ours, through the wall host, and the bare pages) reads
  // through a proxy that delays the server's bytes by 0–80 ms, in order (jitter-proxy.ts).
  const jitterMs = Number(process.env.BENCH_JITTER_MS ?? 0);
  const jitter = jitterMs > 0 ? await startJitterProxy(server.httpPort, jitterMs) : null;
  const viaJitter = (url: string) =>
    jitter ? url.replace(`:${server.httpPort}/`, `:${jitter.port}/`) : url;
  return {
    server,
    barcode,
    names: (n) => all.slice(0, n),
    wsUrl: (name) => viaJitter(server.wsFlvUrl(name)),
    signedWsUrl: (name) =>
      viaJitter(signNmsUrl(server.wsFlvUrl(name), server.secret, { ttlSeconds: 3600 })),
    async close() {
      await jitter?.close();
      await barcode.close();
      await closeServer();
    },
  };
}
