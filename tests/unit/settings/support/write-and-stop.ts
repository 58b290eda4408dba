// Run as a child process by atomic-json-file.test.ts: writes a document atomically and, at
// the step named by argv[4], says so on stdout and waits there to be killed.
import {
  writeJsonAtomically,
  type WriteStep,
} from '../../../../electron/settings/atomic-json-file';

const [file, size, stopAt] = process.argv.slice(2) as [string, string, WriteStep];
const value = { version: 'new', filler: 'x'.repeat(Number(size)) };
writeJsonAtomically(file, value, {
  afterStep: (step) => {
    if (step !== stopAt) return;
    process.stdout.write(`stopped:${step}\n`);
    // Block this thread until the parent's SIGKILL arrives.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
process.stdout.write('done\n');
