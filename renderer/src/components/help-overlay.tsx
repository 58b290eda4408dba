// Every key of the wall in the current language (F1 or ? opens and closes it).
import { DEFAULT_LOCALE, QUIT_CHORD_LABEL } from '../contract';
import type { MessageKey } from '../i18n/message-keys';
import { translate } from '../i18n/translate';
import { useApp } from '../store/app-store';

const KEYS: [string, MessageKey][] = [
  ['1 … 9', 'help.layouts'],
  ['PageUp / PageDown', 'help.pages'],
  ['Space', 'help.tour'],
  ['← ↑ → ↓', 'help.arrows'],
  ['Enter', 'help.enter'],
  ['Esc', 'help.escape'],
  ['C', 'help.snapshot'],
  ['R', 'help.replay'],
  ['+ / − / 0', 'help.zoom'],
  ['L', 'help.language'],
  ['O', 'help.hours'],
  ['S', 'health.helpKey'],
  ['F1 / ?', 'help.help'],
  [QUIT_CHORD_LABEL, 'help.quit'],
];

export function HelpOverlay() {
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  return (
    <div className="overlay" data-testid="help" role="dialog" aria-modal="true">
      <div className="panel panel--help">
        <h2>{translate(locale, 'help.title')}</h2>
        <dl className="help-keys">
          {KEYS.map(([key, words]) => (
            <div key={key} className="help-keys__row">
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{translate(locale, words)}</dd>
            </div>
          ))}
        </dl>
        <p className="panel__hint">{translate(locale, 'help.mouse')}</p>
      </div>
    </div>
  );
}
