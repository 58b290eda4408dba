// The wall's own path behind one RTSP source, for the RTSP cost benchmark (rtsp-process.ts):
// a StreamSession as the broker makes it (media check, GOP cache, replay buffer of the
// product's default length, timestamp rebasing, watchdog, reconnects with backoff) and one
// tile viewer whose FLV bytes are counted where the gateway would hand them to the WebSocket.
// With `watch`, the background watch's viewer too (not a tile; it drops the bytes).
import { replayLimits } from '../../electron/settings/look-settings';
import { StreamSession } from '../../electron/streams/core/stream-session';
import { createRtspSource } from '../../electron/streams/protocols/rtsp/rtsp-source';

export interface WallPathEvents {
  onBytes(n: number): void;
  /** Video flows (again, after a reconnect). */
  onVideo(): void;
  onEnded(detail: string): void;
}

export function openWallPath(
  config: { url: string; username: string; password: string },
  i: number,
  watch: boolean,
  events: WallPathEvents,
): { close(): void } {
  let live = false;
  const session = new StreamSession({
    cameraId: `bench-${i + 1}`,
    quality: 'sub',
    label: `bench-${i + 1}`,
    factory: createRtspSource({
      url: config.url,
      username: config.username,
      password: config.password,
      label: `bench-${i + 1}`,
    }),
    replay: replayLimits({}),
    log: () => {},
    onStatus: (status) => {
      const nowLive = status.state === 'live' || status.state === 'unstable';
      if (nowLive && !live) events.onVideo();
      if (!nowLive && live) events.onEnded(status.detail ?? status.state);
      live = nowLive;
    },
  });
  session.attach({
    send: (bytes) => events.onBytes(bytes.length),
    bufferedBytes: () => 0,
    close: () => {},
    tile: true,
  });
  // As the background watch attaches (electron/services/background-watch.ts).
  if (watch) {
    session.attach({ send: () => {}, bufferedBytes: () => 0, close: () => {}, discards: true });
  }
  return { close: () => session.close() };
}
