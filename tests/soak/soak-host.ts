// Child process: the wall's services (one preview host) out of the soak's own process, like
// the benchmark's host-process.ts, but started with --expose-gc so it can answer "mem" with its
// heap after a full collection: the only heap figure whose trend means a leak and not garbage
// waiting for the next GC. argv[2]: the config file. Prints {"url"} when ready; answers each
// "mem" line on stdin with one JSON line.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startPreviewHost } from '../../electron/preview-host/preview-host';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';

export interface HostMemory {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  /** Upstream connections the broker has opened so far (cumulative: reconnects) and sessions. */
  connections: number;
  sessions: number;
  gc: boolean;
}

async function main(): Promise<void> {
  const host = await startPreviewHost({
    configFile: process.argv[2] ?? null,
    store: null,
    assetsDir: join(PROJECT_ROOT, 'assets'),
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    port: 0,
    // The services' log is dropped: kept in an array it would itself be a leak over hours.
    log: () => undefined,
  });
  process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
  const gc = (globalThis as { gc?: () => void }).gc;
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'mem') return;
    gc?.();
    const m = process.memoryUsage();
    const broker = host.service.broker;
    const answer: HostMemory = {
      rssMb: m.rss / 1e6,
      heapUsedMb: m.heapUsed / 1e6,
      externalMb: m.external / 1e6,
      connections: broker.totalConnections,
      sessions: broker.statuses().length,
      gc: gc !== undefined,
    };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  });
  const stop = () => void host.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The soak died without saying goodbye: do not linger.
  process.stdin.on('end', stop);
}

void main();
