// Layout switches in our wall with the staff keys, 20 cameras configured: 3x3 → '4' (4x4) →
// '5' (5x4) → '3' (3x3) → '4' (4x4 again, within the sessions' linger). For each switch: time
// from the key press to the first presented frame of every tile that appears, and upstream
// connections opened (read from the host's broker): only new cameras may open one; a camera
// that stays on screen (or comes back while its session lingers) must not reconnect.
import type { HostStats } from './host-process';
import type { BenchStreams } from './bench-streams';
import { openContender, readAll, sleep, waitFor } from './contender';
import { max, median } from './stats';

export interface SwitchStep {
  key: string;
  preset: string;
  tilesAfter: number;
  /** Tiles with a <video> created after the key press. */
  newTiles: number;
  firstFrameMs: { p50: number | null; max: number | null };
  /** Cameras that were on screen before and after. */
  stayed: number;
  /** Upstream connections opened by cameras that stayed (target 0). */
  stayedReconnects: number;
  /** Upstream connections opened during the step, all cameras. */
  connectionsOpened: number;
}

const STEPS: { key: string; preset: string; tiles: number }[] = [
  { key: '4', preset: '4x4', tiles: 16 },
  { key: '5', preset: '5x4', tiles: 20 },
  { key: '3', preset: '3x3', tiles: 9 },
  { key: '4', preset: '4x4', tiles: 16 },
];

function connectionsBy(stats: HostStats): Map<string, number> {
  return new Map(stats.sessions.map((s) => [s.cameraId, s.connections]));
}

export async function runLayoutSwitch(streams: BenchStreams, quick = false): Promise<SwitchStep[]> {
  const names = streams.names(20);
  const open = await openContender({
    contender: 'ours',
    names,
    streams,
    latencyEvery: 1_000_000,
    preset: '3x3',
  });
  const page = open.pages[0]!;
  const host = open.host!;
  const steps: SwitchStep[] = [];
  try {
    await sleep(1_500);
    let onScreen = new Set(names.slice(0, 9));
    // Quick mode: one switch up and one back down.
    for (const step of quick ? [STEPS[0]!, STEPS[2]!] : STEPS) {
      const before = connectionsBy(await host.stats());
      const known = (await readAll([page]))[0]!.tiles.length;
      await page.keyboard.press(step.key);
      const shown = new Set(names.slice(0, step.tiles));
      await waitFor(
        `${step.preset}: every tile to present a frame`,
        async () => {
          const snap = (await readAll([page]))[0]!;
          const fresh = snap.tiles.slice(known);
          const playing = new Set(
            snap.tiles
              .filter((t) => t.lastFrameEpoch !== null && snap.nowEpoch - t.lastFrameEpoch < 1000)
              .map((t) => t.name),
          );
          return (
            fresh.every((t) => t.firstFrameAt !== null) && [...shown].every((n) => playing.has(n))
          );
        },
        20_000,
      );
      await sleep(500);
      const snap = (await readAll([page]))[0]!;
      const keyAt = snap.keyAt ?? 0;
      const fresh = snap.tiles.slice(known);
      const firsts = fresh.flatMap((t) =>
        t.firstFrameAt === null ? [] : [t.firstFrameAt - keyAt],
      );
      const after = connectionsBy(await host.stats());
      const stayed = [...shown].filter((n) => onScreen.has(n));
      let stayedReconnects = 0;
      let opened = 0;
      for (const [cameraId, count] of after) {
        const delta = count - (before.get(cameraId) ?? 0);
        opened += delta;
        if (stayed.includes(cameraId)) stayedReconnects += delta;
      }
      steps.push({
        key: step.key,
        preset: step.preset,
        tilesAfter: shown.size,
        newTiles: fresh.length,
        firstFrameMs: { p50: median(firsts), max: max(firsts) },
        stayed: stayed.length,
        stayedReconnects,
        connectionsOpened: opened,
      });
      onScreen = shown;
      await sleep(1_000);
    }
    return steps;
  } finally {
    await open.close();
  }
}
