// Recovery: with n tiles playing, kill the media server (its fixture's stop()), keep it down for
// a few seconds, start it again, and time each tile from its stream's return (first video
// bytes to a plain client, upstream-watch.ts) to the tile's first new presented frame.
import { waitForPort } from '../fixtures/free-port';
import type { MediaServer } from '../fixtures/media-server/media-server';
import type { BenchStreams } from './bench-streams';
import { openContender, readAll, sleep, waitFor, type Contender } from './contender';
import { max, median } from './stats';
import { watchUpstreams } from './upstream-watch';

export interface RecoveryResult {
  contender: Contender;
  tiles: number;
  outageMs: number;
  /** Tiles that showed a new frame before the timeout. */
  recovered: number;
  /** From each stream's return to its tile's first new frame. */
  fromUpstreamMs: { p50: number | null; max: number | null };
  /** From the server accepting connections again (publishers still reconnecting). */
  fromServerStartMs: { p50: number | null; max: number | null };
  notes: string[];
}

/** The fixture gives the server 15 s to listen; on a machine shared with other test runs (load
 * over 40 on 2 cores) Node-Media-Server's start took longer, and the part failed for that
 * alone. A minute before calling the restart failed; the time it took is still measured. */
async function startServer(server: MediaServer): Promise<void> {
  try {
    await server.start();
  } catch {
    await waitForPort(server.httpPort, 60_000);
    await waitForPort(server.rtmpPort, 60_000);
  }
}

export async function runRecovery(options: {
  contender: Contender;
  tiles: number;
  streams: BenchStreams;
  outageMs: number;
  timeoutMs: number;
}): Promise<RecoveryResult> {
  const { contender, tiles, streams } = options;
  const names = streams.names(tiles);
  const open = await openContender({ contender, names, streams, latencyEvery: 1_000_000 });
  // If this part fails between stop and start (a start that times out on a loaded machine),
  // the server is started again in the finally block: the next part, or this one's retry,
  // needs it.
  let serverDown = false;
  try {
    await sleep(2_000);
    serverDown = true;
    await streams.server.stop();
    const stoppedAt = Date.now();
    await sleep(options.outageMs);
    await startServer(streams.server);
    serverDown = false;
    const serverStartAt = Date.now();
    const watch = watchUpstreams(new Map(names.map((n) => [n, streams.signedWsUrl(n)])));
    const resumeOf = (snapTiles: Awaited<ReturnType<typeof readAll>>[number]['tiles']) => {
      const out = new Map<string, number>();
      for (const t of snapTiles) {
        const resume = t.resumesEpoch.find((at) => at > stoppedAt);
        if (resume !== undefined) out.set(t.name, Math.min(out.get(t.name) ?? Infinity, resume));
      }
      return out;
    };
    let resumed = new Map<string, number>();
    await waitFor(
      `${contender} tiles to recover`,
      async () => {
        resumed = resumeOf((await readAll(open.pages)).flatMap((s) => s.tiles));
        return names.every((n) => resumed.has(n) && watch.returnedAt.has(n));
      },
      options.timeoutMs,
    );
    await watch.close();
    const fromUpstream: number[] = [];
    const fromStart: number[] = [];
    for (const name of names) {
      const at = resumed.get(name);
      const back = watch.returnedAt.get(name);
      if (at === undefined) continue;
      fromStart.push(at - serverStartAt);
      if (back !== undefined) fromUpstream.push(at - back);
    }
    return {
      contender,
      tiles,
      outageMs: options.outageMs,
      recovered: resumed.size,
      fromUpstreamMs: { p50: median(fromUpstream), max: max(fromUpstream) },
      fromServerStartMs: { p50: median(fromStart), max: max(fromStart) },
      notes: [
        ...open.notes,
        ...(resumed.size < tiles ? [`${tiles - resumed.size} tiles did not recover`] : []),
      ],
    };
  } finally {
    await open.close();
    if (serverDown) {
      // A start that timed out may have left a slow server behind: stop it first, so there is
      // one server on the port, not two.
      await streams.server.stop();
      await startServer(streams.server);
    }
  }
}
