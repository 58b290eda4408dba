// Exposes the contract as `window.wallApi`: verbs and removable subscriptions, never
// ipcRenderer itself, and only the contract's own channels.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  Result,
  WallApi,
  WallEventChannel,
  WallEvents,
  WallRequestChannel,
  WallRequests,
} from '../contract/wall-contract';

function request<C extends WallRequestChannel>(
  channel: C,
  payload?: WallRequests[C][0],
): Promise<Result<WallRequests[C][1]>> {
  return ipcRenderer.invoke(channel, payload) as Promise<Result<WallRequests[C][1]>>;
}

function subscribe<C extends WallEventChannel>(
  channel: C,
  listener: (payload: WallEvents[C]) => void,
): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: WallEvents[C]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

const api: WallApi = {
  getSnapshot: () => request('wall:get-snapshot'),
  setLayout: (layout) => request('wall:set-layout', layout),
  setLocale: (locale) => request('wall:set-locale', locale),
  getStatuses: () => request('streams:get-statuses'),
  onStatus: (listener) => subscribe('streams:status', listener),
  onSnapshot: (listener) => subscribe('wall:snapshot', listener),
};

// The global's name is the contract's WALL_API_GLOBAL; a sandboxed preload cannot share a
// runtime import with main cheaply, so the bundler inlines it.
contextBridge.exposeInMainWorld('wallApi', api);
