// A session over a real HTTP-FLV connection to a server whose AVC decoder configuration is
// broken (or missing while frames flow): the session reports the failure with the reason the
// tile names, relays nothing of it, and retries; the same server's valid clip plays.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StreamStatus } from '../../../../electron/contract/wall-contract';
import { StreamSession } from '../../../../electron/streams/core/stream-session';
import type { ViewerSink } from '../../../../electron/streams/core/stream-viewer';
import { FlvReader } from '../../../../electron/streams/flv/flv-reader';
import { FLV_TAG_VIDEO } from '../../../../electron/streams/flv/flv-tag';
import { createHttpFlvSource } from '../../../../electron/streams/protocols/http-flv/http-flv-source';
import {
  BROKEN_CASES,
  startBrokenFlvServer,
  type BrokenFlvServer,
} from '../../../fixtures/broken-video/broken-flv-server';
import { Conditions } from '../../../fixtures/conditions';

let server: BrokenFlvServer;
const sessions: StreamSession[] = [];

beforeAll(async () => {
  server = await startBrokenFlvServer();
});
afterEach(() => sessions.splice(0).forEach((s) => s.close()));
afterAll(() => server.close());

function play(slug: string) {
  const conditions = new Conditions();
  const statuses: StreamStatus[] = [];
  const logs: string[] = [];
  const chunks: Uint8Array[] = [];
  const session = new StreamSession({
    cameraId: slug,
    quality: 'sub',
    label: `Cẩm Vũ ${slug}`,
    factory: createHttpFlvSource({ url: server.url(slug), label: `Cẩm Vũ ${slug}` }),
    // Long enough that no watchdog failure can stand in for the check under test.
    timings: { noMediaTimeoutMs: 30_000, stallTimeoutMs: 30_000 },
    onStatus: (s) => {
      statuses.push(s);
      conditions.notify();
    },
    log: (line) => logs.push(line),
  });
  sessions.push(session);
  const sink: ViewerSink = {
    send: (bytes) => void chunks.push(bytes),
    bufferedBytes: () => 0,
    close: () => undefined,
  };
  session.attach(sink);
  const relayedVideo = () => {
    const reader = new FlvReader();
    return chunks
      .flatMap((c) => reader.push(c))
      .filter((r) => r.kind === 'tag' && r.tag.type === FLV_TAG_VIDEO).length;
  };
  return { session, statuses, logs, conditions, relayedVideo };
}

describe('damaged AVC configuration over HTTP-FLV', () => {
  for (const slug of Object.keys(BROKEN_CASES)) {
    it(`${slug}: a source failure with reason damaged-video, nothing relayed`, async () => {
      const p = play(slug);
      await p.conditions.waitFor(
        () => p.session.currentStatus.state === 'error',
        20_000,
        'the failure',
      );
      expect(p.session.currentStatus).toMatchObject({
        state: 'error',
        reason: 'damaged-video',
        lastFrameAt: null,
      });
      expect(p.session.currentStatus.retryAt).not.toBeNull();
      expect(p.session.currentStatus.detail).toMatch(
        /^Camera 'Cẩm Vũ .*': the stream is damaged \(/,
      );
      expect(p.statuses.some((s) => s.state === 'live')).toBe(false);
      expect(p.relayedVideo()).toBe(0);
      expect(p.logs.join('\n')).toMatch(/the stream is damaged/);
    });
  }

  it('valid: the same server and clip with its own configuration plays', async () => {
    const p = play('valid');
    await p.conditions.waitFor(() => p.session.currentStatus.state === 'live', 20_000, 'live');
    expect(p.relayedVideo()).toBeGreaterThan(0);
  });
});
