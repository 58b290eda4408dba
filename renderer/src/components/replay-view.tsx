// An instant replay in the maximised tile: a second player over the live one, marked "Xem lại ·
// 14:02:10" with the replayed frame's own time, and a progress bar; at the end the tile is live
// again by itself. The live player underneath keeps playing, so nothing is missed meanwhile.
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../contract';
import { translate } from '../i18n/translate';
import { showNotice } from '../controls/staff-actions';
import { clockTime } from '../look/snapshot-band';
import { loadEngine } from '../player/engine-loader';
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
    const nothing = () => {
      showNotice(appStore, translate(locale, 'look.replayNothing'));
      appStore.getState().stopReplay();
    };
    let player: ReplayPlayer | null = null;
    let timer: number | undefined;
    let gone = false;
    // The player code is a chunk of its own (engine-loader.ts); by the time staff ask for a
    // replay it has long been loaded, so this waits a microtask, not a fetch.
    loadEngine().then(
      (engine) => {
        if (gone) return;
        const made = new ReplayPlayer(url, engine, (end) => {
          if (end !== 'ended') nothing();
          else appStore.getState().stopReplay();
        });
        player = made;
        box.appendChild(made.video);
        timer = window.setInterval(() => setProgress(made.progress()), PROGRESS_MS);
      },
      () => {
        if (!gone) nothing();
      },
    );
    return () => {
      gone = true;
      window.clearInterval(timer);
      player?.destroy();
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
