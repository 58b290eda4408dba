// What a camera test found, in the tile's words: the same headline and cause a tile would show
// for that failure (status/status-words.ts), then what to check and main's detail set apart.
import type { CameraTestOutcome, Locale, StreamState, VideoCodec } from '../../contract';
import { settingsText, type SettingsKey } from '../../i18n/settings-words';
import type { DisplayState, TileView } from '../../status/display-state';
import { tileWords } from '../../status/status-words';
import { formatCountdown, formatTimeOfDay } from '../../status/time-words';

export interface TestWords {
  ok: boolean;
  headline: string;
  /** Further lines: the picture's facts, or the cause, what to check, and the detail. */
  lines: string[];
}

const CODEC_NAMES: Record<VideoCodec, string> = { h264: 'H.264', h265: 'H.265' };

/** A test that neither played nor failed cleanly is an error to the tile. */
function displayState(state: StreamState, damaged: boolean): DisplayState {
  if (damaged) return 'damaged';
  if (state === 'idle' || state === 'connecting' || state === 'live') return 'error';
  return state;
}

const CHECKS: Partial<Record<DisplayState, SettingsKey>> = {
  'auth-failed': 'check.auth-failed',
  unreachable: 'check.unreachable',
  'not-found': 'check.not-found',
  'no-media': 'check.no-media',
  'unsupported-codec': 'check.unsupported-codec',
  stalled: 'check.interrupted',
  unstable: 'check.interrupted',
  error: 'check.error',
};

export function testOutcomeWords(
  outcome: CameraTestOutcome,
  locale: Locale,
  now: number = Date.now(),
): TestWords {
  if (outcome.ok) {
    const facts = [CODEC_NAMES[outcome.codec], `${outcome.width}×${outcome.height}`];
    if (outcome.fps !== null) {
      facts.push(settingsText(locale, 'test.fps', { fps: Math.round(outcome.fps * 10) / 10 }));
    }
    return { ok: true, headline: settingsText(locale, 'test.ok'), lines: [facts.join(' · ')] };
  }
  if (outcome.state === 'invalid') {
    return { ok: false, headline: settingsText(locale, 'test.invalid'), lines: [] };
  }
  const wait = (retryAt: number) => ({
    time: formatTimeOfDay(retryAt),
    wait: formatCountdown(retryAt - now, locale),
  });
  const login = outcome.login;
  if (login?.heldBack) {
    // Not tried: the camera's login back-off (shared with the tiles) holds the test back.
    return login.retryAt === null
      ? {
          ok: false,
          headline: settingsText(locale, 'test.held-back.busy'),
          lines: [settingsText(locale, 'test.held-back.busy-hint')],
        }
      : {
          ok: false,
          headline: settingsText(locale, 'test.held-back'),
          lines: [settingsText(locale, 'test.held-back.wait', wait(login.retryAt))],
        };
  }
  const state = displayState(outcome.state, outcome.reason === 'damaged-video');
  const view: TileView = {
    state,
    reason: outcome.reason ?? null,
    protocolStatus: outcome.protocolStatus ?? null,
    lastFrameAt: null,
    retryAt: null,
    since: null,
    unknownCamera: false,
  };
  const words = tileWords(view, locale, 0);
  const check = CHECKS[state];
  const lines = [
    words.cause,
    check !== undefined ? settingsText(locale, check) : null,
    login?.retryAt ? settingsText(locale, 'test.refused.wait', wait(login.retryAt)) : null,
    outcome.detail ? settingsText(locale, 'detail', { detail: outcome.detail }) : null,
  ].filter((line): line is string => line !== null);
  return { ok: false, headline: words.headline, lines };
}
