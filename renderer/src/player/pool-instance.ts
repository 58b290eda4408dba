// The page's one player pool, wired to the store: players report freshness into the streams
// slice and the pool size into the ui slice (the e2e hook that proves players are destroyed).
import { appStore } from '../store/app-store';
import { PlayerPool } from './player-pool';
import { TilePlayer } from './tile-player';

/** Long enough for React to unmount one tile and mount the next; short enough to free decoders. */
const GRACE_MS = 5_000;

export const playerPool = new PlayerPool<TilePlayer>({
  graceMs: GRACE_MS,
  create: (key, url) =>
    new TilePlayer(url, (freshness) => appStore.getState().setFreshness(key, freshness)),
  onDestroyed: (key) => appStore.getState().clearFreshness(key),
  onSizeChange: (size) => appStore.getState().setPlayerCount(size),
});

/** The tile's URL on the loopback gateway: `${base}/${cameraId}/${quality}.flv`. */
export function tileStreamUrl(gatewayBase: string, cameraId: string, quality: string): string {
  return `${gatewayBase.replace(/\/+$/, '')}/${encodeURIComponent(cameraId)}/${quality}.flv`;
}
