// What every protocol's factory is given besides its endpoint: the camera's name for
// messages, where the demo clips live, and the log.
import type { StreamEndpoint } from '../../settings/settings-model';
import type { SourceFactory } from '../core/source';

export interface EndpointContext {
  label: string;
  /** Folder holding demo/<clip>.flv. */
  assetsDir: string;
  log: (line: string) => void;
}

/** Turns a validated endpoint into the factory of its connection attempts. */
export type ProtocolFactory = (endpoint: StreamEndpoint, ctx: EndpointContext) => SourceFactory;
