// Lends a pooled player to a tile for as long as the tile is mounted. The player is created and
// destroyed here and in the pool, never during render. A layout effect: the player (and its
// gateway connection, which starts at the cached keyframe) starts in the same task as the
// commit that placed the tile, not after the browser has painted it.
import type { RefObject } from 'react';
import { useLayoutEffect } from 'react';
import { playerPool } from '../player/pool-instance';

export function useTilePlayer(
  boxRef: RefObject<HTMLDivElement | null>,
  key: string | null,
  url: string | null,
): void {
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (key === null || url === null || box === null) return;
    const player = playerPool.acquire(key, url);
    player.mountInto(box);
    return () => {
      player.unmountFrom(box);
      playerPool.release(key, player);
    };
  }, [boxRef, key, url]);
}
