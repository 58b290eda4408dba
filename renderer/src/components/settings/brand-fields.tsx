// A Hikvision or Dahua camera (or a channel of its NVR): brand, address, channel, user and
// password. The contract's builder makes both stream URLs, shown as typed, without the password.
import { CAMERA_BRANDS, type CameraBrand, type Locale } from '../../contract';
import { settingsText } from '../../i18n/settings-words';
import type { BrandForm, CameraForm } from './camera-form-model';
import { formStreams } from './camera-form-model';
import type { PlacedErrors } from './field-errors';
import { FieldGroup, SelectField, TextField } from './fields';
import { SecretField } from './secret-field';

const BRAND_NAMES: Record<CameraBrand, string> = { hikvision: 'Hikvision', dahua: 'Dahua' };

export function BrandFields(props: {
  form: CameraForm;
  onChange: (brand: BrandForm) => void;
  errors: PlacedErrors;
  locale: Locale;
  readOnly: boolean;
}) {
  const { form, locale, readOnly, errors } = props;
  const brand = form.brand;
  const set = (patch: Partial<BrandForm>) => props.onChange({ ...brand, ...patch });
  const t = (key: Parameters<typeof settingsText>[1]) => settingsText(locale, key);
  const built = formStreams(form);
  return (
    <FieldGroup title={t('mode.brand')}>
      <div className="field-grid">
        <SelectField<CameraBrand>
          label={t('brand.brand')}
          value={brand.brand}
          options={CAMERA_BRANDS.map((b) => ({ value: b, label: BRAND_NAMES[b] }))}
          onChange={(value) => set({ brand: value })}
          readOnly={readOnly}
          testId="brand-brand"
        />
        <TextField
          label={t('brand.address')}
          value={brand.address}
          onChange={(address) => set({ address })}
          errors={errors.byField['brand.address']}
          readOnly={readOnly}
          testId="brand-address"
        />
        <TextField
          label={t('brand.channel')}
          value={brand.channel}
          inputMode="numeric"
          onChange={(channel) => set({ channel })}
          errors={errors.byField['brand.channel']}
          readOnly={readOnly}
          testId="brand-channel"
        />
        <TextField
          label={t('username')}
          value={brand.username}
          onChange={(username) => set({ username })}
          errors={errors.byField['brand.username']}
          readOnly={readOnly}
          testId="brand-username"
        />
        <SecretField
          label={t('secret.password')}
          locale={locale}
          secret={brand.secret}
          onChange={(secret) => set({ secret })}
          errors={errors.byField['brand.password']}
          readOnly={readOnly}
          testId="brand-password"
        />
      </div>
      {built.ok && (
        <div className="built-urls" data-testid="brand-urls">
          <span className="field__hint">{t('brand.urls')}</span>
          <code data-testid="brand-url-main">{built.value.main?.url}</code>
          <code data-testid="brand-url-sub">{built.value.sub.url}</code>
        </div>
      )}
    </FieldGroup>
  );
}
