// Which WallApi this page talks to: the preload's bridge inside Electron, else the preview
// host's WebSocket (secret from #key=…, opened early by the page's <head> when it could), else none (the page says how to open it properly).
import { readPreviewKey, WALL_API_GLOBAL, type WallApi } from '../contract';
import { PreviewClient } from './preview-client';

export function resolveWallApi(win: Window): WallApi | null {
  const bridged = (win as unknown as Partial<Record<typeof WALL_API_GLOBAL, WallApi>>)[
    WALL_API_GLOBAL
  ];
  if (bridged) return bridged;
  const key = readPreviewKey(win.location.hash);
  return key === null ? null : PreviewClient.apiFromWindow(win, key);
}
