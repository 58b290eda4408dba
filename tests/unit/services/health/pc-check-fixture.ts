// A renderer PC check result as the status view sends it, for the keeper's and service's tests.
import type { RendererPcCheck } from '../../../../electron/contract/pc-check';

export const NOW = Date.UTC(2026, 11, 3, 2);

export function measured(tiles = 9): RendererPcCheck {
  return {
    measuredAt: NOW,
    codecs: { h264: { mse: true, webCodecs: true }, h265: { mse: false, webCodecs: null } },
    decode: {
      tiles,
      clip: { width: 640, height: 360, fps: 25 },
      wallPlayers: 2,
      steps: [
        { tiles: 4, slowestFps: 24.6, dropped: 0, fullRate: true },
        { tiles: 9, slowestFps: 23.1, dropped: 3, fullRate: true },
        { tiles: 16, slowestFps: 12.2, dropped: 210, fullRate: false },
      ],
      stoppedBy: null,
    },
    display: { id: 'display-0', width: 1920, height: 1080, scale: 1 },
  };
}
