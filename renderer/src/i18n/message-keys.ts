// The typed key set shared by every dictionary. Placeholders are written {name} and filled by
// `translate`; a dictionary must use the same placeholders as the other (unit-tested).
export const MESSAGE_KEYS = [
  'state.connecting',
  'state.live',
  'state.stalled',
  'state.stalledNoFrame',
  'state.noMedia',
  'state.authFailed',
  'state.unreachable',
  'state.notFound',
  'state.unsupportedCodec',
  'state.notInstalled',
  'state.disabled',
  'state.empty',
  'state.error',
  'state.unknownCamera',
  'retry.in',
  'retry.inMinutes',
  'retry.now',
  'ago.seconds',
  'ago.minutes',
  'ago.hours',
  'ago.days',
  'banner.oneSiteDown',
  'banner.sitesDown',
  'app.loading',
  'app.loadFailed',
  'app.noApi',
  'action.failed',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];
export type Dictionary = Readonly<Record<MessageKey, string>>;
