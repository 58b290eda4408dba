// Turns a `demo:` endpoint into a source without ever throwing: a bad URL or the
// not-installed placeholder becomes a source that ends with a clear 'not-found'.
import { join } from 'node:path';
import type { StreamEndpoint } from '../../../settings/settings-model';
import type { EndpointContext } from '../endpoint-context';
import type { SourceFactory } from '../../core/source';
import { createDemoSource, createFailedSource } from './demo-source';
import { DEMO_NO_CLIP, parseDemoUrl, type DemoUrl } from './demo-url';

export function demoSourceForEndpoint(
  endpoint: StreamEndpoint,
  ctx: Pick<EndpointContext, 'assetsDir' | 'log' | 'label'>,
): SourceFactory {
  let demo: DemoUrl;
  try {
    demo = parseDemoUrl(endpoint.url, join(ctx.assetsDir, 'demo'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return createFailedSource({ code: 'not-found', message: `${ctx.label}: ${message}` });
  }
  if (demo.clipName === DEMO_NO_CLIP) {
    return createFailedSource({
      code: 'not-found',
      message: `${ctx.label}: demo:${DEMO_NO_CLIP} is the placeholder of a camera not installed yet`,
    });
  }
  return createDemoSource({
    clipPath: demo.clipPath,
    startOffsetMs: demo.startOffsetMs,
    log: ctx.log,
  });
}
