// The baseline: the usual approach, a bare page of mpegts.js players pulling WS-FLV straight
// from the media server with signed URLs, served by a tiny local server of our own. Its player
// config is the most reasonable one for live (isLive, latency chasing, no stash buffer, no
// audio), so the comparison is fair. It also gets the minimum a wall page needs to survive a
// server restart: recreate a player on error, on end of stream, or when frames stop for 3 s.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

export interface BaselineTile {
  name: string;
  url: string;
}

function pageHtml(tiles: BaselineTile[]): string {
  const columns = Math.ceil(Math.sqrt(tiles.length));
  const rows = Math.ceil(tiles.length / columns);
  const videos = tiles
    .map((t) => `<video data-name="${t.name}" muted autoplay playsinline></video>`)
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>baseline</title>
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
    { isLive: true, liveBufferLatencyChasing: true, enableStashBuffer: false },
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
): Promise<BaselinePage> {
  const script = readFileSync(join(projectRoot, 'node_modules/mpegts.js/dist/mpegts.js'));
  const html = pageHtml(tiles);
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
