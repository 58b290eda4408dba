// One TCP (or TLS) connection speaking RTSP/1.0 with interleaved RTP. It numbers requests
// (CSeq), matches responses to them, signs them (Digest/Basic) and hands binary frames on.
// It knows nothing about media: the source drives it.
import net from 'node:net';
import tls from 'node:tls';
import type { TlsTrust } from '../../../settings/settings-model';
import { tlsConnectOptions } from '../tls/tls-trust';
import { RtspAuthenticator, parseChallenges, pickChallenge } from './rtsp-auth';
import { InterleavedReader } from './interleaved-reader';
import type { RtspResponse } from './rtsp-message';
import type { RtspTarget } from './rtsp-url';
import {
  RtspFailure,
  basicOverCleartext,
  connectTimeout,
  ended,
  missingCredentials,
  noAuthOffered,
  protocolError,
  statusFailure,
  tlsFailure,
  unreachable,
} from './rtsp-errors';

const USER_AGENT = 'OneStopWall/0.1';
const MAX_PENDING = 16;
/**
 * One read buffer for every plain-TCP camera connection in the process. Node's default gives
 * each read a fresh 64 KiB allocation and a trip through the stream machinery; with `onread`
 * the kernel copies into this buffer and the reader consumes it before the next read (it
 * copies what it keeps: see InterleavedReader.push). Reads never interleave: one thread.
 * rtsps:// keeps the ordinary 'data' path (TLS sockets do not take onread).
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);
/** The same memory as a plain Uint8Array: a view of it per read is cheaper than a Buffer's. */
const READ_VIEW = new Uint8Array(READ_BUFFER.buffer, READ_BUFFER.byteOffset, READ_BUFFER.length);

export interface ConnectionEvents {
  onFrame(channel: number, payload: Uint8Array): void;
  /** Once, when the connection is gone for any reason other than destroy(). */
  onClosed(failure: RtspFailure): void;
}

interface Pending {
  resolve: (r: RtspResponse) => void;
  reject: (e: RtspFailure) => void;
  timer: NodeJS.Timeout;
}

export class RtspConnection {
  private socket: net.Socket | undefined;
  private readonly reader = new InterleavedReader();
  private readonly pending = new Map<number, Pending>();
  private cseq = 0;
  private done = false;
  private readonly auth: RtspAuthenticator | undefined;
  /** A nonce the server has accepted once; a 401 with a different one means it expired. */
  private verifiedNonce: string | undefined;
  sessionId: string | undefined;

  constructor(
    private readonly target: RtspTarget,
    private readonly label: string,
    private readonly events: ConnectionEvents,
    private readonly security: { tlsTrust?: TlsTrust; allowBasicOverCleartext?: boolean },
  ) {
    this.auth =
      target.username !== undefined
        ? new RtspAuthenticator(target.username, target.password ?? '')
        : undefined;
  }

  /** Resolves once connected (and the TLS handshake is done); rejects with a failure. */
  connect(timeoutMs: number): Promise<void> {
    const { host, port, secure } = this.target;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (err?: RtspFailure) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) {
          this.finish(undefined);
          reject(err);
        } else resolve();
      };
      const timer = setTimeout(
        () => settle(connectTimeout(this.label, host, port, timeoutMs)),
        timeoutMs,
      );
      const socket = secure
        ? tls.connect({
            host,
            port,
            ...(net.isIP(host) ? {} : { servername: host }),
            ...tlsConnectOptions(this.security.tlsTrust),
          })
        : net.connect({
            host,
            port,
            onread: {
              buffer: READ_BUFFER,
              callback: (bytes: number) => {
                this.onData(READ_VIEW.subarray(0, bytes), true);
                return true; // keep reading
              },
            },
          });
      this.socket = socket;
      socket.setNoDelay(true);
      socket.once(secure ? 'secureConnect' : 'connect', () => settle());
      if (secure) socket.on('data', (chunk: Buffer) => this.onData(chunk, false));
      socket.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ?? 'error';
        if (!settled) {
          settle(
            secure && (code.startsWith('ERR_TLS') || /CERT|SSL|SELF_SIGNED/.test(code))
              ? tlsFailure(this.label, host, code, err.message)
              : unreachable(this.label, host, port, code),
          );
        } else this.finish(ended(this.label, `connection error ${code}`));
      });
      socket.on('close', () => {
        if (!settled) settle(unreachable(this.label, host, port, 'ECONNRESET'));
        else this.finish(ended(this.label, 'the camera closed the connection'));
      });
    });
  }

  /**
   * Sends a request and waits for its response. A 401 is answered by signing in: once when
   * the request went unsigned, and once more only when the server says the nonce was stale
   * or changed it. Any other rejection throws the matching failure, so a wrong password
   * costs at most two requests, never a retry loop.
   */
  async request(
    method: string,
    url: string,
    headers: Record<string, string> = {},
    timeoutMs = 10_000,
  ): Promise<RtspResponse> {
    let signedAttempts = 0;
    let staleRetryUsed = false;
    for (;;) {
      const authHeader = this.auth?.header(method, url);
      if (authHeader) signedAttempts++;
      const nonceUsed = this.auth?.currentNonce;
      const res = await this.send(
        method,
        url,
        { ...headers, ...(authHeader ? { Authorization: authHeader } : {}) },
        timeoutMs,
      );
      if (res.status !== 401) {
        if (authHeader) this.verifiedNonce = nonceUsed;
        return res;
      }
      if (!this.auth) throw missingCredentials(this.label);
      const challenges = parseChallenges(res.headers.get('www-authenticate') ?? []);
      if (challenges.length === 0) throw statusFailure(this.label, method, 401, res.reason);
      // Basic over rtsp:// would put the password on the wire readable: refused before it is
      // sent, unless the configuration allows it for this camera.
      const basicAllowed = this.target.secure || this.security.allowBasicOverCleartext === true;
      if (pickChallenge(challenges)?.scheme === 'basic' && !basicAllowed) {
        throw basicOverCleartext(this.label);
      }
      if (!this.auth.accept(challenges)) throw noAuthOffered(this.label);
      if (signedAttempts === 0) continue;
      const stale = challenges.some((c) => (c.params.stale ?? '').toLowerCase() === 'true');
      // A keepalive can meet a nonce that expired meanwhile (the server accepted it before
      // and now sends another): one fresh try, never a loop.
      const expired =
        nonceUsed !== undefined &&
        nonceUsed === this.verifiedNonce &&
        this.auth.currentNonce !== nonceUsed;
      if ((stale || expired) && !staleRetryUsed) {
        staleRetryUsed = true;
        continue;
      }
      throw statusFailure(this.label, method, 401, res.reason);
    }
  }

  /** Writes without waiting for or expecting an answer (TEARDOWN on close). */
  sendAndForget(method: string, url: string): void {
    const authHeader = this.auth?.header(method, url);
    this.write(method, url, authHeader ? { Authorization: authHeader } : {});
  }

  /** Stops everything without reporting (the owner asked for it). */
  destroy(): void {
    this.finish(undefined);
  }

  /** Ends the socket politely after pending writes (used after TEARDOWN). */
  endGracefully(): void {
    const socket = this.socket;
    this.finish(undefined, false);
    if (socket && !socket.destroyed) {
      socket.end();
      // Do not hold the process for a camera that never closes its side.
      setTimeout(() => socket.destroy(), 1000).unref();
    }
  }

  private send(
    method: string,
    url: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<RtspResponse> {
    return new Promise((resolve, reject) => {
      if (this.done) {
        reject(ended(this.label, 'the connection is closed'));
        return;
      }
      if (this.pending.size >= MAX_PENDING) {
        reject(protocolError(this.label, 'the camera stopped answering RTSP requests'));
        return;
      }
      const cseq = this.write(method, url, headers);
      const timer = setTimeout(() => {
        this.pending.delete(cseq);
        reject(
          protocolError(
            this.label,
            `no answer to ${method} within ${Math.round(timeoutMs / 1000)} s`,
          ),
        );
      }, timeoutMs);
      this.pending.set(cseq, { resolve, reject, timer });
    });
  }

  private write(method: string, url: string, headers: Record<string, string>): number {
    const cseq = ++this.cseq;
    const lines = [`${method} ${url} RTSP/1.0`, `CSeq: ${cseq}`, `User-Agent: ${USER_AGENT}`];
    if (this.sessionId && method !== 'OPTIONS' && method !== 'DESCRIBE' && !headers.Session) {
      lines.push(`Session: ${this.sessionId}`);
    }
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v.replace(/[\r\n]/g, '')}`);
    const text = `${lines.join('\r\n')}\r\n\r\n`;
    if (this.socket && !this.socket.destroyed && !this.done) this.socket.write(text);
    return cseq;
  }

  /** `transient`: chunk is a view of READ_BUFFER, overwritten by the next read. */
  private onData(chunk: Uint8Array, transient: boolean): void {
    if (this.done) return;
    // A Buffer's subarray() makes Buffers: the reader works on plain Uint8Array views.
    const view = transient ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    const items = this.reader.push(view, transient);
    for (const item of items) {
      if (this.done) return;
      if (item.kind === 'frame') this.events.onFrame(item.channel, item.payload);
      else if (item.kind === 'response') this.onResponse(item.response);
      else if (item.kind === 'error') this.finish(protocolError(this.label, item.message));
      // Requests from the server (ANNOUNCE, GET_PARAMETER, ...) are optional; ignoring them
      // is allowed and safer than answering something we do not implement.
    }
  }

  private onResponse(res: RtspResponse): void {
    const cseqText = res.headers.get('cseq')?.[0];
    let cseq = cseqText !== undefined ? Number.parseInt(cseqText, 10) : Number.NaN;
    // Some cameras omit or mangle CSeq; then the oldest outstanding request gets it.
    if (!this.pending.has(cseq)) cseq = Math.min(...this.pending.keys());
    const entry = this.pending.get(cseq);
    if (!entry) return;
    this.pending.delete(cseq);
    clearTimeout(entry.timer);
    entry.resolve(res);
  }

  private finish(failure: RtspFailure | undefined, destroySocket = true): void {
    if (this.done) return;
    this.done = true;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(failure ?? ended(this.label, 'the connection was closed'));
    }
    this.pending.clear();
    if (destroySocket) this.socket?.destroy();
    if (failure) this.events.onClosed(failure);
  }
}

export { RtspFailure };
