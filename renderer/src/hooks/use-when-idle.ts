// True once the boot is over and the page has been idle (2.5 s at most): for work that is worth
// doing soon but must not delay the first frames. Once true, it stays true for every later user.
import { useEffect, useState } from 'react';

const IDLE_TIMEOUT_MS = 1_000;
/** The first frames of a 25-tile wall are in by then on a 2-core office PC (measured). */
const AFTER_BOOT_MS = 1_500;
let idleSinceBoot = false;

export function useWhenIdle(): boolean {
  const [idle, setIdle] = useState(idleSinceBoot);
  useEffect(() => {
    if (idle) return;
    const done = () => {
      idleSinceBoot = true;
      setIdle(true);
    };
    // Not at the boot's first idle moment: the page is idle now and then between the tasks of
    // the first frames too (the media element's steps run on this thread), and the clock's
    // first formatter took 24–40 ms there in profiles of a 4- and a 16-tile boot.
    let idleHandle: number | null = null;
    const settle = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function') {
        idleHandle = window.requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS });
      } else done();
    }, AFTER_BOOT_MS);
    return () => {
      window.clearTimeout(settle);
      if (idleHandle !== null) window.cancelIdleCallback(idleHandle);
    };
  }, [idle]);
  return idle;
}
