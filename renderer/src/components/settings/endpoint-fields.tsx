// One stream typed as a URL: the address, how it logs in, and its user and secret.
import type { Locale } from '../../contract';
import { settingsText } from '../../i18n/settings-words';
import { secretField } from './camera-form-fields';
import { AUTH_KINDS, type AuthKind, type EndpointForm } from './camera-form-model';
import type { PlacedErrors } from './field-errors';
import { FieldGroup, SelectField, TextField } from './fields';
import { SecretField } from './secret-field';

export function EndpointFields(props: {
  title: string;
  /** The draft path of this stream, 'streams.sub' or 'streams.main'. */
  path: string;
  form: EndpointForm;
  onChange: (form: EndpointForm) => void;
  errors: PlacedErrors;
  locale: Locale;
  readOnly: boolean;
  testId: string;
}) {
  const { form, locale, path, onChange, readOnly } = props;
  const t = (key: Parameters<typeof settingsText>[1]) => settingsText(locale, key);
  const errorsAt = (field: string) => props.errors.byField[`${path}.${field}`];
  return (
    <FieldGroup title={props.title}>
      <TextField
        label={t('stream.url')}
        value={form.url}
        onChange={(url) => onChange({ ...form, url })}
        errors={errorsAt('url')}
        readOnly={readOnly}
        testId={`${props.testId}-url`}
      />
      <SelectField<AuthKind>
        label={t('stream.auth')}
        value={form.authType}
        options={AUTH_KINDS.map((kind) => ({ value: kind, label: t(`auth.${kind}`) }))}
        onChange={(authType) => onChange({ ...form, authType })}
        readOnly={readOnly}
        testId={`${props.testId}-auth`}
      />
      {form.authType === 'password' && (
        <TextField
          label={t('username')}
          value={form.username}
          onChange={(username) => onChange({ ...form, username })}
          errors={errorsAt('auth.username')}
          readOnly={readOnly}
          testId={`${props.testId}-username`}
        />
      )}
      {form.authType !== 'none' && (
        <SecretField
          label={t(`secret.${form.authType}`)}
          locale={locale}
          secret={form.secret}
          onChange={(secret) => onChange({ ...form, secret })}
          errors={errorsAt(`auth.${secretField(form.authType)}`)}
          readOnly={readOnly}
          testId={`${props.testId}-secret`}
        />
      )}
    </FieldGroup>
  );
}
