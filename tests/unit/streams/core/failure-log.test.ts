import { describe, expect, it } from 'vitest';
import { FAILURE_LOG_INTERVAL_MS, FailureLog } from '../../../../electron/streams/core/failure-log';
import type { SourceFailure } from '../../../../electron/streams/core/source';

const ENDED: SourceFailure = {
  code: 'ended',
  message: "Camera 'Gate': the server ended the stream.",
};
const REFUSED: SourceFailure = { code: 'auth-failed', message: "Camera 'Gate': wrong password." };

function logAt() {
  const clock = { now: 0 };
  const lines: string[] = [];
  const log = new FailureLog(
    (line) => lines.push(line),
    () => clock.now,
  );
  return { log, lines, clock };
}

describe('FailureLog', () => {
  it('writes "ended" and "video is back" once each for a stream that ends every few seconds', () => {
    const { log, lines, clock } = logAt();
    for (let i = 0; i < 20; i += 1) {
      clock.now += 3_000;
      log.failed('Gate [sub]', 'sub', ENDED);
      clock.now += 1_000;
      log.recovered('Gate [sub]', 'sub');
    }
    expect(lines).toEqual([
      "Gate [sub]: Camera 'Gate': the server ended the stream.",
      'Gate [sub]: video is back',
    ]);
    expect(lines.join('\n')).not.toMatch(/cannot reach/);
  });

  it('then writes each kind again every 10 minutes, with the count in between', () => {
    const { log, lines, clock } = logAt();
    log.failed('Gate [sub]', 'sub', ENDED);
    log.recovered('Gate [sub]', 'sub');
    for (let i = 0; i < 4; i += 1) {
      clock.now += 60_000;
      log.failed('Gate [sub]', 'sub', ENDED);
      log.recovered('Gate [sub]', 'sub');
    }
    clock.now = FAILURE_LOG_INTERVAL_MS;
    log.failed('Gate [sub]', 'sub', ENDED);
    log.recovered('Gate [sub]', 'sub');
    expect(lines.slice(2)).toEqual([
      "Gate [sub]: Camera 'Gate': the server ended the stream. (4 more times since the last report)",
      'Gate [sub]: video is back (4 more times since the last report)',
    ]);
  });

  it('shares the kinds between the streams of one camera', () => {
    const { log, lines } = logAt();
    log.failed('Gate [sub]', 'sub', REFUSED);
    log.failed('Gate [main]', 'main', REFUSED);
    expect(lines).toEqual(["Gate [sub]: Camera 'Gate': wrong password."]);
  });

  it('says nothing of video coming back when nothing had failed', () => {
    const { log, lines } = logAt();
    log.recovered('Gate [sub]', 'sub');
    log.failed('Gate [sub]', 'sub', ENDED);
    log.recovered('Gate [main]', 'main');
    expect(lines).toHaveLength(1);
  });

  it('after steady video, reports what it held back and writes the next failure at once', () => {
    const { log, lines } = logAt();
    log.failed('Gate [sub]', 'sub', ENDED);
    log.recovered('Gate [sub]', 'sub');
    log.failed('Gate [sub]', 'sub', ENDED);
    log.recovered('Gate [sub]', 'sub');
    log.steady('Gate [sub]', 'sub');
    expect(lines[2]).toBe(
      'Gate [sub]: video plays steadily again (not reported since: ended 1×, video is back 1×)',
    );
    log.failed('Gate [sub]', 'sub', ENDED);
    expect(lines).toHaveLength(4);
  });
});
