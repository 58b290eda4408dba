// The WallApi over the preview host's WebSocket, for running the renderer in any Chromium.
// Requests carry ids and resolve to Result values; events fan out to listeners. When the
// socket drops it reconnects with backoff, fails the requests in flight, and re-reads the
// snapshot and statuses so the wall catches up with what it missed.
import type { PreviewRequest } from '../contract';
import type {
  Result,
  StreamStatus,
  WallApi,
  WallRequestChannel,
  WallRequests,
  WallSnapshot,
} from '../contract';
import { parseServerMessage, previewSocketUrl, reconnectDelayMs } from './preview-messages';

const REQUEST_TIMEOUT_MS = 15_000;

interface Pending {
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

export class PreviewClient implements WallApi {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private attempt = 0;
  private everOpened = false;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: string[] = [];
  private readonly statusListeners = new Set<(status: StreamStatus) => void>();
  private readonly snapshotListeners = new Set<(snapshot: WallSnapshot) => void>();

  constructor(private readonly url: string) {
    this.connect();
  }

  static fromLocation(location: Location, key: string): PreviewClient {
    return new PreviewClient(previewSocketUrl(location, key));
  }

  getSnapshot = () => this.request('wall:get-snapshot', undefined);
  setLayout = (layout: WallRequests['wall:set-layout'][0]) =>
    this.request('wall:set-layout', layout);
  setLocale = (locale: WallRequests['wall:set-locale'][0]) =>
    this.request('wall:set-locale', locale);
  getStatuses = () => this.request('streams:get-statuses', undefined);

  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onSnapshot(listener: (snapshot: WallSnapshot) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  private request<C extends WallRequestChannel>(
    channel: C,
    payload: WallRequests[C][0],
  ): Promise<Result<WallRequests[C][1]>> {
    const id = this.nextId++;
    const message = { kind: 'request', id, channel, payload } as PreviewRequest;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: `no answer from the preview host to ${channel}` });
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as Pending['resolve'], timer });
      this.send(JSON.stringify(message));
    });
  }

  private send(text: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
    else this.queue.push(text);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      for (const text of this.queue.splice(0)) socket.send(text);
      if (this.everOpened) void this.resync();
      this.everOpened = true;
    };
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') this.handle(event.data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.failPending('the connection to the preview host dropped');
      const delay = reconnectDelayMs(this.attempt++);
      setTimeout(() => this.connect(), delay);
    };
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
    if (message.channel === 'streams:status') {
      for (const listener of this.statusListeners) listener(message.payload);
    } else {
      for (const listener of this.snapshotListeners) listener(message.payload);
    }
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
    const snapshot = await this.getSnapshot();
    if (snapshot.ok) for (const listener of this.snapshotListeners) listener(snapshot.value);
    const statuses = await this.getStatuses();
    if (statuses.ok) {
      for (const status of statuses.value)
        for (const listener of this.statusListeners) listener(status);
    }
  }
}
