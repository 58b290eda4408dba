// The renderer's one door to electron/: the contract's types, re-exported type-only, so no
// contract code (and nothing else from electron/) is bundled into the page.
//
// The shared lint pattern ['**/electron/**', '!**/electron/contract/**'] cannot re-include the
// contract (gitignore rules never re-include a file whose parent folder is excluded), so it
// flags every contract import; this file is the single, reviewed exception until it is fixed.
/* eslint-disable no-restricted-imports */
export type * from '../../electron/contract/wall-contract';
export type * from '../../electron/contract/preview-protocol';
