// The CSV report for a date range (this month by default): outages, or each centre's share of
// office hours per day, from main's health log, saved as files Excel opens with Vietnamese
// names intact (UTF-8 with BOM).
import { useState } from 'react';
import type { Locale, WallApi } from '../../contract';
import { translate } from '../../i18n/translate';
import { saveText } from '../../health/save-text';

const FILES = {
  outages: { vi: 'mat-hinh', en: 'outages' },
  daily: { vi: 'ty-le-co-hinh-theo-ngay', en: 'daily-availability' },
} as const;

export function CsvExport(props: { api: WallApi; locale: Locale; today: string }) {
  const { api, locale, today } = props;
  const [first, setFirst] = useState(`${today.slice(0, 8)}01`);
  const [last, setLast] = useState(today);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const download = async (table: keyof typeof FILES) => {
    if (!first || !last || first > last) {
      setMessage({ error: true, text: translate(locale, 'csv.badRange') });
      return;
    }
    const result = await api.exportHealthCsv({ first, last, locale });
    if (!result.ok) {
      setMessage({
        error: true,
        text: translate(locale, 'action.failed', { error: result.error }),
      });
      return;
    }
    const file = `${FILES[table][locale]}_${first}_${last}.csv`;
    saveText(result.value[table], file);
    setMessage({ error: false, text: translate(locale, 'csv.saved', { file }) });
  };

  return (
    <section className="status-view__section" data-testid="csv-export">
      <h3>{translate(locale, 'csv.title')}</h3>
      <div className="panel__row">
        <label>
          {translate(locale, 'csv.from')}
          <input
            type="date"
            value={first}
            max={today}
            data-testid="csv-from"
            onChange={(e) => setFirst(e.target.value)}
          />
        </label>
        <label>
          {translate(locale, 'csv.to')}
          <input
            type="date"
            value={last}
            max={today}
            data-testid="csv-to"
            onChange={(e) => setLast(e.target.value)}
          />
        </label>
        <button type="button" data-testid="csv-outages" onClick={() => void download('outages')}>
          {translate(locale, 'csv.outages')}
        </button>
        <button type="button" data-testid="csv-daily" onClick={() => void download('daily')}>
          {translate(locale, 'csv.daily')}
        </button>
      </div>
      {message !== null && (
        <p className={message.error ? 'panel__error' : 'panel__hint'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
