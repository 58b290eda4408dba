// Shared by the availability tests: instants in Vietnam (UTC+7 all year; 2025-06-02 is a
// Monday), records at those instants and the default schedule there.
import type { CameraStateRecord } from '../../../../electron/health/availability/availability-model';
import { defaultSchedule } from '../../../../electron/schedule/schedule-model';

export const S = 1_000;
export const MIN = 60 * S;
export const HOUR = 60 * MIN;
export const vn = (iso: string) => Date.parse(`${iso}+07:00`);
export const VN = defaultSchedule('Asia/Ho_Chi_Minh');
export const rec = (
  iso: string,
  state: CameraStateRecord['state'],
  reason?: string,
): CameraStateRecord =>
  reason === undefined ? { at: vn(iso), state } : { at: vn(iso), state, reason };
/** The whole local date as a range. */
export const day = (date: string) => ({
  from: vn(`${date}T00:00:00`),
  to: vn(`${date}T23:59:59.999`) + 1,
});
