// The example configuration in the docs must stay a valid configuration.
import { describe, expect, it } from 'vitest';
import { isOpen } from '../../../electron/schedule/office-hours';
import { defaultSchedule } from '../../../electron/schedule/schedule-model';
import { loadConfigFile } from '../../../electron/settings/load-config-file';
import { officeSchedule } from '../../../electron/settings/schedule-field';

describe('docs/wall.example.json', () => {
  it('passes the settings schema', () => {
    const settings = loadConfigFile('docs/wall.example.json');
    expect(settings.cameras.map((c) => c.id)).toEqual([
      'huyen-quay-1',
      'cam-doai-quay-1',
      'lai-cach-quay-1',
      'cam-vu-quay-1',
    ]);
    expect(settings.cameras[3]?.availability).toBe('not-installed');
  });

  it('spells out the default office hours, for IT to widen, and closes on its holidays', () => {
    const schedule = officeSchedule(loadConfigFile('docs/wall.example.json').schedule);
    expect(schedule.weekly).toEqual(defaultSchedule('Asia/Ho_Chi_Minh').weekly);
    expect(isOpen(schedule, Date.parse('2027-09-02T09:00:00+07:00'))).toBe(false);
    expect(isOpen(schedule, Date.parse('2027-09-03T09:00:00+07:00'))).toBe(true);
  });
});
