import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The player chunk is imported dynamically, so the browser would only start fetching it when
 * the main chunk runs its import(). A modulepreload link in index.html starts the fetch and the
 * compile while the main chunk is still loading; measured on the benchmark's page loads, the
 * engine was otherwise still unevaluated when the first snapshot arrived, and the first players
 * waited for it behind the first render (tests/bench/boot-timeline.ts).
 */
function preloadPlayerChunk(): Plugin {
  return {
    name: 'one-stop-wall:preload-player-chunk',
    enforce: 'post',
    transformIndexHtml(_html, context) {
      const chunk = Object.values(context.bundle ?? {}).find(
        (output) => output.type === 'chunk' && output.name === 'mpegts-engine',
      );
      if (!chunk) return [];
      return [
        {
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
          injectTo: 'head',
        },
      ];
    },
  };
}

// electron-vite builds the three targets (main, preload, renderer) with one config, which is the
// ecosystem's convention for Electron + Vite. The browser preview host reuses the renderer
// build (out/renderer) and runs the Electron-free services under plain Node.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload cannot use ESM imports: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), preloadPlayerChunk()],
    build: {
      // electron-vite leaves bundles unminified; the renderer is parsed at every start of
      // every wall window, so it is minified (measured: about a third of the size).
      minify: true,
      // mpegts.js is most of the code and the shell needs none of it to paint: it is imported
      // dynamically (renderer/src/player/engine-loader.ts), so it is a chunk of its own that
      // loads beside the API's first reads. (Vite's size warning would also print a URL before
      // the preview's own.)
      chunkSizeWarningLimit: 1024,
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
