import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../../electron/contract/settings-view';
import {
  brandAlias,
  shownFields,
  testErrorField,
} from '../../../../renderer/src/components/settings/camera-form-fields';
import { newCameraForm } from '../../../../renderer/src/components/settings/camera-form-model';
import { holderOf, placeErrors } from '../../../../renderer/src/components/settings/field-errors';

const error = (field: string, vi: string, en = vi): FieldError => ({
  path: field.split('.'),
  field,
  code: 'x',
  message: { vi, en },
});

describe('field errors beside their fields', () => {
  const urlForm = { ...newCameraForm('a'), mode: 'url' as const };

  it('goes to the field named, or the nearest shown field above or below it', () => {
    const shown = shownFields(urlForm);
    expect(holderOf('streams.sub.url', shown)).toBe('streams.sub.url');
    expect(holderOf('streams.sub.url.host', shown)).toBe('streams.sub.url');
    expect(holderOf('streams.sub.auth', shown)).toBe('streams.sub.auth.username');
    expect(holderOf('streams.main.url', shown)).toBeNull();
  });

  it('shows each in the wall language and lists what no field holds, naming its field', () => {
    const placed = placeErrors(
      [
        error('name', 'Nhập tên camera.', 'Enter the camera name.'),
        error('cameras.3.siteId', 'Điểm không có.', 'No such centre.'),
      ],
      'en',
      shownFields(urlForm),
    );
    expect(placed.byField).toEqual({ name: ['Enter the camera name.'] });
    expect(placed.other).toEqual(['cameras.3.siteId: No such centre.']);
    const refusal = {
      path: [],
      field: '',
      code: 'read-only',
      message: { vi: 'Chỉ xem.', en: 'Read-only.' },
    };
    expect(placeErrors([refusal], 'vi', shownFields(urlForm)).other).toEqual(['Chỉ xem.']);
  });

  it("in the brand form, main's URL and login errors land on address, user and password", () => {
    const brandForm = newCameraForm('a');
    const placed = placeErrors(
      [
        error('streams.main.url', 'URL sai'),
        error('streams.sub.auth.username', 'Thiếu tên'),
        error('streams.sub.auth.password', 'Thiếu mật khẩu'),
      ],
      'vi',
      shownFields(brandForm),
      brandAlias,
    );
    expect(placed.byField).toEqual({
      'brand.address': ['URL sai'],
      'brand.username': ['Thiếu tên'],
      'brand.password': ['Thiếu mật khẩu'],
    });
  });

  it("puts a test's errors under the stream it tested", () => {
    expect(testErrorField('url', 'main')).toBe('streams.main.url');
    expect(testErrorField('endpoint.auth.password', 'sub')).toBe('streams.sub.auth.password');
    expect(testErrorField('cameraId', 'sub')).toBe('cameraId');
    expect(testErrorField('streams.main.auth.password', 'main')).toBe('streams.main.auth.password');
  });

  it('shows only the login fields the chosen login has', () => {
    const none = { ...urlForm, sub: { ...urlForm.sub, authType: 'none' as const } };
    expect(shownFields(none)).toEqual(['name', 'siteId', 'availability', 'streams.sub.url']);
    const bearer = { ...urlForm, sub: { ...urlForm.sub, authType: 'bearer' as const } };
    expect(shownFields(bearer)).toContain('streams.sub.auth.token');
  });
});
