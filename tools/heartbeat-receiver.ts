// District IT's heartbeat receiver: `npm run heartbeat-receiver -- --secret-file key.txt
// [--port 8787] [--cert cert.pem --key key.pem]`. Prints one line per wall's beat and every
// refusal; the checks live in electron/services/heartbeat/heartbeat-receiver.ts, where they are
// tested. A sketch to start from (or to read before writing one's own), not a monitoring system.
import { readFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { parseArgs } from 'node:util';
import { beatLine, heartbeatReceiver } from '../electron/services/heartbeat/heartbeat-receiver';

const { values } = parseArgs({
  options: {
    'secret-file': { type: 'string' },
    port: { type: 'string', default: '8787' },
    cert: { type: 'string' },
    key: { type: 'string' },
  },
});
if (!values['secret-file'] || Boolean(values.cert) !== Boolean(values.key)) {
  console.error(
    'Usage: npm run heartbeat-receiver -- --secret-file key.txt [--port 8787] [--cert cert.pem --key key.pem]',
  );
  process.exit(2);
}
const secret = readFileSync(values['secret-file'], 'utf8').trim();
const listener = heartbeatReceiver({
  secret,
  onBeat: (beat) => console.log(beatLine(beat)),
  onRefused: (problem) => console.error(`${new Date().toISOString()} refused: ${problem}`),
});
const server =
  values.cert && values.key
    ? createHttps({ cert: readFileSync(values.cert), key: readFileSync(values.key) }, listener)
    : createHttp(listener);
server.listen(Number(values.port), () => {
  console.log(`Heartbeat receiver on ${values.cert ? 'https' : 'http'}://0.0.0.0:${values.port}/`);
});
