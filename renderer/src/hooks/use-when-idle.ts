// True once the page has been idle (or a second has passed) since boot: for work that is worth
// doing soon but must not delay the first frames. Once true, it stays true for every later user.
import { useEffect, useState } from 'react';

const IDLE_TIMEOUT_MS = 1_000;
let idleSinceBoot = false;

export function useWhenIdle(): boolean {
  const [idle, setIdle] = useState(idleSinceBoot);
  useEffect(() => {
    if (idle) return;
    const done = () => {
      idleSinceBoot = true;
      setIdle(true);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(done, 0);
    return () => window.clearTimeout(handle);
  }, [idle]);
  return idle;
}
