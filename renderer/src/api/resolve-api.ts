// Which WallApi this page talks to: the preload's bridge inside Electron, else the preview
// host's WebSocket (secret from #key=…), else none (the page says how to open it properly).
import type { WallApi } from '../contract';
import { PreviewClient } from './preview-client';
import { readPreviewKey } from './preview-messages';

declare global {
  interface Window {
    wallApi?: WallApi;
  }
}

export function resolveWallApi(win: Window): WallApi | null {
  if (win.wallApi) return win.wallApi;
  const key = readPreviewKey(win.location.hash);
  return key === null ? null : PreviewClient.fromLocation(win.location, key);
}
