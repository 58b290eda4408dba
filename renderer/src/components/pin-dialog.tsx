// The staff PIN: set on first use (typed twice), else typed to unlock. Main decides and slows
// wrong tries; while it makes staff wait, the dialog says how long, and the wall plays on.
import { useState, type FormEvent } from 'react';
import { DEFAULT_LOCALE, PIN_PATTERN } from '../contract';
import { useWallApi } from '../api/api-context';
import { dropPending, runPending } from '../controls/staff-gate';
import { useNow } from '../hooks/use-now';
import { translate } from '../i18n/translate';
import { formatCountdown } from '../status/time-words';
import { appStore, useApp } from '../store/app-store';

export function PinDialog() {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const staff = useApp((s) => s.staff);
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const now = useNow(staff?.retryAt != null);
  const setting = staff !== null && !staff.pinSet;
  const waitMs = staff?.retryAt != null ? Math.max(0, staff.retryAt - now) : 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (setting && pin !== confirm) return setError(translate(locale, 'pin.mismatch'));
    const result = setting ? await api.setStaffPin({ pin }) : await api.unlockStaff({ pin });
    const status = await api.staffStatus({ active: false });
    if (status.ok) appStore.getState().setStaff(status.value);
    if (result.ok) {
      await runPending(appStore);
      return;
    }
    setPin('');
    setError(setting ? result.error : translate(locale, 'pin.wrong'));
  };
  const cancel = () => {
    dropPending();
    appStore.getState().openOverlay(null);
  };

  return (
    <div className="overlay" role="dialog" aria-modal="true" data-testid="pin-dialog">
      <form className="panel panel--pin" onSubmit={(e) => void submit(e)}>
        <h2>{translate(locale, setting ? 'pin.setTitle' : 'pin.unlockTitle')}</h2>
        {setting && <p className="panel__hint">{translate(locale, 'pin.setHint')}</p>}
        <PinField
          label={translate(locale, 'pin.pin')}
          testId="pin-input"
          value={pin}
          onChange={setPin}
          autoFocus
        />
        {setting && (
          <PinField
            label={translate(locale, 'pin.confirm')}
            testId="pin-confirm"
            value={confirm}
            onChange={setConfirm}
          />
        )}
        {waitMs > 0 ? (
          <p className="panel__error" data-testid="pin-wait" role="alert">
            {translate(locale, 'pin.wait', { wait: formatCountdown(waitMs, locale) })}
          </p>
        ) : (
          error !== null && (
            <p className="panel__error" data-testid="pin-error" role="alert">
              {error}
            </p>
          )
        )}
        <div className="panel__buttons">
          <button type="button" onClick={cancel}>
            {translate(locale, 'pin.cancel')}
          </button>
          <button
            type="submit"
            data-testid="pin-submit"
            disabled={!PIN_PATTERN.test(pin) || waitMs > 0}
          >
            {translate(locale, 'pin.ok')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A PIN entry: digits only, never shown, never offered by the browser's autofill. */
function PinField(props: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/\D/g, ''))}
      />
    </label>
  );
}
