// Child process: the wall's services (preview hosts) out of the benchmark's own process, so
// their CPU and memory are measured apart, the way the Electron main process runs apart from
// the renderer. Several hosts may share this process (one per window; the benchmark itself now
// runs every tile count in one window). Protocol: argv[2] is a JSON list of config
// files; it prints one JSON line {"urls": [...]} when ready, and answers each "stats" line on
// stdin with a JSON line of upstream connection counts per session.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startPreviewHost, type PreviewHost } from '../../electron/preview-host/preview-host';
import { PROJECT_ROOT } from '../fixtures/media-server/media-server';

export interface HostStats {
  totalConnections: number;
  sessions: { cameraId: string; quality: string; connections: number; state: string }[];
}

async function main(): Promise<void> {
  const configFiles = JSON.parse(process.argv[2] ?? '[]') as string[];
  const logLines: string[] = [];
  const hosts: PreviewHost[] = [];
  for (const configFile of configFiles) {
    hosts.push(
      await startPreviewHost({
        configFile,
        store: null,
        assetsDir: join(PROJECT_ROOT, 'assets'),
        rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
        port: 0,
        // The product's own session timings: the benchmark measures what ships.
        log: (line) => logLines.push(line),
      }),
    );
  }
  process.stdout.write(`${JSON.stringify({ urls: hosts.map((h) => h.url) })}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'stats') return;
    const stats: HostStats = { totalConnections: 0, sessions: [] };
    for (const host of hosts) {
      const broker = host.service.broker;
      stats.totalConnections += broker.totalConnections;
      for (const status of broker.statuses()) {
        stats.sessions.push({
          cameraId: status.cameraId,
          quality: status.quality,
          connections: broker.session(status.cameraId, status.quality)?.connections ?? 0,
          state: status.state,
        });
      }
    }
    process.stdout.write(`${JSON.stringify(stats)}\n`);
  });
  const stop = () => void Promise.all(hosts.map((h) => h.close())).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The benchmark died without saying goodbye: do not linger.
  process.stdin.on('end', stop);
}

void main();
