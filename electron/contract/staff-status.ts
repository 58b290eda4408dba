// The staff lock as every side sees it. Main keeps the PIN (only its scrypt hash), counts wrong
// tries and decides; the renderer only shows this status and asks.

export interface StaffStatus {
  /** False until the first staff action sets a PIN. */
  pinSet: boolean;
  /** Epoch ms until which staff actions are allowed, or null while locked. */
  unlockedUntil: number | null;
  /** Epoch ms before which main refuses another try after wrong PINs, or null. */
  retryAt: number | null;
  /** Wrong tries in a row. */
  failures: number;
}

/** A PIN is 4 to 12 digits: typed on a numeric keypad, nothing to spell. */
export const PIN_PATTERN = /^[0-9]{4,12}$/;

/** The error main answers a staff verb with while locked; the renderer asks for the PIN. */
export const STAFF_LOCKED_ERROR = 'Locked: the staff PIN is needed.';

/** How long an unlock lasts after the last staff activity. */
export const UNLOCK_IDLE_MS = 10 * 60_000;

export function isUnlocked(status: StaffStatus | null, now: number): boolean {
  return status?.unlockedUntil != null && status.unlockedUntil > now;
}
