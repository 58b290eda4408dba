// Lends a pooled player to a tile for as long as the tile is mounted. The player is created and
// destroyed here and in the pool, never during render. A layout effect, so a tile's <video> is
// in its box before the browser paints the new page: a player started early (a tour's next
// step, a recalled layout) shows its picture in the very first frame, never an empty tile; and
// a new player (whose gateway connection starts at the cached keyframe) starts in the same task
// as the commit that placed the tile.
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
