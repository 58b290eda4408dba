// The settings store as the preview host opens it (conf, the schema derived from zod), in a
// test's folder.
import Conf from 'conf';
import { join } from 'node:path';
import { openStoreSafely, type OpenedStore } from '../../../../electron/settings/open-store-safely';
import {
  localSettingsSlot,
  STORE_SCHEMA,
  type LocalSettingsSlot,
} from '../../../../electron/settings/settings-store';

export const storeFile = (dir: string): string => join(dir, 'settings.json');

export const createConf = (dir: string) => () =>
  new Conf({ cwd: dir, configName: 'settings', schema: STORE_SCHEMA });

export function openTestStore(dir: string): OpenedStore {
  return openStoreSafely(createConf(dir), storeFile(dir));
}

export function localSlot(dir: string): LocalSettingsSlot {
  return localSettingsSlot(openTestStore(dir).store);
}
