// Integration tests run against real servers (GStreamer RTSP, ffmpeg), so they get longer
// timeouts than unit tests and run files one at a time to keep the 2-core CI box calm.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
