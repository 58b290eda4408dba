// A WebSocket stand-in for the engines that read the gateway's access-unit stream (fragmented
// MP4, WebCodecs): `send` delivers bytes to the page side as the browser would, as an
// ArrayBuffer in a message event.

/** A tiny avcC record (no parameter sets): enough for the engines, which do not parse it. */
export const AVC_RECORD = Uint8Array.of(1, 0x42, 0xc0, 0x1e, 0xff, 0xe1, 0, 0);
export const FLV_URL = 'ws://127.0.0.1:1/s/live/cam/sub.flv';

export class FakeAuSocket {
  binaryType = 'blob';
  closed = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
  send(bytes: Uint8Array) {
    this.onmessage?.({ data: bytes.slice().buffer });
  }
}
