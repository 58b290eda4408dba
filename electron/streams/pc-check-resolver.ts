// The streams the PC check measures with: camera ids under PC_CHECK_CAMERA_PREFIX resolve to the
// embedded demo clips (640×360 @ 25 fps H.264), so the check decodes real video through the same
// gateway and player as a tile, with no camera and no network. Every other id goes to the wall's
// own resolver (stream-resolver.ts).
import { isPcCheckCamera, PC_CHECK_CAMERA_PREFIX } from '../contract/pc-check';
import type { StreamResolver } from './core/stream-broker';
import { sourceForEndpoint } from './protocols/registry';

const CLIPS = 8;

export function withPcCheckStreams(
  resolver: StreamResolver,
  context: { assetsDir: string; log: (line: string) => void },
): StreamResolver {
  return (cameraId, quality) => {
    if (!isPcCheckCamera(cameraId)) return resolver(cameraId, quality);
    const index = Number(cameraId.slice(PC_CHECK_CAMERA_PREFIX.length));
    if (!Number.isInteger(index) || index < 1 || index > 64) {
      return { error: `There is no PC check stream "${cameraId}".` };
    }
    const label = `PC check ${index}`;
    // Each stream starts its clip at another offset, so no two players decode in lockstep.
    const url = `demo:clip-${((index - 1) % CLIPS) + 1}?offset=${((index * 7) % 120) / 10}`;
    const factory = sourceForEndpoint(
      { kind: 'demo', url },
      { label, assetsDir: context.assetsDir, log: context.log },
    );
    return 'error' in factory ? factory : { label, factory };
  };
}
