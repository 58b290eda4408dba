// Listeners by event name, as mpegts.js's players keep them (player-engine.ts), for the
// fragmented-MP4 players in the page and in the worker.
type Listener = (...args: unknown[]) => void;

/** mpegts.js's event names, which the tile player listens for on either engine. */
export const FMP4_EVENTS = {
  error: 'error',
  mediaInfo: 'media_info',
  scriptData: 'script_data',
} as const;

export class PlayerEvents {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  clear(): void {
    this.listeners.clear();
  }
}
