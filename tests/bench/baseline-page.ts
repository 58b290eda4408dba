// The baselines: a bare page of mpegts.js players pulling WS-FLV straight from the media server
// with signed URLs, served by a tiny local server of our own, in two player configs. 'default'
// is the usual approach (isLive and latency chasing at mpegts.js's 1.5 s limit); 'tuned' is what
// a skilled user would build for low latency (liveSync, chasing above 0.5 s, no stash buffer),
// so our latency claims are made against the best bare page, not a weak one. Both get the same
// minimum a wall page needs to survive a server restart: recreate a player on error, on end of
// stream, or when frames stop for 3 s.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

export type BaselineProfile = 'tuned' | 'default';

/** mpegts.js config per profile (hasAudio false in the media data source for both). */
export const BASELINE_CONFIGS: Record<BaselineProfile, Record<string, unknown>> = {
  default: { isLive: true, liveBufferLatencyChasing: true, enableStashBuffer: false },
  // liveSync plays at 1.2x above 0.25 s of buffer down to 0.12 s (the wall's thin level, the
  // lowest we found that drops no frames on loopback; the wall adapts per tile, mpegts.js cannot);
  // chasing seeks above 0.5 s (tighter than the wall's 0.6 s);
  // no worker, stash or lazy load, so no buffering in front of the decoder; the socket opens
  // without waiting for the MediaSource (deferLoadAfterSourceOpen); cleanup keeps memory
  // flat. Whatever we learn about tuning mpegts.js goes here too: the peer stays the best one.
  tuned: {
    isLive: true,
    liveSync: true,
    liveSyncMaxLatency: 0.25,
    liveSyncTargetLatency: 0.12,
    liveSyncPlaybackRate: 1.2,
    liveBufferLatencyChasing: true,
    liveBufferLatencyMaxLatency: 0.5,
    liveBufferLatencyMinRemain: 0.2,
    enableStashBuffer: false,
    enableWorker: false,
    lazyLoad: false,
    deferLoadAfterSourceOpen: false,
    autoCleanupSourceBuffer: true,
  },
};

export interface BaselineTile {
  name: string;
  url: string;
}

function pageHtml(tiles: BaselineTile[], profile: BaselineProfile): string {
  const columns = Math.ceil(Math.sqrt(tiles.length));
  const rows = Math.ceil(tiles.length / columns);
  const videos = tiles
    .map((t) => `<video data-name="${t.name}" muted autoplay playsinline></video>`)
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>baseline ${profile}</title>
<style>
html,body{margin:0;height:100%;background:#000}
#grid{display:grid;height:100vh;grid-template-columns:repeat(${columns},1fr);grid-template-rows:repeat(${rows},1fr);gap:2px}
video{width:100%;height:100%;object-fit:contain;background:#111;min-height:0}
</style></head><body><div id="grid">
${videos}
</div>
<script src="/mpegts.js"></script>
<script>
const urls = ${JSON.stringify(Object.fromEntries(tiles.map((t) => [t.name, t.url])))};
function play(video) {
  const player = mpegts.createPlayer(
    { type: 'flv', isLive: true, url: urls[video.dataset.name], hasAudio: false },
    ${JSON.stringify(BASELINE_CONFIGS[profile])},
  );
  player.attachMediaElement(video);
  player.load();
  Promise.resolve(player.play()).catch(() => {});
  let frames = 0, lastProgress = Date.now(), timer = 0;
  const retry = () => {
    clearInterval(timer);
    try { player.pause(); player.unload(); player.detachMediaElement(); player.destroy(); } catch (e) {}
    setTimeout(() => play(video), 1000);
  };
  player.on(mpegts.Events.ERROR, retry);
  player.on(mpegts.Events.LOADING_COMPLETE, retry);
  timer = setInterval(() => {
    const n = video.getVideoPlaybackQuality().totalVideoFrames;
    if (n !== frames) { frames = n; lastProgress = Date.now(); }
    else if (Date.now() - lastProgress > 3000) retry();
  }, 1000);
}
document.querySelectorAll('video').forEach(play);
</script></body></html>`;
}

export interface BaselinePage {
  url: string;
  close(): Promise<void>;
}

export async function startBaselinePage(
  projectRoot: string,
  tiles: BaselineTile[],
  profile: BaselineProfile,
): Promise<BaselinePage> {
  const script = readFileSync(join(projectRoot, 'node_modules/mpegts.js/dist/mpegts.js'));
  const html = pageHtml(tiles, profile);
  const server = http.createServer((request, response) => {
    if (request.url === '/mpegts.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = onCleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${port}/`, close };
}
