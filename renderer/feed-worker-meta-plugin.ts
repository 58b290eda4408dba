// A Vite plugin for the renderer's build: names the tiles' feed worker (its content-hashed file)
// in a <meta> at the top of index.html, so the page's early classic script
// (renderer/public/early-start.js) can start the worker before the bundle has even loaded. In a
// dev server there is no such file and no meta; the bundle then starts the worker itself.
import type { Plugin } from 'vite';

export const FEED_WORKER_META = 'wall-feed-worker';
const WORKER_FILE = /^assets\/fmp4-worker-[\w-]+\.js$/;

export function feedWorkerMeta(): Plugin {
  return {
    name: 'one-stop-wall:feed-worker-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = Object.keys(context.bundle ?? {});
        const worker = files.find((file) => WORKER_FILE.test(file));
        // A build without the worker would leave the early start silently off: fail loudly.
        if (!worker)
          throw new Error(`feed-worker-meta: no fmp4-worker file among ${files.join(', ')}`);
        return [
          {
            tag: 'meta',
            attrs: { name: FEED_WORKER_META, content: `./${worker}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
