// The protocols that live in their own folders (RTSP, demo), registered for
// source-for-endpoint.ts. Kept apart so that file does not import every protocol.
import { demoSourceForEndpoint } from './demo/demo-endpoint';
import { createRtspSource } from './rtsp/rtsp-source';
import type { EndpointContext } from './source-for-endpoint';

export const streamProtocols: EndpointContext['protocols'] = {
  rtsp: (endpoint, ctx) =>
    createRtspSource({
      url: endpoint.url,
      ...(endpoint.auth?.type === 'password'
        ? { username: endpoint.auth.username, password: endpoint.auth.password }
        : {}),
      label: ctx.label,
      // The session logs every failure (throttled); the client's own step-by-step lines are
      // for debugging a camera, and would repeat on every retry for as long as it is down.
      ...(process.env.ONE_STOP_WALL_DEBUG_RTSP ? { log: ctx.log } : {}),
    }),
  demo: demoSourceForEndpoint,
};
