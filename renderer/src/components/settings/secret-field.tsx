// A password, token or key. A stored one is never shown, not even masked: the field says
// "đã lưu" / "saved" and offers to change it; a typed one goes to main once, into the vault.
import { useId } from 'react';
import type { Locale } from '../../contract';
import { settingsText } from '../../i18n/settings-words';
import type { SecretInput } from './camera-form-model';
import { FieldErrors } from './fields';

export function SecretField(props: {
  label: string;
  locale: Locale;
  secret: SecretInput;
  onChange: (secret: SecretInput) => void;
  errors?: readonly string[] | undefined;
  readOnly?: boolean;
  testId: string;
}) {
  const { secret, locale, onChange } = props;
  const errorId = useId();
  const typing = !secret.stored || secret.replacing;
  const invalid = (props.errors?.length ?? 0) > 0;
  return (
    <div className="field" data-testid={props.testId}>
      <span className="field__label">{props.label}</span>
      {typing ? (
        <span className="field__row">
          <input
            type="password"
            aria-label={props.label}
            data-testid={`${props.testId}-input`}
            autoComplete="new-password"
            value={secret.value}
            readOnly={props.readOnly}
            autoFocus={secret.replacing}
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(e) => onChange({ ...secret, value: e.target.value })}
          />
          {secret.stored && (
            <button
              type="button"
              onClick={() => onChange({ stored: true, replacing: false, value: '' })}
            >
              {settingsText(locale, 'secret.keep')}
            </button>
          )}
        </span>
      ) : (
        <span className="field__row">
          <span className="secret-saved" data-testid={`${props.testId}-saved`}>
            {settingsText(locale, 'secret.saved')}
          </span>
          {!props.readOnly && (
            <button
              type="button"
              data-testid={`${props.testId}-change`}
              onClick={() => onChange({ stored: true, replacing: true, value: '' })}
            >
              {settingsText(locale, 'secret.change')}
            </button>
          )}
        </span>
      )}
      <FieldErrors id={errorId} messages={props.errors} />
    </div>
  );
}
