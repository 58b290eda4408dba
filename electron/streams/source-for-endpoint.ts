// Chooses the protocol implementation for a stream endpoint from its URL.
import type { StreamEndpoint } from '../settings/settings-model';
import { streamUrlKind } from '../settings/stream-url';
import { createHttpFlvSource } from './http-flv/http-flv-source';
import { createWsFlvSource } from './http-flv/ws-flv-source';
import type { SourceFactory } from './source';

export interface EndpointContext {
  label: string;
  /** Folder holding demo/<clip>.flv. */
  assetsDir: string;
  log: (line: string) => void;
  /** Protocols registered by their own folders (rtsp, demo), so this file stays small. */
  protocols: Partial<
    Record<'rtsp' | 'demo', (endpoint: StreamEndpoint, ctx: EndpointContext) => SourceFactory>
  >;
}

export function sourceForEndpoint(
  endpoint: StreamEndpoint,
  ctx: EndpointContext,
): SourceFactory | { error: string } {
  const kind = streamUrlKind(endpoint.url);
  switch (kind) {
    case 'flv':
      return createHttpFlvSource({ url: endpoint.url, auth: endpoint.auth, label: ctx.label });
    case 'ws-flv':
      return createWsFlvSource({ url: endpoint.url, auth: endpoint.auth, label: ctx.label });
    case 'rtsp':
    case 'demo': {
      const make = ctx.protocols[kind];
      return make
        ? make(endpoint, ctx)
        : { error: `${kind} streams are not available in this build` };
    }
    default:
      return { error: `Camera '${ctx.label}': the stream URL cannot be played` };
  }
}
