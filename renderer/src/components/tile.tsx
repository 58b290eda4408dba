// One cell of the wall: the camera's picture, its name on a band at the bottom edge, and its
// state in colour and words. The <video> belongs to a pooled player, mounted into `box`.
import { useEffect, useRef } from 'react';
import { DEFAULT_LOCALE, replayUrl, streamKey, streamUrl } from '../contract';
import { useWallApi } from '../api/api-context';
import { takeSnapshot } from '../look/look-actions';
import { useTileZoom } from '../look/use-tile-zoom';
import { UNDECODABLE_RECHECK_MS, useStandDown } from '../hooks/use-stand-down';
import { useTilePlayer } from '../hooks/use-tile-player';
import { useNow } from '../hooks/use-now';
import { canDecodeH265 } from '../player/codec-support';
import { playerKey } from '../player/player-pool';
import { translate } from '../i18n/translate';
import { appStore, useApp } from '../store/app-store';
import { findCamera, qualityFor } from '../store/selectors';
import { deriveTileView } from '../status/display-state';
import { needsClock, tileWords } from '../status/status-words';
import { tileLabel } from '../status/tile-label';
import { LookControls } from './look-controls';
import { NameBand } from './name-band';
import { ReplayView } from './replay-view';
import { StatusOverlay } from './status-overlay';
import { ZoomInset } from './zoom-inset';

/** Copy number of the maximised tile's own sub-stream player (never a grid copy). */
const MAXIMISED_SUB_COPY = 99;

export interface TileProps {
  cameraId: string | null;
  /** 0 for the first cell showing this camera, 1 for a second copy, and so on. */
  copy: number;
  maximised: boolean;
  /** Double-click: maximise from the grid, back to the grid from the maximised tile. */
  onActivate?: (cameraId: string) => void;
}

export function Tile({ cameraId, copy, maximised, onActivate }: TileProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const tileRef = useRef<HTMLDivElement>(null);
  const api = useWallApi();
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  const gatewayBase = useApp((s) => s.snapshot?.gatewayBase ?? null);
  const camera = useApp((s) => findCamera(s, cameraId));
  const label = useApp((s) => tileLabel(s.snapshot, cameraId));
  const undecodable = useApp((s) => cameraId !== null && s.mainUndecodable[cameraId] === true);
  const quality = qualityFor(camera, maximised, undecodable);
  // A maximised tile left on the sub stream has its own player: the grid's stays in its cell.
  const playerCopy = maximised && quality === 'sub' ? MAXIMISED_SUB_COPY : copy;
  const key = cameraId === null ? null : playerKey(cameraId, quality, playerCopy);
  const status = useApp((s) =>
    cameraId === null ? undefined : s.statuses[streamKey(cameraId, quality)],
  );
  const freshness = useApp((s) => (key === null ? undefined : s.freshness[key]));
  // The main stream turned out to be H.265, which this display cannot decode: stay on sub.
  const mainIsH265 = quality === 'main' && status?.codec === 'h265' && !canDecodeH265();
  useEffect(() => {
    if (mainIsH265 && cameraId !== null) appStore.getState().markMainUndecodable(cameraId);
  }, [mainIsH265, cameraId]);

  // A stream this display cannot decode gets no player for a while (use-stand-down.ts).
  const undecodableSince =
    status?.codec === 'h265' && status.state === 'live' && !canDecodeH265() ? status.since : null;
  const standingDown = useStandDown(undecodableSince, UNDECODABLE_RECHECK_MS);
  const plays =
    cameraId !== null &&
    camera?.availability === 'installed' &&
    gatewayBase !== null &&
    !standingDown;
  const url = plays ? streamUrl(gatewayBase, cameraId, quality) : null;
  useTilePlayer(boxRef, plays ? key : null, url);
  // Look closer: zoom and replay on the maximised tile only (forgotten back in the grid).
  const zoom = useTileZoom(maximised && plays, tileRef);
  const replay = useApp((s) => (maximised && s.replay?.cameraId === cameraId ? s.replay : null));

  const view = deriveTileView({
    cameraId,
    camera,
    status,
    freshness,
    canDecodeH265,
  });
  const now = useNow(needsClock(view));
  const words = tileWords(view, locale, now);
  const missing = cameraId !== null && camera === undefined;

  return (
    <div
      className={`tile tile--${words.tone}${maximised ? ' tile--maximised' : ''}`}
      data-testid="tile"
      data-camera-id={cameraId ?? ''}
      data-quality={quality}
      data-state={view.state}
      tabIndex={cameraId === null ? -1 : 0}
      aria-label={label === null ? words.headline : `${label}: ${words.headline}`}
      onDoubleClick={cameraId !== null && onActivate ? () => onActivate(cameraId) : undefined}
      ref={tileRef}
      onContextMenu={(event) => {
        if (cameraId === null) return;
        event.preventDefault();
        void takeSnapshot(api, appStore, event.currentTarget);
      }}
    >
      <div className="tile-box" ref={boxRef} style={zoom.style} />
      {replay && url && (
        <ReplayView
          key={replay.run}
          url={replayUrl(gatewayBase!, cameraId!, quality, replay.seconds)}
          locale={locale}
          style={zoom.style}
        />
      )}
      {zoom.view.scale > 1 && <ZoomInset view={zoom.view} source={boxRef} locale={locale} />}
      {maximised && plays && (
        <LookControls cameraId={cameraId} locale={locale} replaying={replay !== null} />
      )}
      {words.visible && !missing && cameraId !== null && <StatusOverlay words={words} />}
      {missing && (
        <div className="status status--calm" role="status">
          <div className="status__headline">{translate(locale, 'state.unknownCamera')}</div>
        </div>
      )}
      {maximised && undecodable && (
        <div className="tile__note" data-testid="sub-only-note">
          {translate(locale, 'focus.subOnly')}
        </div>
      )}
      {label !== null && !missing && <NameBand label={label} words={words} />}
    </div>
  );
}
