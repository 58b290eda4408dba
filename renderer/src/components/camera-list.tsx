// The editor's side list: every camera, narrowed by a search that ignores diacritics. Click a
// camera to put it in the chosen tile, or drag it onto any tile.
import { useState } from 'react';
import type { Locale } from '../contract';
import { translate } from '../i18n/translate';
import { searchCameras } from '../layout/camera-search';
import { useApp } from '../store/app-store';

export const CAMERA_DRAG_TYPE = 'application/x-wall-camera';

export function CameraList({ locale, onPick }: { locale: Locale; onPick: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const sites = useApp((s) => s.snapshot?.sites ?? []);
  const cameras = useApp((s) => s.snapshot?.cameras ?? []);
  const found = searchCameras(query, sites, cameras);
  return (
    <div className="camera-list">
      <input
        data-testid="camera-search"
        type="search"
        placeholder={translate(locale, 'editor.search')}
        aria-label={translate(locale, 'editor.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul>
        {found.map((camera) => (
          <li key={camera.id}>
            <button
              type="button"
              draggable
              data-testid="camera-choice"
              data-camera-id={camera.id}
              onClick={() => onPick(camera.id)}
              onDragStart={(e) => e.dataTransfer.setData(CAMERA_DRAG_TYPE, camera.id)}
            >
              {camera.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
