// The form parts every settings screen uses: a labelled text field with its errors under it,
// a select, and the errors list itself. A read-only field (from IT's file) is shown, not
// typed in; its screen says why once.
import { useId, type ReactNode } from 'react';

export function FieldErrors({ id, messages }: { id?: string; messages?: readonly string[] }) {
  if (!messages || messages.length === 0) return null;
  return (
    <ul className="field-errors" id={id} data-testid="field-error">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  errors?: readonly string[] | undefined;
  readOnly?: boolean;
  testId?: string;
  hint?: string;
}

export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    autoFocus?: boolean;
    inputMode?: 'numeric' | 'text';
  },
) {
  const errorId = useId();
  const invalid = (props.errors?.length ?? 0) > 0;
  return (
    <label className="field" data-testid={props.testId}>
      <span className="field__label">{props.label}</span>
      <input
        type="text"
        value={props.value}
        readOnly={props.readOnly}
        autoFocus={props.autoFocus}
        inputMode={props.inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && <span className="field__hint">{props.hint}</span>}
      <FieldErrors id={errorId} messages={props.errors} />
    </label>
  );
}

export function SelectField<T extends string>(
  props: FieldProps & {
    value: T;
    options: readonly { value: T; label: string }[];
    onChange: (value: T) => void;
  },
) {
  return (
    <label className="field" data-testid={props.testId}>
      <span className="field__label">{props.label}</span>
      <select
        value={props.value}
        disabled={props.readOnly}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors messages={props.errors} />
    </label>
  );
}

/** A group of fields with a heading (one stream, the brand form). */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="field-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
