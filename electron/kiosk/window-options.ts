// What every wall window is made with, as plain data so a test can read the Electron security
// checklist off it item by item (docs/security.md). Electron-free: electron/main/wall-windows.ts
// hands it to `new BrowserWindow`, where the compiler checks it against Electron's own types.

export interface WallWindowPlan {
  bounds: { x: number; y: number; width: number; height: number };
  preloadPath: string;
  /** Packaged or --kiosk: no DevTools, locked shortcuts (electron/main/kiosk-window.ts). */
  kiosk: boolean;
}

export function wallWindowOptions(plan: WallWindowPlan) {
  return {
    ...plan.bounds,
    fullscreen: true,
    kiosk: plan.kiosk,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    show: false,
    title: 'One-Stop Wall',
    webPreferences: {
      preload: plan.preloadPath,
      // The page cannot reach the preload's world nor Node; the renderer is an OS sandbox.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A wall on a second monitor is never "focused"; it must not be throttled.
      backgroundThrottling: false,
      // Nobody debugs a kiosk wall at the wall; F12 must not open a panel over the cameras.
      devTools: !plan.kiosk,
      zoomFactor: 1,
    },
  } as const;
}
