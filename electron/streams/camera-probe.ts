// "Test" in the camera form: the endpoint as the form has it (not saved) through the same
// protocol code a tile's session uses (registry.ts), probed once (core/probe-source.ts).
import type { CameraTestOutcome } from '../contract/settings-view';
import type { StreamEndpoint } from '../settings/settings-model';
import { probeSource, type ProbeOptions } from './core/probe-source';
import { sourceForEndpoint } from './protocols/registry';

export function probeEndpoint(
  endpoint: StreamEndpoint,
  options: ProbeOptions & { assetsDir: string; log: (line: string) => void },
): Promise<CameraTestOutcome> {
  const factory = sourceForEndpoint(endpoint, options);
  if ('error' in factory)
    return Promise.resolve({ ok: false, state: 'error', detail: factory.error });
  return probeSource(factory, options);
}
