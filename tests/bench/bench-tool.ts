// The shape of a stand-alone bench tool (boot-timeline, boot-trace, first-frame-repeat): start
// the benchmark's sources, run the tool's body, and always stop the sources and every child it
// started; an error sets the exit code.
import { startBenchStreams, type BenchStreams } from './bench-streams';
import { cleanUp } from './cleanup';

export function runBenchTool(
  maxTiles: number,
  body: (streams: BenchStreams) => Promise<void>,
): void {
  const run = async () => {
    const streams = await startBenchStreams(maxTiles);
    try {
      await body(streams);
    } finally {
      await streams.close();
      await cleanUp();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
