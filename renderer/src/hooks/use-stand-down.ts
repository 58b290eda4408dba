// Holds a tile's player back for a while after each new sign that it cannot show the stream
// (main reports H.265 live and this display cannot decode it): without a player the gateway
// connection closes and main stops relaying what nobody can show. When the time is up the tile
// takes a player again, which reconnects; if the camera still sends H.265, its next 'live' is a
// new sign and the tile stands down again. A camera switched to H.264 meanwhile just plays.
import { useEffect, useState } from 'react';

/** How long a tile holds no player for a stream this display cannot decode. */
export const UNDECODABLE_RECHECK_MS = 5 * 60_000;

/**
 * True from each new non-null `sign` until `ms` later, whatever `sign` does meanwhile: the
 * stream going idle (because the tile let go) does not end the wait.
 */
export function useStandDown(sign: number | null, ms: number): boolean {
  const [expired, setExpired] = useState<number | null>(null);
  const [last, setLast] = useState<number | null>(null);
  if (sign !== null && sign !== last) setLast(sign);
  const current = sign ?? last;
  useEffect(() => {
    if (current === null) return;
    const timer = setTimeout(() => setExpired(current), ms);
    return () => clearTimeout(timer);
  }, [current, ms]);
  return current !== null && expired !== current;
}
