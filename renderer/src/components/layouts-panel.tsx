// The staff's list of saved layouts for this display: pick one (or tour them all), edit one,
// or make a new one. Opened from the toolbar after the PIN.
import { DEFAULT_LOCALE, DEFAULT_TOUR_SECONDS } from '../contract';
import { useWallApi } from '../api/api-context';
import { chooseLayout, openStaffOverlay } from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import { layoutName } from '../layout/layout-name';
import { appStore, useApp } from '../store/app-store';

export function LayoutsPanel({ currentId }: { currentId: string }) {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const layouts = useApp((s) => s.snapshot?.layouts ?? []);
  const tourAll = () =>
    void chooseLayout(api, appStore, layouts[0]?.id ?? currentId, {
      seconds: DEFAULT_TOUR_SECONDS,
      layoutIds: layouts.map((l) => l.id),
    });
  return (
    <div className="overlay" role="dialog" aria-modal="true" data-testid="layouts-panel">
      <div className="panel">
        <h2>{translate(locale, 'layouts.title')}</h2>
        <ol className="layout-list">
          {layouts.map((layout, index) => (
            <li key={layout.id} className={layout.id === currentId ? 'is-current' : ''}>
              <button
                type="button"
                className="layout-list__pick"
                data-testid={`pick-layout-${layout.id}`}
                onClick={() => void chooseLayout(api, appStore, layout.id)}
              >
                <kbd>{index < 9 ? index + 1 : ' '}</kbd> {layoutName(layout, locale)}
                <span className="layout-list__tiles">
                  {layout.template === 'custom'
                    ? translate(locale, 'layouts.tiles', { count: layout.grid.tiles.length })
                    : layout.template}
                </span>
              </button>
              <button
                type="button"
                onClick={() => void openStaffOverlay(api, appStore, 'editor', layout.id)}
              >
                {translate(locale, 'layouts.edit')}
              </button>
            </li>
          ))}
        </ol>
        <div className="panel__buttons">
          <button type="button" onClick={tourAll} data-testid="tour-all">
            {translate(locale, 'layouts.tour', { seconds: DEFAULT_TOUR_SECONDS })}
          </button>
          <button
            type="button"
            data-testid="new-layout"
            onClick={() => void openStaffOverlay(api, appStore, 'editor', null)}
          >
            {translate(locale, 'layouts.new')}
          </button>
          <button type="button" onClick={() => appStore.getState().openOverlay(null)}>
            {translate(locale, 'settings.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
