// The WallApi for components that trigger staff actions; data itself flows through the store.
import { createContext, useContext } from 'react';
import type { WallApi } from '../contract';

export const ApiContext = createContext<WallApi | null>(null);

export function useWallApi(): WallApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useWallApi needs an ApiContext provider');
  return api;
}
