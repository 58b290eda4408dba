// The staff screens that change the configuration: centres, cameras, import/export. They share
// one copy of the settings, loaded when the first of them opens and replaced by every answer.
import type { Locale } from '../../contract';
import { useWallApi } from '../../api/api-context';
import { useSettings } from '../../hooks/use-settings';
import { settingsText, verbErrorText } from '../../i18n/settings-words';
import { CamerasScreen } from './cameras-screen';
import { CentresScreen } from './centres-screen';
import { TransferScreen } from './transfer-screen';

export type SettingsTab = 'general' | 'centres' | 'cameras' | 'transfer';

export const SETTINGS_TABS: readonly SettingsTab[] = ['general', 'centres', 'cameras', 'transfer'];

export function ConfigurationScreens(props: {
  tab: Exclude<SettingsTab, 'general'>;
  locale: Locale;
}) {
  const api = useWallApi();
  const { locale } = props;
  const handle = useSettings(api, locale);
  const { settings } = handle;
  if (settings === null) {
    return (
      <p className="panel__hint" role="status" data-testid="settings-loading">
        {handle.loadError === null
          ? settingsText(locale, 'loading')
          : verbErrorText(handle.loadError, locale)}
      </p>
    );
  }
  if (props.tab === 'centres')
    return <CentresScreen handle={handle} settings={settings} locale={locale} />;
  if (props.tab === 'cameras')
    return <CamerasScreen handle={handle} settings={settings} locale={locale} />;
  return <TransferScreen handle={handle} settings={settings} locale={locale} />;
}
