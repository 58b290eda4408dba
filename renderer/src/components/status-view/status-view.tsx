// The status view (toolbar → Status, or S; no PIN: reading is glancing): every centre with its
// cameras, their state in the tiles' words and since when, availability during office hours
// today, this week and this month, and seven days of bars; sortable; the CSV report and the PC
// check below. It covers the wall while open, and the wall's players keep running beneath it,
// so closing it (Esc) shows live pictures at once and the banner's count stays true.
import { useState } from 'react';
import { DEFAULT_LOCALE } from '../../contract';
import { useWallApi } from '../../api/api-context';
import { formatBytes, isoDate } from '../../health/health-words';
import { sortCentres, type CentreSort } from '../../health/sort-centres';
import { useHealthSummary } from '../../hooks/use-health-summary';
import { useNow } from '../../hooks/use-now';
import { translate } from '../../i18n/translate';
import { appStore, useApp } from '../../store/app-store';
import { CentreRow } from './centre-row';
import { CsvExport } from './csv-export';
import { PcCheckPanel } from './pc-check-panel';
import '../../styles/status-view.css';

const SORTS: [CentreSort, 'health.sortName' | 'health.sortAvailability' | 'health.sortOutage'][] = [
  ['name', 'health.sortName'],
  ['availability', 'health.sortAvailability'],
  ['outage', 'health.sortOutage'],
];

export function StatusView() {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const snapshot = useApp((s) => s.snapshot);
  const { summary, error } = useHealthSummary(api);
  const [sort, setSort] = useState<CentreSort>('name');
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const siteName = (id: string) => snapshot?.sites.find((s) => s.id === id)?.name ?? id;
  const cameraName = (id: string) => snapshot?.cameras.find((c) => c.id === id)?.name ?? id;
  const zone = summary?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Durations tick with a once-a-second clock between reads of the figures.
  const now = useNow(true);
  return (
    <div
      className="overlay status-view"
      data-testid="status-view"
      role="dialog"
      aria-modal="true"
      lang={locale}
    >
      <div className="panel panel--status">
        <header className="status-view__head">
          <h2>{t('health.title')}</h2>
          <div className="status-view__sort" role="group" aria-label={t('health.sortBy')}>
            <span>{t('health.sortBy')}:</span>
            {SORTS.map(([id, key]) => (
              <button
                key={id}
                type="button"
                aria-pressed={sort === id}
                data-testid={`sort-${id}`}
                onClick={() => setSort(id)}
              >
                {t(key)}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => appStore.getState().openOverlay(null)}>
            {t('health.close')}
          </button>
        </header>
        {summary === null && (
          <p className="panel__hint">
            {error === null ? t('health.loading') : translate(locale, 'health.failed', { error })}
          </p>
        )}
        {summary !== null && (
          <table className="status-table">
            <caption className="panel__hint">{t('health.hint')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('health.colCentre')}</th>
                <th scope="col">{t('health.colState')}</th>
                <th scope="col">{t('health.colToday')}</th>
                <th scope="col">{t('health.colWeek')}</th>
                <th scope="col">{t('health.colMonth')}</th>
                <th scope="col">{t('health.col7days')}</th>
              </tr>
            </thead>
            <tbody>
              {sortCentres(summary.sites, siteName, sort, locale).map((site) => (
                <CentreRow
                  key={site.siteId}
                  site={site}
                  names={{ site: siteName(site.siteId), camera: cameraName }}
                  now={now}
                  zone={zone}
                  locale={locale}
                />
              ))}
            </tbody>
          </table>
        )}
        {summary?.replayMemoryBytes !== undefined && (
          <p className="panel__hint" data-testid="replay-memory">
            {translate(locale, 'health.replayMemory', {
              size: formatBytes(summary.replayMemoryBytes, locale),
            })}
          </p>
        )}
        <div className="status-view__tools">
          {/* Keyed by zone: its default dates are taken once, and until the summary arrives the
              zone is the browser's, whose date may not be the centres' (evenings in UTC). */}
          <CsvExport key={zone} api={api} locale={locale} today={isoDate(now, zone)} />
          <PcCheckPanel api={api} locale={locale} zone={zone} />
        </div>
      </div>
    </div>
  );
}
