// The staff's list of saved layouts for this display: pick, edit, rename or delete one, make a
// new one, or give the display a tour over some of them. Opened from the toolbar after the PIN.
import { DEFAULT_LOCALE, type DisplayChoice } from '../contract';
import { useWallApi } from '../api/api-context';
import { openStaffOverlay } from '../controls/staff-actions';
import { translate } from '../i18n/translate';
import { appStore, useApp } from '../store/app-store';
import { LayoutRow } from './layout-row';
import { TourPanel } from './tour-panel';

export function LayoutsPanel({ currentId, choice }: { currentId: string; choice: DisplayChoice }) {
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const layouts = useApp((s) => s.snapshot?.layouts ?? []);
  return (
    <div className="overlay" role="dialog" aria-modal="true" data-testid="layouts-panel">
      <div className="panel panel--layouts">
        <h2>{translate(locale, 'layouts.title')}</h2>
        <ol className="layout-list">
          {layouts.map((layout, index) => (
            <LayoutRow
              key={layout.id}
              layout={layout}
              index={index}
              current={layout.id === currentId}
              deletable={layouts.length > 1}
            />
          ))}
        </ol>
        <TourPanel choice={choice} currentId={currentId} />
        <div className="panel__buttons">
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
