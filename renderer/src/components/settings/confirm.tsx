// An inline question before something that cannot be undone; Esc answers it "no".
import type { Locale } from '../../contract';
import { settingsText } from '../../i18n/settings-words';

/** An inline question before a delete; when the delete cannot go, it says why instead. */
export function Confirm(props: {
  locale: Locale;
  question: string;
  refusal: string | null;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div
      className="confirm"
      role="alertdialog"
      data-testid="confirm"
      onKeyDown={(e) => {
        // Esc answers this question only; the settings stay open.
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onNo();
        }
      }}
    >
      <span>{props.refusal ?? props.question}</span>
      {props.refusal === null && (
        <button type="button" data-testid="confirm-yes" onClick={props.onYes}>
          {settingsText(props.locale, 'yesDelete')}
        </button>
      )}
      <button type="button" autoFocus onClick={props.onNo}>
        {settingsText(props.locale, 'cancel')}
      </button>
    </div>
  );
}
