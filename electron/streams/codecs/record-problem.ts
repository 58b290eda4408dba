// What a decoder configuration record parser says about a record it refuses. 'damaged' is a
// record no decoder could read (garbage, lengths past its end, a version that does not
// exist); 'undecodable' is a well-formed record describing video the wall's player cannot
// decode (a NAL length size or profile it does not handle, an SPS without a sane picture).
export type RecordProblemKind = 'damaged' | 'undecodable';

export interface RecordProblem {
  ok: false;
  kind: RecordProblemKind;
  /** Plain words for logs: what is wrong with the record. */
  problem: string;
}

export const damaged = (problem: string): RecordProblem => ({
  ok: false,
  kind: 'damaged',
  problem,
});
export const undecodable = (problem: string): RecordProblem => ({
  ok: false,
  kind: 'undecodable',
  problem,
});

/** Largest picture side the wall accepts from an SPS (H.264 level 6.2 allows 8192×4320). */
export const MAX_PICTURE_SIDE = 16384;

/** A picture size the player can build a track for. */
export function saneSize(width: number | undefined, height: number | undefined): boolean {
  return (
    width !== undefined &&
    height !== undefined &&
    width >= 16 &&
    height >= 16 &&
    width <= MAX_PICTURE_SIDE &&
    height <= MAX_PICTURE_SIDE
  );
}
