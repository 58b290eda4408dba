// The words and colour of each displayed state (one wording per state, the same in tile,
// banner and README): a short headline a leader reads from across the room, since when a red
// tile has had no picture, and the cause for staff and IT. Pure: unit-tested under Node.
import type { Locale } from '../contract';
import type { MessageKey } from '../i18n/message-keys';
import { translate } from '../i18n/translate';
import type { DisplayState, TileView } from './display-state';
import { isDownState } from './display-state';
import { formatRetryWait, formatSince } from './time-words';

/** ok = green mark, warn = amber, alarm = red and large, calm = grey. */
export type Tone = 'ok' | 'warn' | 'alarm' | 'calm';

export interface TileWords {
  tone: Tone;
  /** The state in words; for live it is only the accessible label of the green mark. */
  headline: string;
  /** Since when a red tile has had no picture: "từ 09:14 (23 phút)"; null otherwise. */
  since: string | null;
  /** For staff and IT: why, when the failure has a known cause ("The camera refused…"). */
  cause: string | null;
  /** Last line: that the wall reconnects by itself, and when for a long wait. */
  detail: string | null;
  /** Whether the words are shown over the picture (false for live and a spare cell). */
  visible: boolean;
}

const HEADLINE_KEYS: Record<DisplayState, MessageKey> = {
  stalled: 'state.stalled',
  connecting: 'state.connecting',
  live: 'state.live',
  unstable: 'state.unstable',
  'no-media': 'state.noMedia',
  'auth-failed': 'state.authFailed',
  unreachable: 'state.unreachable',
  'not-found': 'state.notFound',
  'unsupported-codec': 'state.unsupportedCodec',
  'not-installed': 'state.notInstalled',
  disabled: 'state.disabled',
  empty: 'state.empty',
  error: 'state.error',
  damaged: 'state.damaged',
};

export function toneOf(state: DisplayState): Tone {
  if (state === 'live') return 'ok';
  if (state === 'connecting' || state === 'unstable') return 'warn';
  if (isDownState(state)) return 'alarm';
  return 'calm';
}

export function tileWords(view: TileView, locale: Locale, now: number): TileWords {
  const tone = toneOf(view.state);
  const key = view.unknownCamera ? 'state.unknownCamera' : HEADLINE_KEYS[view.state];
  const headline = translate(locale, key);
  const since = view.since === null ? null : formatSince(view.since, now, locale);
  // A red tile is being retried (by main or by its own player) and says so: in minutes for a
  // long wait (a camera's login lock-out), else that it reconnects by itself. An H.265 tile
  // is not: it waits for IT. Connecting needs no second line.
  const retrying =
    tone === 'alarm' && view.state !== 'unsupported-codec'
      ? formatRetryWait(view.retryAt, now, locale)
      : null;
  // A spare cell is blank, and live is only the green mark's label.
  const visible = view.state !== 'live' && view.state !== 'empty';
  if (!visible) return { tone, headline, since: null, cause: null, detail: null, visible };
  return { tone, headline, since, cause: causeWords(view, locale), detail: retrying, visible };
}

/** What the cause line says for a state when main gave no finer reason. */
const STATE_CAUSES: Partial<Record<DisplayState, MessageKey>> = {
  'no-media': 'cause.noMedia',
  'auth-failed': 'cause.authFailed',
  'not-found': 'cause.notFound',
  'unsupported-codec': 'cause.unsupportedCodec',
};

/**
 * The cause line, for staff and IT: main's reason in words, else what the state itself means
 * to them, else the bare status code of an unexplained error.
 */
export function causeWords(view: TileView, locale: Locale): string | null {
  if (view.unknownCamera) return null;
  const status = view.protocolStatus ?? '';
  if (view.reason !== null) return translate(locale, `reason.${view.reason}`, { status });
  const stateCause = STATE_CAUSES[view.state];
  if (stateCause) return translate(locale, stateCause);
  if (view.state === 'error' && view.protocolStatus !== null) {
    return translate(locale, 'reason.status', { status });
  }
  return null;
}

/** Whether the tile's words change with time ("23 phút"), so it needs a ticking clock. */
export function needsClock(view: TileView): boolean {
  return view.since !== null;
}
