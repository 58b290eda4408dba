// The layout-switch part of `npm run bench` on its own, several times on the same running
// sources: time from a staff key press to each new tile's first frame, per switch, so a change
// to how tiles start can be judged against the spread of single runs. Not part of `npm run
// bench`: a tool for the first-frame work.
//   npx tsx tests/bench/switch-repeat.ts [runs=3]
import { runBenchTool } from './bench-tool';
import { runLayoutSwitch } from './layout-switch';

const runs = Number(process.argv[2] ?? 3);

runBenchTool(20, async (streams) => {
  for (let i = 0; i < runs; i++) {
    const steps = await runLayoutSwitch(streams);
    console.log(
      `run ${i + 1}: ` +
        steps
          .map(
            (s) =>
              `${s.key}→${s.preset} p50 ${Math.round(s.firstFrameMs.p50 ?? NaN)} max ${Math.round(s.firstFrameMs.max ?? NaN)}`,
          )
          .join('; '),
    );
  }
});
