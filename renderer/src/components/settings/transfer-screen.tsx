// Moving a configuration between PCs: export without secrets or with them encrypted by a
// passphrase, import an exported file (its passphrase when it carries secrets), and how this
// PC keeps secrets, with the offer to move plain-text ones out of IT's file into the vault.
import { useState, type FormEvent } from 'react';
import type { ExportSecrets, Locale, SettingsView, VaultProtection } from '../../contract';
import { useWallApi } from '../../api/api-context';
import type { SettingsHandle } from '../../hooks/use-settings';
import { settingsText, verbErrorText } from '../../i18n/settings-words';
import { NO_ERRORS, placeErrors, type PlacedErrors } from './field-errors';
import { FieldErrors, FieldGroup } from './fields';
import { StatusLine, useStatusLine } from './status-line';

/** Protections staff should know are weak (the preview's key file is what it says it is). */
const WEAK_VAULTS: ReadonlySet<VaultProtection> = new Set<VaultProtection>(['obscured', 'none']);

/** Hands the exported text to the browser as a file download (no file system access here). */
function download(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TransferScreen(props: {
  handle: SettingsHandle;
  settings: SettingsView;
  locale: Locale;
}) {
  const api = useWallApi();
  const { locale, settings } = props;
  const t = (key: Parameters<typeof settingsText>[1], params?: Record<string, string | number>) =>
    settingsText(locale, key, params);
  const status = useStatusLine();
  const [withSecrets, setWithSecrets] = useState(false);
  const [exportPassphrase, setExportPassphrase] = useState('');
  const [importText, setImportText] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [importPassphrase, setImportPassphrase] = useState('');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);

  const exportNow = async (event: FormEvent) => {
    event.preventDefault();
    const secrets: ExportSecrets = withSecrets
      ? { mode: 'passphrase', passphrase: exportPassphrase }
      : { mode: 'omit' };
    await api.staffStatus({ active: true });
    const result = await api.exportSettings(secrets);
    if (!result.ok) return status.show(verbErrorText(result.error, locale), 'error');
    download(result.value.fileName, result.value.json);
    status.show(
      t('export.done', { file: result.value.fileName, count: result.value.secretCount }),
      'ok',
    );
  };
  const importNow = async (event: FormEvent) => {
    event.preventDefault();
    if (importText === null) return;
    const passphrase = importPassphrase === '' ? {} : { passphrase: importPassphrase };
    const outcome = await props.handle.change((a) =>
      a.importSettings({ json: importText, ...passphrase }),
    );
    setErrors(outcome.ok ? NO_ERRORS : placeErrors(outcome.errors, locale, ['passphrase', 'json']));
    if (outcome.ok) status.show(t('import.done'), 'ok');
    else if (outcome.refusal !== null) status.show(outcome.refusal, 'error');
  };
  const readFile = async (file: File | undefined) => {
    setErrors(NO_ERRORS);
    setFileName(file?.name ?? null);
    if (!file) return setImportText(null);
    try {
      setImportText(await file.text());
    } catch (error) {
      status.show(t('import.readFailed', { error: String(error) }), 'error');
    }
  };
  const moveSecrets = async () => {
    await api.staffStatus({ active: true });
    const result = await api.moveSecretsToVault();
    if (!result.ok) return status.show(verbErrorText(result.error, locale), 'error');
    props.handle.replace(result.value.settings);
    status.show(t('vault.moved', { count: result.value.moved }), 'ok');
  };

  return (
    <section className="settings-screen transfer-screen" data-testid="transfer-screen">
      <form onSubmit={(e) => void exportNow(e)} data-testid="export-form">
        <FieldGroup title={t('export.title')}>
          <label className="checkbox">
            <input
              type="radio"
              name="export-secrets"
              checked={!withSecrets}
              onChange={() => setWithSecrets(false)}
              data-testid="export-omit"
            />
            {t('export.omit')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="export-secrets"
              checked={withSecrets}
              onChange={() => setWithSecrets(true)}
              data-testid="export-with-secrets"
            />
            {t('export.withSecrets')}
          </label>
          {withSecrets && (
            <label className="field">
              <span className="field__label">{t('export.passphrase')}</span>
              <input
                type="password"
                autoComplete="new-password"
                data-testid="export-passphrase"
                value={exportPassphrase}
                onChange={(e) => setExportPassphrase(e.target.value)}
              />
            </label>
          )}
          <div className="panel__buttons">
            <button type="submit" data-testid="export-button">
              {t('export.button')}
            </button>
          </div>
        </FieldGroup>
      </form>
      <form onSubmit={(e) => void importNow(e)} data-testid="import-form">
        <FieldGroup title={t('import.title')}>
          <p className="panel__hint">{t('import.note')}</p>
          <label className="field">
            <span className="field__label">{t('import.file')}</span>
            {/* The browser's own file button speaks the browser's language; this one the wall's. */}
            <span className="file-pick">
              <input
                type="file"
                className="file-pick__input"
                accept=".json,application/json"
                data-testid="import-file"
                onChange={(e) => void readFile(e.target.files?.[0])}
              />
              <span className="file-pick__button">{t('import.choose')}</span>
              <span data-testid="import-file-name">{fileName ?? t('import.noFile')}</span>
            </span>
            <FieldErrors messages={errors.byField.json} />
          </label>
          {importText !== null && (
            <label className="field">
              <span className="field__label">{t('import.passphrase')}</span>
              <input
                type="password"
                autoComplete="off"
                data-testid="import-passphrase"
                value={importPassphrase}
                onChange={(e) => setImportPassphrase(e.target.value)}
              />
              <FieldErrors messages={errors.byField.passphrase} />
            </label>
          )}
          <FieldErrors messages={errors.other} />
          <div className="panel__buttons">
            <button type="submit" data-testid="import-button" disabled={importText === null}>
              {t('import.button')}
            </button>
          </div>
        </FieldGroup>
      </form>
      <FieldGroup title={t('vault.title')}>
        <p
          data-testid="vault-protection"
          className={WEAK_VAULTS.has(settings.vault.protection) ? 'panel__error' : ''}
        >
          {t(`vault.${settings.vault.protection}`)}
        </p>
        {settings.vault.plainTextSecretsInFile > 0 && (
          <div className="vault-offer" data-testid="vault-offer">
            <p>{t('vault.plainText', { count: settings.vault.plainTextSecretsInFile })}</p>
            <button type="button" data-testid="vault-move" onClick={() => void moveSecrets()}>
              {t('vault.move')}
            </button>
          </div>
        )}
      </FieldGroup>
      <StatusLine line={status.line} />
    </section>
  );
}
