// One camera: name, centre, availability, and its streams, entered as a Hikvision/Dahua camera
// or as typed URLs; Test per stream; Enter saves and main applies it at once. A camera from
// IT's file is shown read-only (it can still be tested).
import { useState, type FormEvent } from 'react';
import type { CameraAvailability, FieldError, Locale, SettingsView } from '../../contract';
import type { SettingsHandle } from '../../hooks/use-settings';
import { settingsText } from '../../i18n/settings-words';
import { BrandFields } from './brand-fields';
import { brandAlias, shownFields } from './camera-form-fields';
import { cameraDraft, type CameraForm as Form, type CameraFormMode } from './camera-form-model';
import { CameraTest } from './camera-test';
import { sortedCentres } from './centre-order';
import { Confirm } from './confirm';
import { EndpointFields } from './endpoint-fields';
import { NO_ERRORS, placeErrors, type PlacedErrors } from './field-errors';
import { FieldErrors, SelectField, TextField } from './fields';
import { FromFileNote, StatusLine, useStatusLine } from './status-line';

const AVAILABILITIES: readonly CameraAvailability[] = ['installed', 'not-installed', 'disabled'];
const MODES: readonly CameraFormMode[] = ['brand', 'url'];

export function CameraForm(props: {
  initial: Form;
  settings: SettingsView;
  handle: SettingsHandle;
  locale: Locale;
  onSaved: (settings: SettingsView) => void;
  onClose: () => void;
}) {
  const { settings, locale } = props;
  const [form, setForm] = useState(props.initial);
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [confirming, setConfirming] = useState(false);
  const status = useStatusLine();
  const readOnly = form.origin === 'file';
  const t = (key: Parameters<typeof settingsText>[1], params?: Record<string, string>) =>
    settingsText(locale, key, params);
  const place = (found: FieldError[]) =>
    setErrors(
      placeErrors(found, locale, shownFields(form), form.mode === 'brand' ? brandAlias : undefined),
    );
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    const draft = cameraDraft(form);
    if (!draft.ok) return place(draft.errors);
    const outcome = await props.handle.change((api) => api.saveCamera(draft.value));
    place(outcome.ok ? [] : outcome.errors);
    if (outcome.ok) props.onSaved(outcome.settings);
    else if (outcome.refusal !== null) status.show(outcome.refusal, 'error');
  };
  const remove = async () => {
    if (form.id === null) return;
    const id = form.id;
    const outcome = await props.handle.change((api) => api.deleteCamera({ id }));
    if (outcome.ok) props.onClose();
    else status.show(outcome.refusal ?? t('notSaved'), 'error');
  };

  return (
    <form className="camera-form" data-testid="camera-form" onSubmit={(e) => void save(e)}>
      <h3>{form.id === null ? t('camera.new') : form.name}</h3>
      {readOnly && <FromFileNote locale={locale} configFile={settings.configFile} />}
      <div className="field-grid">
        <TextField
          label={t('camera.name')}
          value={form.name}
          onChange={(name) => set({ name })}
          errors={errors.byField.name}
          readOnly={readOnly}
          autoFocus={form.id === null}
          testId="camera-name"
        />
        <SelectField
          label={t('camera.centre')}
          value={form.siteId}
          options={sortedCentres(settings.centres).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(siteId) => set({ siteId })}
          errors={errors.byField.siteId}
          readOnly={readOnly}
          testId="camera-centre"
        />
        <SelectField<CameraAvailability>
          label={t('camera.availability')}
          value={form.availability}
          options={AVAILABILITIES.map((a) => ({ value: a, label: t(`availability.${a}`) }))}
          onChange={(availability) => set({ availability })}
          errors={errors.byField.availability}
          readOnly={readOnly}
          testId="camera-availability"
        />
      </div>
      <fieldset className="mode-switch" disabled={readOnly}>
        <legend>{t('camera.mode')}</legend>
        {MODES.map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="camera-mode"
              data-testid={`mode-${mode}`}
              checked={form.mode === mode}
              onChange={() => set({ mode })}
            />
            {t(`mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      {form.mode === 'brand' ? (
        <BrandFields
          form={form}
          onChange={(brand) => set({ brand })}
          errors={errors}
          locale={locale}
          readOnly={readOnly}
        />
      ) : (
        <>
          <EndpointFields
            title={t('stream.sub')}
            path="streams.sub"
            form={form.sub}
            onChange={(sub) => set({ sub })}
            errors={errors}
            locale={locale}
            readOnly={readOnly}
            testId="sub"
          />
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="has-main"
              checked={form.hasMain}
              disabled={readOnly}
              onChange={(e) => set({ hasMain: e.target.checked })}
            />
            {t('stream.hasMain')}
          </label>
          {form.hasMain && (
            <EndpointFields
              title={t('stream.main')}
              path="streams.main"
              form={form.main}
              onChange={(main) => set({ main })}
              errors={errors}
              locale={locale}
              readOnly={readOnly}
              testId="main"
            />
          )}
        </>
      )}
      <div className="camera-tests">
        <CameraTest form={form} quality="sub" locale={locale} onInvalid={place} />
        {(form.mode === 'brand' || form.hasMain) && (
          <CameraTest form={form} quality="main" locale={locale} onInvalid={place} />
        )}
      </div>
      {errors.other.length > 0 && (
        <div className="panel__error">
          {t('notSaved')}
          <FieldErrors messages={errors.other} />
        </div>
      )}
      {confirming && (
        <Confirm
          locale={locale}
          question={t('camera.confirmDelete', { name: form.name })}
          refusal={null}
          onYes={() => {
            setConfirming(false);
            void remove();
          }}
          onNo={() => setConfirming(false)}
        />
      )}
      <div className="panel__buttons">
        {!readOnly && form.id !== null && (
          <button type="button" data-testid="camera-delete" onClick={() => setConfirming(true)}>
            {t('delete')}
          </button>
        )}
        <button type="button" onClick={props.onClose}>
          {t('cancel')}
        </button>
        {!readOnly && (
          <button type="submit" data-testid="camera-save">
            {t('save')}
          </button>
        )}
      </div>
      <StatusLine line={status.line} />
    </form>
  );
}
