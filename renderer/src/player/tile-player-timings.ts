// How often a tile player retries a stream it stood down from, and how far a hidden one may
// buffer ahead. Kept apart so tile-player.ts stays about the lifecycle.

/** Decode errors in a row (no frame between) after which the stream counts as damaged. */
export const DAMAGED_AFTER_ERRORS = 3;
/**
 * A damaged stream is retried this rarely: each new player makes a SourceBuffer from whatever
 * the stream claims, and main reconnects and re-checks the camera meanwhile anyway.
 */
export const DAMAGED_RETRY_MS = 30_000;
/**
 * A codec this display cannot decode (H.265 here) is checked again this rarely: until then the
 * tile holds no player, so its gateway connection closes and main stops relaying what nobody
 * can show; a camera switched to H.264 meanwhile plays at the next check.
 */
export const UNDECODABLE_RETRY_MS = 5 * 60_000;
/** Seconds of stream a suspended (hidden) tile may buffer ahead of its paused picture. */
export const SUSPENDED_MAX_AHEAD_S = 20;
