// The status view's figures from main, read when it opens and every 15 s while it stays open:
// the health log is main's, and a glance at the view should be at most that old.
import { useEffect, useState } from 'react';
import type { HealthSummary, WallApi } from '../contract';

const REFRESH_MS = 15_000;

export function useHealthSummary(api: WallApi): {
  summary: HealthSummary | null;
  error: string | null;
} {
  const [state, setState] = useState<{ summary: HealthSummary | null; error: string | null }>({
    summary: null,
    error: null,
  });
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const result = await api.getHealth();
      if (!alive) return;
      setState((s) =>
        result.ok ? { summary: result.value, error: null } : { ...s, error: result.error },
      );
    };
    void read();
    const timer = setInterval(() => void read(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [api]);
  return state;
}
