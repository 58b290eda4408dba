// District IT's provisioning tool: `npm run provision -- <command> …` (see docs/provisioning.md).
// The commands live in electron/provisioning/provision-cli.ts, where they are type-checked and
// tested; this file only connects them to the terminal.
import { runProvisionCli } from '../electron/provisioning/provision-cli';

const code = await runProvisionCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => new Date(),
});
process.exitCode = code;
