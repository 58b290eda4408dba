// Chooses between the wall and the plain full-screen messages shown before it can exist. The
// messages have their own test id, so a test that waits for "wall" waits for real tiles.
import { DEFAULT_LOCALE } from '../contract';
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
  const loadError = useApp((s) => s.loadError);
  if (hasSnapshot) return <Wall />;
  return (
    <>
      <BlockingProblems locale={DEFAULT_LOCALE} />
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
