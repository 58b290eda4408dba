// Main's office-hours answer as the renderer's tests need it: showing the wall or dark.
import type { OfficeHoursStatus } from '../../../electron/contract/office-hours';

export const officeHoursStatus = (showing: boolean): OfficeHoursStatus => ({
  inHours: showing,
  showing,
  overrideUntil: null,
  nextChange: null,
  timeZone: 'Asia/Ho_Chi_Minh',
});
