// An instant replay in the maximised tile: a second player over the live one, marked "Xem lại ·
// 14:02:10" with the replayed frame's own time, and a progress bar; at the end the tile is live
// again by itself. The live player underneath keeps playing, so nothing is missed meanwhile.
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../contract';
import { translate } from '../i18n/translate';
import { showNotice } from '../controls/staff-actions';
import { clockTime } from '../look/snapshot-band';
import { mpegtsEngine } from '../player/mpegts-engine';
import { ReplayPlayer, type ReplayProgress } from '../player/replay-player';
import { appStore } from '../store/app-store';

const PROGRESS_MS = 250;

export function ReplayView({
  url,
  locale,
  style,
}: {
  url: string;
  locale: Locale;
  style: CSSProperties;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<ReplayProgress>({ fraction: 0, frameAt: null });
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const player = new ReplayPlayer(url, mpegtsEngine, (end) => {
      if (end !== 'ended') showNotice(appStore, translate(locale, 'look.replayNothing'));
      appStore.getState().stopReplay();
    });
    box.appendChild(player.video);
    const timer = window.setInterval(() => setProgress(player.progress()), PROGRESS_MS);
    return () => {
      window.clearInterval(timer);
      player.destroy();
    };
    // The locale only words a notice; a new URL is a new replay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  const time = progress.frameAt === null ? '…' : clockTime(new Date(progress.frameAt));
  return (
    <>
      <div className="tile-box replay-box" ref={boxRef} style={style} />
      <div className="replay-badge" data-testid="replay" data-frame-at={progress.frameAt ?? ''}>
        {translate(locale, 'look.replay', { time })}
      </div>
      <div className="replay-progress" aria-hidden="true">
        <div className="replay-progress__bar" style={{ width: `${progress.fraction * 100}%` }} />
      </div>
    </>
  );
}
