// Chooses between the wall, the configuration file's problems (while nothing has ever worked
// on this PC) and the plain full-screen messages shown before the wall can exist. The messages
// have their own test id, so a test that waits for "wall" waits for real tiles.
import { useWallApi } from '../api/api-context';
import { DEFAULT_LOCALE } from '../contract';
import { useSettingsStatus } from '../hooks/use-settings-status';
import { translate } from '../i18n/translate';
import { useApp } from '../store/app-store';
import { BlockingProblems } from './settings/settings-notices';
import { Wall } from './wall';

export function MessageScreen({ text }: { text: string }) {
  return (
    <div className="message-screen" data-testid="wall-message" role="status">
      {text}
    </div>
  );
}

export function App() {
  const hasSnapshot = useApp((s) => s.snapshot !== null);
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const loadError = useApp((s) => s.loadError);
  const status = useSettingsStatus(useWallApi());
  // A blocked start still has a snapshot (an empty wall behind the problems): the problems
  // replace the wall until main says the file is valid.
  if (status?.blocking) return <BlockingProblems blocking={status.blocking} locale={locale} />;
  if (hasSnapshot) return <Wall />;
  return (
    <>
      <MessageScreen
        text={
          loadError === null
            ? translate(DEFAULT_LOCALE, 'app.loading')
            : translate(DEFAULT_LOCALE, 'app.loadFailed', { error: loadError })
        }
      />
    </>
  );
}
