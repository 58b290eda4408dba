// Quitting the wall is a staff action: after the PIN, this asks once more, with Cancel focused
// (a keyboard left on a desk gets leaned on, so Enter or Esc keeps the wall). Where the page
// outlives the quit (the preview host stops, the page stays), it says the wall has quit.
import { DEFAULT_LOCALE } from '../contract';
import { useWallApi } from '../api/api-context';
import { confirmQuit } from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import { appStore, useApp } from '../store/app-store';

export function QuitDialog() {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" data-testid="quit-dialog">
      <div className="panel">
        <h2>{translate(locale, 'quit.title')}</h2>
        <p className="panel__hint">{translate(locale, 'quit.detail')}</p>
        <div className="panel__buttons">
          <button
            type="button"
            data-testid="quit-cancel"
            autoFocus
            onClick={() => appStore.getState().openOverlay(null)}
          >
            {translate(locale, 'pin.cancel')}
          </button>
          <button
            type="button"
            className="button--danger"
            data-testid="quit-yes"
            onClick={() => void confirmQuit(api, appStore)}
          >
            {translate(locale, 'quit.yes')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function QuitDone() {
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  return (
    <div className="overlay overlay--final" role="status" data-testid="quit-done">
      <p className="panel">{translate(locale, 'quit.done')}</p>
    </div>
  );
}
