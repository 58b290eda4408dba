// Mutation testing (`npm run mutation`, not in CI: it runs the unit suite once per mutant and
// takes a while). It changes the code in small ways and checks that some unit test fails; a
// mutant that survives is a behaviour no test pins. The modules are the ones whose bugs the
// wall cannot show on screen by itself: the stream core, codecs, FLV, the gateway's checks,
// the tile watchdog and the backoff policies. MUTATE=glob narrows a run to one module.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  mutate: process.env.MUTATE
    ? process.env.MUTATE.split(',')
    : [
        'electron/streams/core/**/*.ts',
        'electron/streams/codecs/**/*.ts',
        'electron/streams/flv/**/*.ts',
        'electron/gateway/gateway-checks.ts',
        'electron/gateway/loopback-guard.ts',
        'renderer/src/player/watchdog.ts',
      ],
  ignorePatterns: ['out', 'dist', 'test-results', '.tmp', 'reports', 'docs'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 75, break: null },
  tempDirName: '.tmp/stryker',
};
