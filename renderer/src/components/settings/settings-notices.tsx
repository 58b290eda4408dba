// What the wall says about its configuration, for everyone (no PIN): a calm line at the bottom
// left, one per notice (the last good copy in use, secrets only obscured…), never over the
// middle of the tiles. When nothing has ever worked on this PC, the file's problems instead
// fill the screen until the file is fixed.
import type { FieldError, Locale, SettingsNotice, SettingsStatus } from '../../contract';
import { useWallApi } from '../../api/api-context';
import { useSettingsStatus } from '../../hooks/use-settings-status';
import { fieldErrorText, localText, settingsText } from '../../i18n/settings-words';

function Problems({ problems, locale }: { problems: readonly FieldError[]; locale: Locale }) {
  return (
    <ul className="settings-problems">
      {problems.map((problem, index) => (
        <li key={`${problem.field}#${index}`}>
          <code>{problem.field}</code> {fieldErrorText(problem, locale)}
        </li>
      ))}
    </ul>
  );
}

function Notice({ notice, locale }: { notice: SettingsNotice; locale: Locale }) {
  const text = localText(notice.message, locale);
  const problems = notice.problems ?? [];
  return (
    <li
      className={`settings-notice settings-notice--${notice.severity}`}
      data-notice-id={notice.id}
    >
      {problems.length === 0 ? (
        text
      ) : (
        <details>
          <summary>{text}</summary>
          <Problems problems={problems} locale={locale} />
        </details>
      )}
    </li>
  );
}

export function SettingsNotices({ locale }: { locale: Locale }) {
  const status = useSettingsStatus(useWallApi());
  if (status === null || status.notices.length === 0) return null;
  return (
    <ul
      className="settings-notices"
      data-testid="settings-notices"
      aria-label={settingsText(locale, 'notices.label')}
      role="status"
    >
      {status.notices.map((notice) => (
        <Notice key={notice.id} notice={notice} locale={locale} />
      ))}
    </ul>
  );
}

/** Shown instead of the wall while no configuration has ever worked here. */
export function BlockingProblems({
  blocking,
  locale,
}: {
  blocking: NonNullable<SettingsStatus['blocking']>;
  locale: Locale;
}) {
  return (
    <div className="blocking-problems" data-testid="settings-blocking" role="alert" lang={locale}>
      <h1>{settingsText(locale, 'blocking.title')}</h1>
      <p>{settingsText(locale, 'blocking.hint', { file: blocking.file })}</p>
      <Problems problems={blocking.problems} locale={locale} />
    </div>
  );
}
