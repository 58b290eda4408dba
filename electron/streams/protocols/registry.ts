// The one map from an endpoint's URL kind (classified once, by the settings parser) to the
// protocol that plays it. A protocol joins the wall by adding its line here.
import {
  basicOverCleartextAllowed,
  type StreamEndpoint,
  type StreamUrlKind,
} from '../../settings/settings-model';
import type { SourceFactory } from '../core/source';
import { demoSourceForEndpoint } from './demo/demo-endpoint';
import type { EndpointContext, ProtocolFactory } from './endpoint-context';
import { createHttpFlvSource } from './http-flv/http-flv-source';
import { cleartextTokenWarning } from './http-pull/cleartext-guard';
import type { FlvPullOptions } from './http-pull/flv-stream-feed';
import { createHttpTsSource } from './http-ts/http-ts-source';
import { rtspSourceForEndpoint } from './rtsp/rtsp-endpoint';
import { createWsFlvSource } from './ws-flv/ws-flv-source';

const PROTOCOLS: Partial<Record<StreamUrlKind, ProtocolFactory>> = {
  rtsp: rtspSourceForEndpoint,
  'http-flv': (endpoint, ctx) => createHttpFlvSource(pullOptions(endpoint, ctx)),
  'ws-flv': (endpoint, ctx) => createWsFlvSource(pullOptions(endpoint, ctx)),
  'http-ts': (endpoint, ctx) => createHttpTsSource(pullOptions(endpoint, ctx)),
  demo: demoSourceForEndpoint,
};

/** The gateway pulls' options; a bearer token over cleartext is logged once, here. */
function pullOptions(endpoint: StreamEndpoint, ctx: EndpointContext): FlvPullOptions {
  const warning = cleartextTokenWarning(endpoint.url, endpoint.auth, ctx.label);
  if (warning) ctx.log(warning);
  return {
    url: endpoint.url,
    label: ctx.label,
    ...(endpoint.auth ? { auth: endpoint.auth } : {}),
    ...(endpoint.tlsTrust ? { tlsTrust: endpoint.tlsTrust } : {}),
    ...(endpoint.allowRedirectTo ? { allowRedirectTo: endpoint.allowRedirectTo } : {}),
    allowBasicOverCleartext: basicOverCleartextAllowed(endpoint),
  };
}

export function sourceForEndpoint(
  endpoint: StreamEndpoint,
  ctx: EndpointContext,
): SourceFactory | { error: string } {
  const make = PROTOCOLS[endpoint.kind];
  return make
    ? make(endpoint, ctx)
    : { error: `Camera '${ctx.label}': the stream URL cannot be played` };
}
