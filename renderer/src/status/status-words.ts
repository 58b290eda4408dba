// The words and colour of each displayed state (one wording per state, the same in tile,
// banner and README), plus the time formatting the lost-signal message
// needs. Pure: unit-tested under Node.
import type { Locale } from '../contract';
import type { MessageKey } from '../i18n/message-keys';
import { translate } from '../i18n/translate';
import type { DisplayState, TileView } from './display-state';
import { isDownState, UPSTREAM_FAILURES } from './display-state';

/** ok = green mark, warn = amber, alarm = red and large, calm = grey. */
export type Tone = 'ok' | 'warn' | 'alarm' | 'calm';

export interface TileWords {
  tone: Tone;
  /** The state in words; for live it is only the accessible label of the green mark. */
  headline: string;
  /** Why, when the failure has a known cause ("The camera refused the connection…"). */
  cause: string | null;
  /** Last line: how long ago, or the retry countdown. */
  detail: string | null;
  /** Whether the words are shown over the picture (false only for live). */
  visible: boolean;
}

const HEADLINE_KEYS: Record<Exclude<DisplayState, 'stalled'>, MessageKey> = {
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

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** Local wall-clock time HH:MM:SS, the way the lost-signal line shows the last frame. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/** "x phút trước": whole units, rounded down, never negative (clocks can step back). */
export function formatAgo(elapsedMs: number, locale: Locale): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  if (seconds < 60) return translate(locale, 'ago.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return translate(locale, 'ago.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return translate(locale, 'ago.hours', { count: hours });
  return translate(locale, 'ago.days', { count: Math.floor(hours / 24) });
}

/** Whole seconds left until retryAt, rounded up so the countdown never shows 0 too early. */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(0, Math.ceil((retryAt - now) / 1000));
}

/** "Thử lại sau 30 giây"; a long wait (a camera lock-out) is said in minutes. */
export function formatRetry(retryAt: number, now: number, locale: Locale): string {
  const seconds = secondsUntil(retryAt, now);
  if (seconds === 0) return translate(locale, 'retry.now');
  if (seconds < 120) return translate(locale, 'retry.in', { seconds });
  return translate(locale, 'retry.inMinutes', { minutes: Math.ceil(seconds / 60) });
}

export function tileWords(view: TileView, locale: Locale, now: number): TileWords {
  const tone = toneOf(view.state);
  // A failure with no retry scheduled is being retried right now (main keeps the failure's
  // state during the attempt, so the tile goes on saying what is wrong).
  const retrying = UPSTREAM_FAILURES.has(view.state) ? translate(locale, 'retry.now') : null;
  const retry = view.retryAt !== null ? formatRetry(view.retryAt, now, locale) : retrying;
  if (view.state === 'stalled') {
    const headline =
      view.lastFrameAt === null
        ? translate(locale, 'state.stalledNoFrame')
        : translate(locale, 'state.stalled', { time: formatClock(view.lastFrameAt) });
    const detail = view.lastFrameAt === null ? retry : formatAgo(now - view.lastFrameAt, locale);
    return { tone, headline, cause: null, detail, visible: true };
  }
  const key = view.unknownCamera ? 'state.unknownCamera' : HEADLINE_KEYS[view.state];
  const headline = translate(locale, key);
  if (view.state === 'live') return { tone, headline, cause: null, detail: null, visible: false };
  const showsRetry = tone === 'alarm' || view.state === 'connecting';
  return {
    tone,
    headline,
    cause: causeWords(view, locale),
    detail: showsRetry ? retry : null,
    visible: true,
  };
}

/** The cause line: main's reason in words, or the bare status code of an unexplained error. */
export function causeWords(view: TileView, locale: Locale): string | null {
  const status = view.protocolStatus ?? '';
  if (view.reason !== null) return translate(locale, `reason.${view.reason}`, { status });
  if (view.state === 'error' && view.protocolStatus !== null) {
    return translate(locale, 'reason.status', { status });
  }
  return null;
}

/** Whether the tile's words change with time, so it needs a once-a-second clock. */
export function needsClock(view: TileView): boolean {
  if (view.state === 'live' || toneOf(view.state) === 'calm') return false;
  return view.state === 'stalled' || view.retryAt !== null;
}
