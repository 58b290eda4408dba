// The one map from an endpoint's URL kind (classified once, by the settings parser) to the
// protocol that plays it. A protocol joins the wall by adding its line here.
import type { StreamEndpoint, StreamUrlKind } from '../../settings/settings-model';
import type { SourceFactory } from '../core/source';
import { demoSourceForEndpoint } from './demo/demo-endpoint';
import type { EndpointContext, ProtocolFactory } from './endpoint-context';
import { createHttpFlvSource } from './http-flv/http-flv-source';
import { createHttpTsSource } from './http-ts/http-ts-source';
import { rtspSourceForEndpoint } from './rtsp/rtsp-endpoint';
import { createWsFlvSource } from './ws-flv/ws-flv-source';

const PROTOCOLS: Partial<Record<StreamUrlKind, ProtocolFactory>> = {
  rtsp: rtspSourceForEndpoint,
  'http-flv': (endpoint, ctx) =>
    createHttpFlvSource({ url: endpoint.url, auth: endpoint.auth, label: ctx.label }),
  'ws-flv': (endpoint, ctx) =>
    createWsFlvSource({ url: endpoint.url, auth: endpoint.auth, label: ctx.label }),
  'http-ts': (endpoint, ctx) =>
    createHttpTsSource({ url: endpoint.url, auth: endpoint.auth, label: ctx.label }),
  demo: demoSourceForEndpoint,
};

export function sourceForEndpoint(
  endpoint: StreamEndpoint,
  ctx: EndpointContext,
): SourceFactory | { error: string } {
  const make = PROTOCOLS[endpoint.kind];
  return make
    ? make(endpoint, ctx)
    : { error: `Camera '${ctx.label}': the stream URL cannot be played` };
}
