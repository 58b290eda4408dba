// The staff's tour for this display: which saved layouts it cycles and how long each page
// shows (15 s unless changed). Saved for the display like its layout, so it survives a restart.
import { useState } from 'react';
import { DEFAULT_LOCALE, type DisplayChoice } from '../contract';
import { useWallApi } from '../api/api-context';
import { chooseLayout } from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import { layoutName } from '../layout/layout-name';
import { appStore, useApp } from '../store/app-store';
import {
  initialTourForm,
  MAX_TOUR_SECONDS,
  MIN_TOUR_SECONDS,
  readTourForm,
  toggleChosen,
} from '../tour/tour-form';

export function TourPanel({ choice, currentId }: { choice: DisplayChoice; currentId: string }) {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const layouts = useApp((s) => s.snapshot?.layouts ?? []);
  const [form, setForm] = useState(() => initialTourForm(choice, layouts));
  const [problem, setProblem] = useState<string | null>(null);
  const t = translate.bind(null, locale);

  // A problem Start showed is checked again on every edit: it goes as soon as the form is right.
  const edit = (next: typeof form) => {
    setForm(next);
    if (problem === null) return;
    const read = readTourForm(next, layouts);
    setProblem(read.ok ? null : t(read.problem));
  };

  const start = () => {
    const read = readTourForm(form, layouts);
    if (!read.ok) return setProblem(t(read.problem));
    setProblem(null);
    void chooseLayout(api, appStore, read.tour.layoutIds[0]!, read.tour);
  };
  // Stopping keeps on screen the layout the tour shows now.
  const stop = () => void chooseLayout(api, appStore, currentId, null);

  return (
    <fieldset className="tour-panel" data-testid="tour-panel">
      <legend>{t('tour.title')}</legend>
      <p className="panel__hint">{t('tour.pick')}</p>
      <div className="tour-panel__layouts">
        {layouts.map((layout) => (
          <label key={layout.id} className="tour-panel__layout">
            <input
              type="checkbox"
              data-testid={`tour-pick-${layout.id}`}
              checked={form.chosen.includes(layout.id)}
              onChange={() => edit(toggleChosen(form, layout.id))}
            />
            {layoutName(layout, locale)}
          </label>
        ))}
      </div>
      <div className="panel__row">
        <label>
          {t('tour.seconds')}
          <input
            type="number"
            data-testid="tour-seconds"
            min={MIN_TOUR_SECONDS}
            max={MAX_TOUR_SECONDS}
            step={1}
            value={form.seconds}
            onChange={(e) => edit({ ...form, seconds: e.target.value })}
          />
        </label>
        <button type="button" data-testid="tour-start" onClick={start}>
          {t('tour.start')}
        </button>
        {choice.tour && (
          <button type="button" data-testid="tour-stop" onClick={stop}>
            {t('tour.stop')}
          </button>
        )}
      </div>
      {problem !== null && (
        <p className="panel__error" role="alert" data-testid="tour-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
