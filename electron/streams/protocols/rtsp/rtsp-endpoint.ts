// Turns an rtsp:// or rtsps:// endpoint into a source: password credentials from the
// settings are handed to the client, which keeps them out of the request URL.
import { basicOverCleartextAllowed } from '../../../settings/settings-model';
import type { ProtocolFactory } from '../endpoint-context';
import { createRtspSource } from './rtsp-source';

export const rtspSourceForEndpoint: ProtocolFactory = (endpoint, ctx) =>
  createRtspSource({
    url: endpoint.url,
    ...(endpoint.auth?.type === 'password'
      ? { username: endpoint.auth.username, password: endpoint.auth.password }
      : {}),
    label: ctx.label,
    ...(endpoint.tlsTrust ? { tlsTrust: endpoint.tlsTrust } : {}),
    ...(endpoint.allowRedirectTo ? { allowRedirectTo: endpoint.allowRedirectTo } : {}),
    allowBasicOverCleartext: basicOverCleartextAllowed(endpoint),
    // The session logs every failure (throttled); the client's own step-by-step lines are
    // for debugging a camera, and would repeat on every retry for as long as it is down.
    ...(process.env.ONE_STOP_WALL_DEBUG_RTSP ? { log: ctx.log } : {}),
  });
