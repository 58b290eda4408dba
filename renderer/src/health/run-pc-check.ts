// Runs the PC check once at a time in this window: codecs, the decode measurement (its players
// in a small strip in a corner, so they are really composited like tiles; removed after), this
// window's display, then hands the result to main to keep and reads back the full report.
import type { RendererPcCheck, WallApi } from '../contract';
import { loadTileEngine } from '../player/pool-instance';
import { probeCodecs } from './codec-probe';
import { measureDecode, type PlaybackCounted } from './decode-measure';
import { pcCheckStore } from './pc-check-store';

let running = false;

export async function loadPcCheck(api: WallApi): Promise<void> {
  const report = await api.getPcCheck();
  if (report.ok) pcCheckStore.setState({ report: report.value });
  else pcCheckStore.setState({ error: report.error });
}

export async function runPcCheck(
  api: WallApi,
  context: { gatewayBase: string; displayId: string },
): Promise<void> {
  if (running) return;
  running = true;
  pcCheckStore.setState({ runningTiles: 0, error: null });
  const strip = document.createElement('div');
  strip.className = 'pc-check-strip';
  strip.dataset.testid = 'pc-check-strip';
  document.body.append(strip);
  try {
    const codecs = await probeCodecs();
    const decode = await measureDecode({
      engine: await loadTileEngine(),
      gatewayBase: context.gatewayBase,
      host: strip,
      wallVideos: () =>
        // Every engine's tiles: <video>s (MSE, or a WebCodecs track) and WebCodecs canvases.
        [...document.querySelectorAll<HTMLElement>('.wall video, .wall canvas.tile-canvas')]
          .filter((picture) => !strip.contains(picture))
          .map((picture) => picture as unknown as PlaybackCounted),
      onStep: (tiles) => pcCheckStore.setState({ runningTiles: tiles }),
    });
    const result: RendererPcCheck = {
      measuredAt: Date.now(),
      codecs,
      decode,
      display: {
        id: context.displayId,
        width: window.screen.width,
        height: window.screen.height,
        scale: window.devicePixelRatio,
      },
    };
    const saved = await api.savePcCheck(result);
    if (saved.ok) pcCheckStore.setState({ report: saved.value });
    else pcCheckStore.setState({ error: saved.error });
  } catch (error) {
    pcCheckStore.setState({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    strip.remove();
    running = false;
    pcCheckStore.setState({ runningTiles: null });
  }
}
