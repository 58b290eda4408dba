// Where a camera form's errors go: the fields it shows in its mode, named by main's draft
// paths, and the renames that bring main's paths (and a test's) onto them.
import type { Quality } from '../../contract';
import type { AuthKind, CameraForm } from './camera-form-model';

/** The fields the form shows in its mode, as main's draft paths (errors are placed on them). */
export function shownFields(form: CameraForm): string[] {
  const common = ['name', 'siteId', 'availability'];
  if (form.mode === 'brand') {
    return [
      ...common,
      'brand.brand',
      'brand.address',
      'brand.channel',
      'brand.username',
      'brand.password',
    ];
  }
  const stream = (q: Quality) => {
    const kind = form[q].authType;
    return [
      `streams.${q}.url`,
      ...(kind === 'password' ? [`streams.${q}.auth.username`] : []),
      ...(kind === 'none' ? [] : [`streams.${q}.auth.${secretField(kind)}`]),
    ];
  };
  return [...common, ...stream('sub'), ...(form.hasMain ? stream('main') : [])];
}

export function secretField(kind: AuthKind): string {
  return kind === 'bearer' ? 'token' : kind === 'nms-sign' ? 'secret' : 'password';
}

/**
 * In the brand form, main's errors on the URLs it was sent belong to the fields they were
 * built from: the address (with channel), the user name, the password.
 */
export function brandAlias(field: string): string {
  const match = /^streams\.(?:sub|main)\.(url|auth\.username|auth\.password)(?:\.|$)/.exec(field);
  if (!match) return field;
  return {
    url: 'brand.address',
    'auth.username': 'brand.username',
    'auth.password': 'brand.password',
  }[match[1] as 'url' | 'auth.username' | 'auth.password'];
}

/**
 * A test's field errors name the endpoint it was sent ('url', 'auth.password', or with an
 * 'endpoint.' in front), or the camera draft's path; in the form they sit under that stream.
 */
export function testErrorField(field: string, quality: Quality): string {
  // A missing stored secret is named as in a camera draft already.
  if (field.startsWith('streams.')) return field;
  const inEndpoint = field.startsWith('endpoint.') ? field.slice('endpoint.'.length) : field;
  return inEndpoint === 'quality' || inEndpoint === 'cameraId'
    ? inEndpoint
    : `streams.${quality}.${inEndpoint}`;
}
