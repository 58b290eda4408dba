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
export * from '../../electron/contract/look-closer';
