// Tiles hidden behind a maximised tile must not decode: the grid stays mounted under it (its
// players keep the banner's count true), so every pooled player whose <video> is not inside the
// maximised tile is suspended while one is shown, and resumed when it is gone. Decided from
// the page itself after React has committed, so it holds whichever player the maximised tile
// uses (main, or its own sub-stream copy).

export interface Suspendable {
  /** The element on screen: a <video>, or a WebCodecs tile's <canvas>. */
  readonly video: Element;
  setSuspended(on: boolean): void;
}

/** The maximised tile's container, as wall.tsx renders it. */
export const MAXIMISED_SELECTOR = '.maximised';

export function suspendHidden(players: readonly Suspendable[], doc: Document): void {
  const shown = doc.querySelector(MAXIMISED_SELECTOR);
  for (const player of players)
    player.setSuspended(shown !== null && !shown.contains(player.video));
}

/**
 * Re-decides after every change that can move a video in or out of the maximised tile: the
 * maximised camera, and the set of players. Runs on the next animation frame (after React's
 * commit placed the videos).
 */
export function watchHiddenPlayers(
  subscribe: (onChange: () => void) => () => void,
  players: () => readonly Suspendable[],
  win: Window,
): () => void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    win.requestAnimationFrame(() => {
      scheduled = false;
      suspendHidden(players(), win.document);
    });
  };
  return subscribe(schedule);
}
