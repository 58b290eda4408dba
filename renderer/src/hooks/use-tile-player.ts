// Lends a pooled player to a tile for as long as the tile is mounted. The player is created and
// destroyed here and in the pool, never during render.
import type { RefObject } from 'react';
import { useEffect } from 'react';
import { playerPool } from '../player/pool-instance';

export function useTilePlayer(
  boxRef: RefObject<HTMLDivElement | null>,
  key: string | null,
  url: string | null,
): void {
  useEffect(() => {
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
