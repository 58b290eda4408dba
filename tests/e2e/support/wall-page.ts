// What the end-to-end tests read off the wall page: tile states, presented frame counts and
// sampled pixels of each tile's <video>, read in the page itself.
import { expect, type Page } from '@playwright/test';

export interface TileSample {
  cameraId: string;
  state: string;
  frames: number;
  /** Mean luma of a 16x9 downscale of the current picture (0 = black). */
  luma: number;
}

/**
 * Samples every tile's picture. A video in the middle of a seek (mpegts.js chasing the live
 * edge, or the watchdog's jump to live) is at readyState 1 for a moment: the screen still shows
 * its last frame, but the canvas cannot read it. Such a tile is read at its next presented
 * frame (up to 2 s), so "black" means a black picture, not a seek caught mid-way.
 */
export async function sampleTiles(page: Page): Promise<TileSample[]> {
  return page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 9;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const nextFrame = (video: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        if (video.readyState >= 2 && !video.seeking) return resolve();
        const handle = video.requestVideoFrameCallback(() => resolve());
        setTimeout(() => {
          video.cancelVideoFrameCallback(handle);
          resolve();
        }, 2_000);
      });
    const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid="tile"]')];
    return Promise.all(
      tiles.map(async (tile) => {
        const video = tile.querySelector('video');
        if (video) await nextFrame(video);
        let luma = 0;
        if (video && context && video.readyState >= 2) {
          context.drawImage(video, 0, 0, 16, 9);
          const data = context.getImageData(0, 0, 16, 9).data;
          for (let i = 0; i < data.length; i += 4) {
            luma += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
          }
          luma /= data.length / 4;
        }
        return {
          cameraId: tile.dataset.cameraId ?? '',
          state: tile.dataset.state ?? '',
          frames: video?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
          luma,
        };
      }),
    );
  });
}

/** Waits until every listed camera's tile is live and has presented frames. */
export async function waitForLive(page: Page, cameraIds: string[], timeoutMs = 45_000) {
  await page.waitForFunction(
    (ids) =>
      ids.every((id) => {
        const tile = document.querySelector<HTMLElement>(
          `[data-testid="tile"][data-camera-id="${CSS.escape(id)}"]`,
        );
        const video = tile?.querySelector('video');
        return (
          tile?.dataset.state === 'live' &&
          (video?.getVideoPlaybackQuality().totalVideoFrames ?? 0) > 0
        );
      }),
    cameraIds,
    { timeout: timeoutMs, polling: 250 },
  );
}

/** Waits until the tile of one camera shows the given state. */
export async function waitForState(
  page: Page,
  cameraId: string,
  states: string[],
  timeoutMs = 45_000,
) {
  await page.waitForFunction(
    ([id, wanted]) => {
      const tile = document.querySelector<HTMLElement>(
        `[data-testid="tile"][data-camera-id="${CSS.escape(id)}"]`,
      );
      return wanted.includes(tile?.dataset.state ?? '');
    },
    [cameraId, states] as const,
    { timeout: timeoutMs, polling: 250 },
  );
}

/** Presented-frame counts of every tile, in page order. */
async function frameCounts(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="tile"]')].map(
      (tile) => tile.querySelector('video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
    ),
  );
}

/**
 * Every tile of the listed cameras (each copy, if a camera is shown twice) presents new
 * frames, and its picture is not black. Waits on the condition itself: each listed tile's
 * frame counter passes the count it had at the start (deadline `timeoutMs`).
 */
export async function expectPlaying(
  page: Page,
  cameraIds: string[],
  timeoutMs = 10_000,
): Promise<void> {
  const before = await frameCounts(page);
  await page.waitForFunction(
    ([ids, counts]) =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="tile"]')].every((tile, index) => {
        if (!ids.includes(tile.dataset.cameraId ?? '')) return true;
        const frames = tile.querySelector('video')?.getVideoPlaybackQuality().totalVideoFrames;
        return (frames ?? 0) > (counts[index] ?? 0);
      }),
    [cameraIds, before] as const,
    { timeout: timeoutMs, polling: 100 },
  );
  const after = await sampleTiles(page);
  const checked = after.filter((tile) => cameraIds.includes(tile.cameraId));
  expect(new Set(checked.map((t) => t.cameraId))).toEqual(new Set(cameraIds));
  for (const [index, tile] of after.entries()) {
    if (!cameraIds.includes(tile.cameraId)) continue;
    const label = `tile ${index} (${tile.cameraId})`;
    expect(tile.frames, `${label} keeps presenting frames`).toBeGreaterThan(before[index] ?? 0);
  }
  // On a loaded machine every player may chase the live edge at once (a seek each), and a tile
  // still seeking after sampleTiles' wait reads as 0: read again until the deadline. A black
  // picture stays black and fails.
  const black = async () =>
    (await sampleTiles(page)).flatMap((tile, index) =>
      cameraIds.includes(tile.cameraId) && tile.luma <= 10
        ? [`tile ${index} (${tile.cameraId})`]
        : [],
    );
  await expect
    .poll(black, { message: 'tiles whose picture is black', timeout: timeoutMs })
    .toEqual([]);
}
