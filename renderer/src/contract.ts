// The renderer's one door to electron/: the contract, imported at runtime (Vite bundles it into
// the page). Nothing else from electron/ may be imported here.
export * from '../../electron/contract/wall-contract';
export * from '../../electron/contract/wall-verbs';
export * from '../../electron/contract/preview-protocol';
export * from '../../electron/contract/layout-presets';
export * from '../../electron/contract/locales';
export * from '../../electron/contract/stream-path';
export * from '../../electron/contract/layout-grid';
export * from '../../electron/contract/saved-layout';
export * from '../../electron/contract/staff-status';
export * from '../../electron/contract/quit-chord';
export * from '../../electron/contract/office-hours';
export * from '../../electron/contract/health-view';
export * from '../../electron/contract/pc-check';
export * from '../../electron/contract/settings-view';
export * from '../../electron/contract/camera-brand-urls';
export * from '../../electron/contract/look-closer';
export * from '../../electron/contract/access-unit-wire';
