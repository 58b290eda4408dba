// The WallApi over the preview host's WebSocket, for running the renderer in any Chromium:
// a transport for the contract's table (buildWallApi makes the verbs and subscriptions).
// Requests carry ids and resolve to Result values; events fan out to listeners. When the
// socket drops it reconnects with backoff, fails the requests in flight, and re-reads the
// snapshot and statuses so the wall catches up with what it missed.
import {
  buildWallApi,
  parseServerMessage,
  previewSocketUrl,
  WALL_EVENTS,
  WALL_VERBS,
  type PreviewRequest,
  type Result,
  type StreamStatus,
  type WallApi,
  type WallEventChannel,
  type WallRequestChannel,
  type WallSnapshot,
  type WallTransport,
} from '../contract';
import { takeEarlySocket, type EarlySocket } from './early-socket';
import { reconnectDelayMs } from './preview-messages';

const REQUEST_TIMEOUT_MS = 15_000;

interface Pending {
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

type Listener = (payload: unknown) => void;

export class PreviewClient implements WallTransport {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private attempt = 0;
  private everOpened = false;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: string[] = [];
  private readonly listeners = new Map<WallEventChannel, Set<Listener>>();

  constructor(
    private readonly url: string,
    early: EarlySocket | null = null,
  ) {
    this.connect(early);
  }

  /** The API of the page `win`, over the socket its <head> opened early when there is one. */
  static apiFromWindow(win: Window, key: string): WallApi {
    const url = previewSocketUrl(win.location, key);
    return buildWallApi(new PreviewClient(url, takeEarlySocket(win, url)));
  }

  subscribe(channel: WallEventChannel, listener: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  request(channel: WallRequestChannel, payload: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    const message = { kind: 'request', id, channel, payload } as PreviewRequest;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: `no answer from the preview host to ${channel}` });
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      this.send(JSON.stringify(message));
    });
  }

  private send(text: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
    else this.queue.push(text);
  }

  private connect(early: EarlySocket | null = null): void {
    const socket = early?.socket ?? new WebSocket(this.url);
    this.socket = socket;
    const opened = () => {
      this.attempt = 0;
      for (const text of this.queue.splice(0)) socket.send(text);
      if (this.everOpened) void this.resync();
      this.everOpened = true;
    };
    socket.onopen = opened;
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') this.handle(event.data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.failPending('the connection to the preview host dropped');
      const delay = reconnectDelayMs(this.attempt++);
      setTimeout(() => this.connect(), delay);
    };
    if (!early) return;
    if (socket.readyState === WebSocket.OPEN) opened();
    // What main pushed before the bundle listened, in order, once the page's start-up code has
    // subscribed (it does so synchronously after taking the API) and before any later message.
    queueMicrotask(() => {
      for (const data of early.received.splice(0)) {
        if (typeof data === 'string') this.handle(data);
      }
    });
  }

  private handle(text: string): void {
    const message = parseServerMessage(text);
    if (!message) {
      console.warn('preview-client: dropped a message it does not understand');
      return;
    }
    if (message.kind === 'response') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      pending.resolve(message.result);
      return;
    }
    this.dispatch(message.channel, message.payload);
  }

  private dispatch(channel: WallEventChannel, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(payload);
  }

  private failPending(error: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve({ ok: false, error });
      this.pending.delete(id);
    }
  }

  /** After a reconnect, replay the current state as if it had been pushed. */
  private async resync(): Promise<void> {
    const snapshot = await this.request(WALL_VERBS.getSnapshot.channel, undefined);
    if (snapshot.ok) this.dispatch(WALL_EVENTS.onSnapshot.channel, snapshot.value as WallSnapshot);
    const statuses = await this.request(WALL_VERBS.getStatuses.channel, undefined);
    if (statuses.ok) {
      for (const status of statuses.value as StreamStatus[]) {
        this.dispatch(WALL_EVENTS.onStatus.channel, status);
      }
    }
  }
}
