// What the status line says about the settings: read once, then as main pushes it. No PIN:
// the wall shows it to everyone. Before the settings back end exists the read is refused and
// the line stays empty.
import { useEffect, useState } from 'react';
import type { SettingsStatus, WallApi } from '../contract';

export function useSettingsStatus(api: WallApi): SettingsStatus | null {
  const [status, setStatus] = useState<SettingsStatus | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.onSettingsStatus((pushed) => setStatus(pushed));
    void api.getSettingsStatus().then((result) => {
      if (live && result.ok) setStatus((current) => current ?? result.value);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return status;
}
