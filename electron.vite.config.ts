import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { feedWorkerMeta } from './renderer/feed-worker-meta-plugin';

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
    plugins: [react(), feedWorkerMeta()],
    build: {
      // electron-vite leaves bundles unminified; the renderer is parsed at every start of
      // every wall window, so it is minified (measured: about a third of the size).
      minify: true,
      // mpegts.js is most of the code, and the default engine (fragmented MP4) needs none of it:
      // it is imported dynamically (renderer/src/player/engine-loader.ts) when a page chose the
      // mpegts.js engine, a WebCodecs tile falls back to it, or staff ask for a replay. (Vite's
      // size warning would also print a URL before the preview's own.)
      chunkSizeWarningLimit: 1024,
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
