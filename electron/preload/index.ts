// Exposes the contract as `window.wallApi`: one method per verb and one removable
// subscription per event of the contract's table, never ipcRenderer itself, and only the
// contract's own channels. electron-vite bundles the contract into this one CommonJS file,
// because a sandboxed preload cannot import modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../contract/wall-contract';
import { buildWallApi, WALL_API_GLOBAL } from '../contract/wall-verbs';

const api = buildWallApi({
  request: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Result<unknown>>,
  subscribe: (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
});

contextBridge.exposeInMainWorld(WALL_API_GLOBAL, api);
