// What "look closer" (snapshot, instant replay, digital zoom) needs on both sides: the replay
// lengths offered, and the snapshot request and its answer.

/** Seconds of instant replay a tile can play back (R cycles through them). */
export const REPLAY_CHOICES = [10, 30, 60] as const;
export type ReplaySeconds = (typeof REPLAY_CHOICES)[number];

/** The deepest digital zoom on a maximised tile. */
export const MAX_ZOOM = 8;

export interface SnapshotRequest {
  cameraId: string;
  /** The PNG (band burned in) as base64. */
  png: string;
  /** When main received the frame shown (epoch ms), or null when the player could not tell. */
  frameAt: number | null;
}

export interface SnapshotSaved {
  /** Where the file went, as the PC names it. */
  path: string;
  /** Whether it is also on the clipboard (the browser preview host has none to use). */
  copied: boolean;
}
