// The maximised tile's replay buttons (shown with the pointer over it): the last 10, 30 or
// 60 seconds, and back to live during a replay. R does the same from the keyboard.
import { REPLAY_CHOICES, type Locale } from '../contract';
import { translate } from '../i18n/translate';
import { appStore } from '../store/app-store';

export function LookControls({
  cameraId,
  locale,
  replaying,
}: {
  cameraId: string;
  locale: Locale;
  replaying: boolean;
}) {
  const stop = (event: { stopPropagation(): void }) => event.stopPropagation();
  return (
    <div className="look-controls" onDoubleClick={stop} onPointerDown={stop}>
      {REPLAY_CHOICES.map((seconds) => (
        <button
          key={seconds}
          type="button"
          onClick={() => appStore.getState().startReplay(cameraId, seconds)}
        >
          {translate(locale, 'look.replayLast', { seconds })}
        </button>
      ))}
      {replaying && (
        <button type="button" onClick={() => appStore.getState().stopReplay()}>
          {translate(locale, 'look.backToLive')}
        </button>
      )}
    </div>
  );
}
