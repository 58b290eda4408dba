// Entry of the renderer: pick the API (Electron preload or preview WebSocket), start the data
// flowing into the store, and render the wall.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/api-context';
import { connectApiToStore } from './api/connect-api';
import { resolveWallApi } from './api/resolve-api';
import { DEFAULT_LOCALE } from './contract';
import { App, MessageScreen } from './components/app';
import { readDisplayIdentity } from './display/display-identity';
import { translate } from './i18n/translate';
import { loadEngine } from './player/engine-loader';
import { prestartFirstPage } from './player/boot-prestart';
import {
  playerPool,
  prestartCells,
  startSuspendingHidden,
  tilesUseMpegts,
  warmTileEngine,
} from './player/pool-instance';
import { appStore } from './store/app-store';
import './styles/wall.css';
import './styles/staff.css';
import './styles/look.css';
import './styles/editor.css';
import './styles/layouts-panel.css';
import './styles/clock.css';
import './styles/settings.css';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element');
const root = createRoot(container);
const api = resolveWallApi(window);

if (api === null) {
  root.render(<MessageScreen text={translate(DEFAULT_LOCALE, 'app.noApi')} />);
} else {
  // mpegts.js, when the tiles use it, loads beside the API's first reads, not before the shell
  // paints. The default engine is in this chunk; a replay loads mpegts.js when staff ask.
  if (tilesUseMpegts) void loadEngine().catch(() => undefined);
  warmTileEngine();
  appStore.getState().setDisplay(readDisplayIdentity(window.location));
  // Before connecting, so the first snapshot (whenever it lands) starts its players at once.
  prestartFirstPage(appStore, prestartCells);
  connectApiToStore(api, appStore);
  // Release every decoder and socket when the page goes away (reload, window close).
  window.addEventListener('pagehide', () => playerPool.destroyAll());
  startSuspendingHidden(window);
  root.render(
    <StrictMode>
      <ApiContext value={api}>
        <App />
      </ApiContext>
    </StrictMode>,
  );
}
