// Staff settings after the PIN: language, a new PIN, locking at once, quitting the wall.
import { useState } from 'react';
import { DEFAULT_LOCALE, PIN_PATTERN } from '../contract';
import { useWallApi } from '../api/api-context';
import { quitWall, showNotice, toggleLocale } from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import { appStore, useApp } from '../store/app-store';

export function SettingsPanel() {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const [pin, setPin] = useState('');
  const close = () => appStore.getState().openOverlay(null);
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
    <div className="overlay" role="dialog" aria-modal="true" data-testid="settings-panel">
      <div className="panel">
        <h2>{translate(locale, 'settings.title')}</h2>
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
          <button type="button" onClick={close}>
            {translate(locale, 'settings.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
