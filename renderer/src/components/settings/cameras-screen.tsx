// Cameras: the list (by centre, in display order) beside the form of the one picked, or of a
// new one. After a save the form opens again on what main stored (secrets now "saved").
import { useState } from 'react';
import type { CameraSettingsView, Locale, SettingsView } from '../../contract';
import type { SettingsHandle } from '../../hooks/use-settings';
import { settingsText } from '../../i18n/settings-words';
import { cameraFormFromView, newCameraForm } from './camera-form-model';
import { CameraForm } from './camera-form';
import { sortedCentres } from './centre-order';
import { OriginBadge, StatusLine, useStatusLine } from './status-line';

type Picked = { id: string } | { id: null } | null;

/** The camera a save added: the one main now has that it did not have before. */
export function addedCameraId(before: SettingsView, after: SettingsView): string | null {
  const known = new Set(before.cameras.map((c) => c.id));
  return after.cameras.find((c) => !known.has(c.id))?.id ?? null;
}

export function CamerasScreen(props: {
  handle: SettingsHandle;
  settings: SettingsView;
  locale: Locale;
}) {
  const { settings, locale } = props;
  const [picked, setPicked] = useState<Picked>(null);
  const [revision, setRevision] = useState(0);
  const status = useStatusLine();
  const centres = sortedCentres(settings.centres);
  const byCentre = (siteId: string): CameraSettingsView[] =>
    settings.cameras.filter((camera) => camera.siteId === siteId);
  const pickedView =
    picked?.id != null ? settings.cameras.find((c) => c.id === picked.id) : undefined;
  const initial =
    picked === null
      ? null
      : pickedView
        ? cameraFormFromView(pickedView)
        : newCameraForm(centres[0]?.id ?? '');
  const open = (next: Picked) => {
    status.clear();
    setPicked(next);
    setRevision((r) => r + 1);
  };

  return (
    <section className="settings-screen cameras-screen" data-testid="cameras-screen">
      <nav className="camera-list-pane">
        <button type="button" data-testid="camera-add" onClick={() => open({ id: null })}>
          {settingsText(locale, 'cameras.add')}
        </button>
        {settings.cameras.length === 0 && (
          <p className="panel__hint">{settingsText(locale, 'cameras.none')}</p>
        )}
        {centres.map((centre) =>
          byCentre(centre.id).length === 0 ? null : (
            <div key={centre.id} className="camera-list-pane__centre">
              <h4>{centre.shortName ?? centre.name}</h4>
              {byCentre(centre.id).map((camera) => (
                <button
                  key={camera.id}
                  type="button"
                  data-testid="camera-pick"
                  data-camera-id={camera.id}
                  aria-pressed={picked?.id === camera.id}
                  className={`camera-pick camera-pick--${camera.availability}`}
                  onClick={() => open({ id: camera.id })}
                >
                  <span>{camera.name}</span>
                  <OriginBadge
                    origin={camera.origin}
                    locale={locale}
                    configFile={settings.configFile ?? ''}
                  />
                </button>
              ))}
            </div>
          ),
        )}
      </nav>
      <div className="camera-form-pane">
        {initial === null ? (
          <p className="panel__hint">{settingsText(locale, 'cameras.pick')}</p>
        ) : (
          <CameraForm
            key={`${picked?.id ?? 'new'}#${revision}`}
            initial={initial}
            settings={settings}
            handle={props.handle}
            locale={locale}
            onSaved={(after) => {
              const id = picked?.id ?? addedCameraId(settings, after);
              open(id === null ? null : { id });
              status.show(settingsText(locale, 'saved'), 'ok');
            }}
            onClose={() => open(null)}
          />
        )}
        <StatusLine line={status.line} />
      </div>
    </section>
  );
}
