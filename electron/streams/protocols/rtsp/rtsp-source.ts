// The RTSP upstream source: one connection attempt that runs OPTIONS → DESCRIBE → SETUP (the
// video track, TCP interleaved) → PLAY, turns the RTP video into FLV tags, keeps the RTSP
// session alive, and ends exactly once with a failure code a user can act on. Reconnects
// and media watchdogs belong to the session layer above (see ../../core/source.ts).
import type {
  SourceFactory,
  SourceFailure,
  SourceHandlers,
  UpstreamSource,
} from '../../core/source';
import type { FlvTag } from '../../flv/flv-tag';
import type { TlsTrust } from '../../../settings/settings-model';
import { RtspConnection } from './rtsp-connection';
import { describeFollowingRedirects } from './rtsp-describe';
import { RtspFailure, protocolError, statusFailure, toFailure } from './rtsp-errors';
import { header, parseSessionHeader, type RtspResponse } from './rtsp-message';
import { redactUrlsIn } from '../../../logging/redact-url';
import { controlBase, parseRtspUrl, resolveControl, type RtspTarget } from './rtsp-url';
import { parseSdp, pickVideoTrack, type VideoTrack } from './sdp';
import { parseRtp } from './rtp-packet';
import { DecodeClock, leadFor } from './decode-clock';
import { RtpDepacketizer } from './rtp-depacketizer';
import { FlvVideoMuxer } from '../../flv/video-muxer';

export interface RtspSourceOptions {
  url: string;
  username?: string;
  password?: string;
  /** Camera name for log lines and messages. */
  label: string;
  log?: (line: string) => void;
  connectTimeoutMs?: number;
  /** rtsps:// only: the CA (or the camera's own self-signed certificate) and a pin. */
  tlsTrust?: TlsTrust;
  /** Basic-only cameras over rtsp:// (see rtsp-connection.ts). */
  allowBasicOverCleartext?: boolean;
  /** Servers other than the URL's own that a DESCRIBE redirect may lead to. */
  allowRedirectTo?: readonly string[];
  /** Per-request answer timeout (default 10 s). */
  requestTimeoutMs?: number;
}

export function createRtspSource(options: RtspSourceOptions): SourceFactory {
  return (handlers) => new RtspSource(options, handlers);
}

class RtspSource implements UpstreamSource {
  private finished = false;
  private conn: RtspConnection | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  private aggregateUrl: string | undefined;
  private rtpChannel = 0;
  private pipeline:
    | {
        track: VideoTrack;
        depacketizer: RtpDepacketizer;
        clock: DecodeClock;
        muxer: FlvVideoMuxer;
      }
    | undefined;
  private codecReported = false;

  constructor(
    private readonly options: RtspSourceOptions,
    private readonly handlers: SourceHandlers,
  ) {
    this.run().catch((err: unknown) => this.fail(toFailure(err, options.label)));
  }

  close(): void {
    if (this.finished) return;
    this.finished = true;
    this.stopKeepalive();
    const conn = this.conn;
    if (conn && conn.sessionId && this.aggregateUrl) {
      // Frees the camera's session slot now instead of at its timeout; cameras allow few.
      conn.sendAndForget('TEARDOWN', this.aggregateUrl);
      conn.endGracefully();
    } else conn?.destroy();
    this.log('closed');
  }

  private async run(): Promise<void> {
    const { label } = this.options;
    const parsed = parseRtspUrl(this.options.url);
    if ('error' in parsed) {
      throw new RtspFailure(
        'protocol-error',
        `Camera '${label}': ${parsed.error}. Fix the camera URL in the configuration (rtsp://host:554/path).`,
        { detail: parsed.error },
      );
    }
    let target: RtspTarget = {
      ...parsed,
      // Explicit credentials win over ones embedded in the URL.
      ...(this.options.username !== undefined ? { username: this.options.username } : {}),
      ...(this.options.password !== undefined ? { password: this.options.password } : {}),
    };
    const timeout = this.options.requestTimeoutMs ?? 10_000;
    const found = await describeFollowingRedirects(target, {
      label,
      timeoutMs: timeout,
      allowRedirectTo: this.options.allowRedirectTo ?? [],
      open: (t) => this.open(t),
      stopped: () => this.finished,
      log: (line) => this.log(line),
    });
    if (!found) return;
    const { conn, publicMethods, describe } = found;
    target = found.target;
    const url = target.url;
    if (!ok(describe)) throw statusFailure(label, 'DESCRIBE', describe.status, describe.reason);
    const sdp = parseSdp(Buffer.from(describe.body).toString('utf8'));
    const choice = pickVideoTrack(sdp);
    if (!choice.ok) {
      if (choice.code === 'no-video-track') {
        throw new RtspFailure(
          'no-video-track',
          `Camera '${label}': the stream has no video track. Check the stream path, or enable video on this channel in the camera.`,
          { reason: 'no-video-track' },
        );
      }
      throw new RtspFailure(
        'unsupported-codec',
        `Camera '${label}': the video is ${choice.encoding}, but only H.264 and H.265 can be shown. Set the camera's video encoding to H.264.`,
        { detail: `SDP: ${choice.encoding}` },
      );
    }
    const track = choice.track;
    const base = controlBase(
      url,
      header(describe.headers, 'content-base'),
      header(describe.headers, 'content-location'),
      sdp.control,
    );
    this.aggregateUrl = base;
    this.pipeline = {
      track,
      // Each access unit goes to the muxer, which copies it, before the next packet.
      depacketizer: new RtpDepacketizer(track.codec, { reuse: true }),
      clock: new DecodeClock(track.clockRate, leadFor(track.codec, track.sps)),
      muxer: new FlvVideoMuxer(track.codec, track),
    };

    const trackUrl = resolveControl(base, track.control);
    const setup = await conn.request(
      'SETUP',
      trackUrl,
      { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1' },
      timeout,
    );
    if (this.finished) return;
    if (setup.status === 461) {
      throw protocolError(
        label,
        'the camera does not offer RTP over TCP (RTSP 461 Unsupported Transport)',
      );
    }
    if (!ok(setup)) throw statusFailure(label, 'SETUP', setup.status, setup.reason);
    const sessionText = header(setup.headers, 'session');
    if (!sessionText) throw protocolError(label, 'SETUP was answered without a Session header');
    const session = parseSessionHeader(sessionText);
    conn.sessionId = session.id;
    const transport = header(setup.headers, 'transport') ?? '';
    if (transport && !/TCP/i.test(transport)) {
      throw protocolError(
        label,
        `the camera answered SETUP with a non-TCP transport (${transport.slice(0, 60)})`,
      );
    }
    const channels = /interleaved\s*=\s*(\d+)/i.exec(transport);
    this.rtpChannel = channels ? Number(channels[1]) : 0;

    const play = await conn.request('PLAY', base, { Range: 'npt=0.000-' }, timeout);
    if (this.finished) return;
    if (!ok(play)) throw statusFailure(label, 'PLAY', play.status, play.reason);
    const method = publicMethods.has('GET_PARAMETER') ? 'GET_PARAMETER' : 'OPTIONS';
    this.log(
      `playing ${track.codec === 'h264' ? 'H.264' : 'H.265'} from ${trackUrl}; session timeout ${session.timeoutSec} s, keepalive ${method}`,
    );
    this.startKeepalive(method, base, session.id, session.timeoutSec, timeout);
  }

  /** A connection to `target`, connected (and its TLS verified). */
  private async open(target: RtspTarget): Promise<RtspConnection> {
    const conn = new RtspConnection(
      target,
      this.options.label,
      {
        onFrame: (channel, payload) => this.onFrame(channel, payload),
        onClosed: (failure) => {
          if (this.conn === conn) this.fail(failure.toSourceFailure());
        },
      },
      {
        ...(this.options.tlsTrust ? { tlsTrust: this.options.tlsTrust } : {}),
        ...(this.options.allowBasicOverCleartext ? { allowBasicOverCleartext: true } : {}),
      },
    );
    this.conn = conn;
    this.log(`connecting to ${target.url}`);
    await conn.connect(this.options.connectTimeoutMs ?? 10_000);
    return conn;
  }

  private startKeepalive(
    method: string,
    url: string,
    sessionId: string,
    timeoutSec: number,
    timeoutMs: number,
  ): void {
    // Half the timeout leaves room for one slow answer before the camera drops the session.
    const every = Math.max(1000, (timeoutSec * 1000) / 2);
    this.keepalive = setInterval(() => {
      const conn = this.conn;
      if (!conn || this.finished) return;
      conn
        .request(method, url, { Session: sessionId }, Math.min(timeoutMs, every))
        .then((res) => {
          if (res.status === 454) {
            this.fail(
              protocolError(
                this.options.label,
                'the camera forgot the RTSP session (RTSP 454 Session Not Found)',
              ).toSourceFailure(),
            );
          }
        })
        .catch((err: unknown) => {
          const failure = toFailure(err, this.options.label);
          // A camera that ignores keepalives is not broken as long as video flows; only a
          // refused login ends the source here.
          if (failure.code === 'auth-failed') this.fail(failure);
          else if (!this.finished) this.log(`keepalive: ${failure.message}`);
        });
    }, every);
    this.keepalive.unref?.();
  }

  private stopKeepalive(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.keepalive = undefined;
  }

  private onFrame(channel: number, payload: Uint8Array): void {
    // RTCP arrives on the odd channel; we do not need sender reports for a live view.
    if (this.finished || channel !== this.rtpChannel || !this.pipeline) return;
    const p = this.pipeline;
    const rtp = parseRtp(payload);
    if (!rtp || rtp.payloadType !== p.track.payloadType) return;
    const units = p.depacketizer.push(rtp.sequence, rtp.timestamp, rtp.marker, rtp.payload);
    for (const au of units) {
      // RTP timestamps are presentation times; with B-frames they are not in decode order.
      const { dtsMs, compositionMs } = p.clock.next(au.timestamp);
      const tags = p.muxer.push(au, dtsMs, compositionMs);
      for (const tag of tags) this.emit(tag);
    }
  }

  private emit(tag: FlvTag): void {
    if (this.finished) return;
    const p = this.pipeline;
    if (!this.codecReported && p) {
      this.codecReported = true;
      const size = p.muxer.size ? ` ${p.muxer.size.width}x${p.muxer.size.height}` : '';
      this.log(`first picture: ${p.track.codec === 'h264' ? 'H.264' : 'H.265'}${size}`);
      this.safely(() => this.handlers.onCodec?.(p.track.codec));
    }
    this.safely(() => this.handlers.onTag(tag));
  }

  private fail(failure: SourceFailure): void {
    if (this.finished) return;
    this.finished = true;
    this.stopKeepalive();
    this.conn?.destroy();
    // The message already names the camera.
    this.options.log?.(redactUrlsIn(`[rtsp] ended (${failure.code}): ${failure.message}`));
    this.safely(() => this.handlers.onEnd(failure));
  }

  /** A consumer's bug must not take the socket handler (and the main process) down. */
  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.log(`a stream handler threw: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private log(message: string): void {
    this.options.log?.(redactUrlsIn(`[rtsp] Camera '${this.options.label}': ${message}`));
  }
}

function ok(res: RtspResponse): boolean {
  return res.status >= 200 && res.status < 300;
}
