// Child process: N of our RTSP sources (electron/streams/rtsp) pulling the same camera, each
// tag serialised to FLV bytes as the gateway would send them, then dropped. argv[2]: JSON
// {"url", "username", "password", "count", "path"?}. `path`: "source" (default) feeds each
// tag straight to the FLV writer; "wall" runs the wall's own path behind the source: a
// StreamSession (media check, GOP cache, replay buffer at the product's default length,
// timestamp rebasing, watchdog) with one tile viewer whose bytes are counted, and "watch" adds
// the background watch's viewer to each (a viewer that is not a tile and drops the bytes).
// Prints one JSON object per line:
//   {"idle": true}           started, no source yet (the parent measures the idle process);
//                            a "start" line on stdin starts the sources
//   {"video": i}             source i delivered video (again, after a reconnect)
//   {"ended": i, "error"}    source i ended; it is reconnected like the wall's session would,
//                            up to RECONNECTS times, then {"gaveUp": i}
//   {"ready": true}          every source has delivered video or given up (or the deadline)
//   {"bytes": n}             on SIGTERM / end of stdin, before exiting
//   {"profiled": prefix}     after "profile-stop PREFIX" (a window begun by "profile-start")
// A camera that resets one connection (ECONNRESET under load) costs one reconnect, not the
// whole measurement.
import { createInterface } from 'node:readline';
import { encodeFlvTag } from '../../electron/streams/flv/flv-writer';
import { createRtspSource } from '../../electron/streams/protocols/rtsp/rtsp-source';
import type { UpstreamSource } from '../../electron/streams/core/source';
import { openWallPath } from './rtsp-wall-path';
import { WindowProfiler } from './window-profiler';

const RECONNECTS = 2;
const RECONNECT_DELAY_MS = 500;
const READY_DEADLINE_MS = 20_000;

const send = (msg: object) => process.stdout.write(`${JSON.stringify(msg)}\n`);

function main(): void {
  const config = JSON.parse(process.argv[2] ?? '{}') as {
    url: string;
    username: string;
    password: string;
    count: number;
    path?: 'source' | 'wall' | 'watch';
  };
  const sources: (UpstreamSource | null)[] = [];
  const everVideo = new Set<number>();
  const gaveUp = new Set<number>();
  const reconnects = new Map<number, number>();
  let bytes = 0;
  let readySent = false;
  let stopping = false;
  const maybeReady = (force = false) => {
    if (readySent || (!force && everVideo.size + gaveUp.size < config.count)) return;
    readySent = true;
    send({ ready: true });
  };
  const open = (i: number) => {
    let sawVideo = false;
    sources[i] = createRtspSource({
      url: config.url,
      username: config.username,
      password: config.password,
      label: `bench-${i + 1}`,
    })({
      onTag: (tag) => {
        bytes += encodeFlvTag(tag).length;
        if (tag.type === 9 && !sawVideo) {
          sawVideo = true;
          everVideo.add(i);
          send({ video: i });
          maybeReady();
        }
      },
      onEnd: (failure) => {
        sources[i] = null;
        send({ ended: i, error: failure.message });
        if (stopping) return;
        const used = reconnects.get(i) ?? 0;
        if (used >= RECONNECTS) {
          gaveUp.add(i);
          send({ gaveUp: i });
          maybeReady();
          return;
        }
        reconnects.set(i, used + 1);
        setTimeout(() => {
          if (!stopping) open(i);
        }, RECONNECT_DELAY_MS);
      },
    });
  };
  const start = () => {
    if (config.path === 'wall' || config.path === 'watch') {
      for (let i = 0; i < config.count; i++) {
        sources[i] = openWallPath(config, i, config.path === 'watch', {
          onBytes: (n) => (bytes += n),
          onVideo: () => {
            everVideo.add(i);
            send({ video: i });
            maybeReady();
          },
          onEnded: (detail) => send({ ended: i, error: detail }),
        });
      }
      setTimeout(() => maybeReady(true), READY_DEADLINE_MS);
      return;
    }
    for (let i = 0; i < config.count; i++) open(i);
    // A source that never delivers must not hold the others' measurement hostage.
    setTimeout(() => maybeReady(true), READY_DEADLINE_MS);
  };
  const profiler = new WindowProfiler();
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [word, arg] = line.trim().split(' ');
    if (word === 'start' && sources.length === 0) start();
    // rtsp-profile.ts: profile a window, not the start-up.
    if (word === 'profile-start') profiler.start();
    if (word === 'profile-stop' && arg) profiler.stop(arg, () => send({ profiled: arg }));
  });
  send({ idle: true });
  const stop = () => {
    stopping = true;
    for (const s of sources) s?.close();
    send({ bytes });
    setTimeout(() => process.exit(0), 200);
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main();
