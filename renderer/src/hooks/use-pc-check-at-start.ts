// The PC check's first run: at the first start of a PC that keeps its result (a health folder),
// on the first display only, once the wall has had time to start its own tiles. Every window
// reads the kept report, for the wall's notice.
import { useEffect } from 'react';
import type { WallApi } from '../contract';
import { loadPcCheck, runPcCheck } from '../health/run-pc-check';
import { pcCheckStore } from '../health/pc-check-store';
import { appStore } from '../store/app-store';

const FIRST_RUN_DELAY_MS = 30_000;

export function usePcCheckAtStart(api: WallApi): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    void loadPcCheck(api).then(() => {
      const report = pcCheckStore.getState().report;
      const { display, snapshot } = appStore.getState();
      if (!report?.persistent || report.renderer !== null || display.index !== 0) return;
      timer = setTimeout(() => {
        const base = appStore.getState().snapshot?.gatewayBase ?? snapshot?.gatewayBase;
        if (base) void runPcCheck(api, { gatewayBase: base, displayId: display.id });
      }, FIRST_RUN_DELAY_MS);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }, [api]);
}
