// Staff settings after the PIN. General: language, a new PIN, locking at once, quitting the
// wall. The other tabs change the configuration (settings/): centres, cameras, import/export.
import { useState } from 'react';
import { DEFAULT_LOCALE, PIN_PATTERN, type Locale } from '../contract';
import { useWallApi } from '../api/api-context';
import { quitWall, showNotice, toggleLocale } from '../controls/staff-actions';
import { settingsText } from '../i18n/settings-words';
import { translate } from '../i18n/translate';
import { appStore, useApp } from '../store/app-store';
import { ConfigurationScreens, SETTINGS_TABS, type SettingsTab } from './settings/settings-tabs';

export function SettingsPanel() {
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const [tab, setTab] = useState<SettingsTab>('general');
  const close = () => appStore.getState().openOverlay(null);
  return (
    <div className="overlay" role="dialog" aria-modal="true" data-testid="settings-panel">
      <div className={`panel${tab === 'general' ? '' : ' panel--settings'}`}>
        <div className="settings-head">
          <h2>{translate(locale, 'settings.title')}</h2>
          <div className="settings-tabs" role="tablist">
            {SETTINGS_TABS.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                data-testid={`settings-tab-${name}`}
                aria-selected={tab === name}
                onClick={() => setTab(name)}
              >
                {settingsText(locale, `tab.${name}`)}
              </button>
            ))}
          </div>
          <button type="button" className="settings-close" onClick={close}>
            {translate(locale, 'settings.close')}
          </button>
        </div>
        {tab === 'general' ? (
          <GeneralSettings locale={locale} close={close} />
        ) : (
          <ConfigurationScreens tab={tab} locale={locale} />
        )}
      </div>
    </div>
  );
}

function GeneralSettings({ locale, close }: { locale: Locale; close: () => void }) {
  const api = useWallApi();
  const [pin, setPin] = useState('');
  const changePin = async () => {
    const result = await api.setStaffPin({ pin });
    setPin('');
    showNotice(appStore, result.ok ? translate(locale, 'settings.changePin') : result.error);
  };
  const lock = async () => {
    const result = await api.lockStaff();
    if (result.ok) appStore.getState().setStaff(result.value);
    close();
  };
  return (
    <>
      <button type="button" onClick={() => void toggleLocale(api, appStore)}>
        {translate(locale, 'settings.language')}
      </button>
      <div className="panel__row">
        <input
          type="password"
          inputMode="numeric"
          aria-label={translate(locale, 'settings.changePin')}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
        <button type="button" disabled={!PIN_PATTERN.test(pin)} onClick={() => void changePin()}>
          {translate(locale, 'settings.changePin')}
        </button>
      </div>
      <div className="panel__buttons">
        <button type="button" data-testid="lock-now" onClick={() => void lock()}>
          {translate(locale, 'settings.lock')}
        </button>
        <button type="button" onClick={() => void quitWall(api, appStore)}>
          {translate(locale, 'settings.quit')}
        </button>
      </div>
    </>
  );
}
