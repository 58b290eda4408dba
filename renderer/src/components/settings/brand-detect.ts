// Recognises a saved camera whose two streams are exactly what the Hikvision/Dahua form
// builds, so editing it opens that form again instead of two raw URLs.
import {
  CAMERA_BRANDS,
  brandStreamPath,
  type CameraBrand,
  type CameraSettingsView,
  type EndpointView,
} from '../../contract';

export interface DetectedBrand {
  brand: CameraBrand;
  address: string;
  channel: number;
  username: string;
  hasPassword: boolean;
}

const RTSP = /^rtsp:\/\/([^/?#]+)(\/.*)$/;

function channelCandidate(path: string): number | null {
  const match = /^\/Streaming\/Channels\/(\d+)0[12]$/.exec(path) ?? /channel=(\d+)&/.exec(path);
  return match ? Number(match[1]) : null;
}

function loginOf(endpoint: EndpointView): { username: string; hasPassword: boolean } | null {
  return endpoint.auth.type === 'password' && endpoint.tls === null ? endpoint.auth : null;
}

export function detectBrand(camera: CameraSettingsView): DetectedBrand | null {
  const { sub, main } = camera.streams;
  if (main === null) return null;
  const subUrl = RTSP.exec(sub.url);
  const mainUrl = RTSP.exec(main.url);
  const subLogin = loginOf(sub);
  const mainLogin = loginOf(main);
  if (!subUrl || !mainUrl || !subLogin || !mainLogin) return null;
  const [, host = '', subPath = ''] = subUrl;
  if (mainUrl[1] !== host || mainLogin.username !== subLogin.username) return null;
  const channel = channelCandidate(subPath);
  if (channel === null) return null;
  const brand = CAMERA_BRANDS.find(
    (b) =>
      brandStreamPath(b, channel, true) === subPath &&
      brandStreamPath(b, channel, false) === mainUrl[2],
  );
  if (brand === undefined) return null;
  return {
    brand,
    // The builder adds :554 when no port is typed; staff never typed it.
    address: host.endsWith(':554') ? host.slice(0, -4) : host,
    channel,
    username: subLogin.username,
    hasPassword: subLogin.hasPassword && mainLogin.hasPassword,
  };
}
