// The renderer's one door to electron/: the contract's types, re-exported type-only, so no
// contract code (and nothing else from electron/) is bundled into the page.
export type * from '../../electron/contract/wall-contract';
export type * from '../../electron/contract/preview-protocol';
