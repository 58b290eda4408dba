// Child process: N of our RTSP sources (electron/streams/rtsp) pulling the same camera, each
// tag serialised to FLV bytes as the gateway would send them, then dropped. argv[2]: JSON
// {"url", "username", "password", "count"}. Prints {"idle": true}, starts the sources on a
// "start" line (so the parent can measure the idle process first), then prints
// {"ready": true} once every source has delivered video, or {"error": "..."} if one fails.
import { createInterface } from 'node:readline';
import { encodeFlvTag } from '../../electron/streams/flv/flv-writer';
import { createRtspSource } from '../../electron/streams/protocols/rtsp/rtsp-source';
import type { UpstreamSource } from '../../electron/streams/core/source';

function main(): void {
  const config = JSON.parse(process.argv[2] ?? '{}') as {
    url: string;
    username: string;
    password: string;
    count: number;
  };
  const withVideo = new Set<number>();
  const sources: UpstreamSource[] = [];
  let bytes = 0;
  const start = () => {
    for (let i = 0; i < config.count; i++) {
      const factory = createRtspSource({
        url: config.url,
        username: config.username,
        password: config.password,
        label: `bench-${i + 1}`,
      });
      sources.push(
        factory({
          onTag: (tag) => {
            bytes += encodeFlvTag(tag).length;
            if (tag.type === 9 && !withVideo.has(i)) {
              withVideo.add(i);
              if (withVideo.size === config.count) {
                process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
              }
            }
          },
          onEnd: (failure) => {
            process.stdout.write(`${JSON.stringify({ error: failure.message })}\n`);
          },
        }),
      );
    }
  };
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'start' && sources.length === 0) start();
  });
  process.stdout.write(`${JSON.stringify({ idle: true })}\n`);
  const stop = () => {
    for (const s of sources) s.close();
    process.stdout.write(`${JSON.stringify({ bytes })}\n`);
    setTimeout(() => process.exit(0), 200);
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main();
