// Centres: the district centre and the commune centres in display order. Local ones are edited
// in place (Enter saves a row), moved up or down, deleted after a confirmation (refused while
// cameras belong to one); those from IT's file are shown read-only.
import { useState, type FormEvent } from 'react';
import type { CentreDraft, CentreView, Locale, SettingsView } from '../../contract';
import type { SettingsHandle } from '../../hooks/use-settings';
import { settingsText } from '../../i18n/settings-words';
import { camerasOf, centreDraft, moveCentreDraft, sortedCentres } from './centre-order';
import { NO_ERRORS, placeErrors, type PlacedErrors } from './field-errors';
import { FieldErrors, TextField } from './fields';
import { Confirm } from './confirm';
import { FromFileNote, OriginBadge, StatusLine, useStatusLine } from './status-line';

const CENTRE_FIELDS = ['name', 'shortName'];

export function CentresScreen(props: {
  handle: SettingsHandle;
  settings: SettingsView;
  locale: Locale;
}) {
  const { settings, locale } = props;
  const status = useStatusLine();
  const save = async (draft: CentreDraft): Promise<PlacedErrors> => {
    const outcome = await props.handle.change((api) => api.saveCentre(draft));
    if (outcome.ok) status.show(settingsText(locale, 'saved'), 'ok');
    else if (outcome.refusal !== null) status.show(outcome.refusal, 'error');
    return outcome.ok ? NO_ERRORS : placeErrors(outcome.errors, locale, CENTRE_FIELDS);
  };
  const remove = async (id: string) => {
    const outcome = await props.handle.change((api) => api.deleteCentre({ id }));
    if (outcome.ok) status.show(settingsText(locale, 'saved'), 'ok');
    else {
      const placed = placeErrors(outcome.errors, locale, []);
      status.show(outcome.refusal ?? placed.other.join(' '), 'error');
    }
  };
  const centres = sortedCentres(settings.centres);
  return (
    <section className="settings-screen" data-testid="centres-screen">
      <h3>{settingsText(locale, 'centres.title')}</h3>
      {centres.some((c) => c.origin === 'file') && (
        <FromFileNote locale={locale} configFile={settings.configFile} />
      )}
      <ol className="centre-list">
        {centres.map((centre, index) => (
          <CentreRow
            key={`${centre.id}|${centre.name}|${centre.shortName ?? ''}|${centre.order}`}
            centre={centre}
            locale={locale}
            first={index === 0}
            last={index === centres.length - 1}
            cameraCount={camerasOf(settings.cameras, centre.id)}
            configFile={settings.configFile ?? ''}
            onSave={save}
            onMove={(delta) => {
              const draft = moveCentreDraft(settings.centres, centre.id, delta);
              if (draft) void save(draft);
            }}
            onDelete={() => void remove(centre.id)}
          />
        ))}
      </ol>
      <NewCentre locale={locale} onSave={save} />
      <StatusLine line={status.line} />
    </section>
  );
}

function CentreRow(props: {
  centre: CentreView;
  locale: Locale;
  first: boolean;
  last: boolean;
  cameraCount: number;
  configFile: string;
  onSave: (draft: CentreDraft) => Promise<PlacedErrors>;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { centre, locale } = props;
  const [name, setName] = useState(centre.name);
  const [shortName, setShortName] = useState(centre.shortName ?? '');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [confirming, setConfirming] = useState(false);
  const readOnly = centre.origin === 'file';
  const t = (key: Parameters<typeof settingsText>[1], params?: Record<string, string | number>) =>
    settingsText(locale, key, params);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!readOnly) setErrors(await props.onSave(centreDraft(centre.id, name, shortName)));
  };
  return (
    <li data-testid="centre-row" data-centre-id={centre.id}>
      <form className="centre-row" onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('centres.name')}
          value={name}
          onChange={setName}
          readOnly={readOnly}
          errors={errors.byField.name}
          testId="centre-name"
        />
        <TextField
          label={t('centres.shortName')}
          value={shortName}
          onChange={setShortName}
          readOnly={readOnly}
          errors={errors.byField.shortName}
          testId="centre-short-name"
        />
        <OriginBadge origin={centre.origin} locale={locale} configFile={props.configFile} />
        <span className="centre-row__buttons">
          {!readOnly && <button type="submit">{t('save')}</button>}
          <button
            type="button"
            disabled={readOnly || props.first}
            aria-label={t('centres.moveUp', { name: centre.name })}
            onClick={() => props.onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={readOnly || props.last}
            aria-label={t('centres.moveDown', { name: centre.name })}
            onClick={() => props.onMove(1)}
          >
            ↓
          </button>
          {!readOnly && (
            <button type="button" data-testid="centre-delete" onClick={() => setConfirming(true)}>
              {t('delete')}
            </button>
          )}
        </span>
      </form>
      <FieldErrors messages={errors.other} />
      {confirming && (
        <Confirm
          locale={locale}
          question={t('centres.confirmDelete', { name: centre.name })}
          refusal={props.cameraCount > 0 ? t('centres.inUse', { count: props.cameraCount }) : null}
          onYes={() => {
            setConfirming(false);
            props.onDelete();
          }}
          onNo={() => setConfirming(false)}
        />
      )}
    </li>
  );
}

function NewCentre(props: {
  locale: Locale;
  onSave: (draft: CentreDraft) => Promise<PlacedErrors>;
}) {
  const { locale } = props;
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const placed = await props.onSave(centreDraft(null, name, shortName));
    setErrors(placed);
    if (placed === NO_ERRORS) {
      setName('');
      setShortName('');
    }
  };
  return (
    <form
      className="centre-row centre-row--new"
      data-testid="centre-new"
      onSubmit={(e) => void submit(e)}
    >
      <TextField
        label={`${settingsText(locale, 'centres.new')}: ${settingsText(locale, 'centres.name')}`}
        value={name}
        onChange={setName}
        errors={errors.byField.name}
        testId="centre-new-name"
      />
      <TextField
        label={settingsText(locale, 'centres.shortName')}
        hint={settingsText(locale, 'centres.shortNameHint')}
        value={shortName}
        onChange={setShortName}
        errors={errors.byField.shortName}
        testId="centre-new-short-name"
      />
      <span className="centre-row__buttons">
        <button type="submit" data-testid="centre-add">
          {settingsText(locale, 'centres.add')}
        </button>
      </span>
      <FieldErrors messages={errors.other} />
    </form>
  );
}
