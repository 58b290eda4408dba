// Layout switches in our wall with the staff keys, 20 cameras configured on a 3x3: at the start
// the PIN is set through the page (which unlocks), and two layouts of every camera are saved,
// 4x4 and 5x4, after the default "All centres" (3x3). Then 3x3 → '2' (4x4) → '3' (5x4) → '1'
// (3x3) → '2' (4x4 again, within the sessions' linger); each key press is staff activity and
// keeps the unlock alive. A key that does not change the grid to the expected tile count
// fails the part (recorded as not measured, with the reason). For each switch: time
// from the key press to the first presented frame of every tile that appears, and upstream
// connections opened (read from the host's broker): only new cameras may open one; a camera
// that stays on screen (or comes back while its session lingers) must not reconnect.
import type { HostStats } from './host-process';
import type { BenchStreams } from './bench-streams';
import { openContender, readAll, sleep, waitFor } from './contender';
import { allCamerasLayout, recallLayout, saveLayouts, tileCount, unlockStaff } from './staff-wall';
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

/** Saved after "All centres" (key 1, the configuration's 3x3): keys 2 and 3. */
const SAVED = [allCamerasLayout('bench-4x4', '4x4'), allCamerasLayout('bench-5x4', '5x4')];

const STEPS: { key: string; preset: string; tiles: number }[] = [
  { key: '2', preset: '4x4', tiles: 16 },
  { key: '3', preset: '5x4', tiles: 20 },
  { key: '1', preset: '3x3', tiles: 9 },
  { key: '2', preset: '4x4', tiles: 16 },
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
    await unlockStaff(page);
    await saveLayouts(page, SAVED);
    if ((await tileCount(page)) !== 9) {
      throw new Error(`the wall started with ${await tileCount(page)} tiles, not 9 (3x3)`);
    }
    await sleep(1_500);
    let onScreen = new Set(names.slice(0, 9));
    // Quick mode: one switch up and one back down.
    for (const step of quick ? [STEPS[0]!, STEPS[2]!] : STEPS) {
      const before = connectionsBy(await host.stats());
      const known = (await readAll([page]))[0]!.tiles.length;
      await recallLayout(page, step.key, step.tiles);
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
