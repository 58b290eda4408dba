// Where the wall's configuration comes from, in order: `--config FILE`, the
// ONE_STOP_WALL_CONFIG environment variable, then `wall.json` in the app's data folder (where
// IT drops it on an office PC, so a wall that autostarts at boot needs no arguments), and
// last the embedded demo. Pure: the caller says which files exist.

export type ConfigLocation =
  | { source: 'argument' | 'environment' | 'data-folder'; file: string }
  | { source: 'demo'; file: null };

export function locateConfig(options: {
  argument: string | null;
  environment: string | undefined;
  dataFolderFile: string | null;
  exists: (file: string) => boolean;
}): ConfigLocation {
  if (options.argument) return { source: 'argument', file: options.argument };
  if (options.environment) return { source: 'environment', file: options.environment };
  if (options.dataFolderFile && options.exists(options.dataFolderFile)) {
    return { source: 'data-folder', file: options.dataFolderFile };
  }
  return { source: 'demo', file: null };
}

export function describeConfigLocation(location: ConfigLocation): string {
  switch (location.source) {
    case 'argument':
      return `configuration from --config ${location.file}`;
    case 'environment':
      return `configuration from ONE_STOP_WALL_CONFIG=${location.file}`;
    case 'data-folder':
      return `configuration from ${location.file}`;
    case 'demo':
      return 'no configuration found: showing the embedded demo wall';
  }
}
