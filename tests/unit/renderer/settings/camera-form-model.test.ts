import { describe, expect, it } from 'vitest';
import type { CameraSettingsView, EndpointView } from '../../../../electron/contract/settings-view';
import {
  cameraDraft,
  cameraFormFromView,
  cameraTestRequest,
  newCameraForm,
  type CameraForm,
} from '../../../../renderer/src/components/settings/camera-form-model';

function endpoint(url: string, auth: EndpointView['auth']): EndpointView {
  return {
    url,
    kind: 'rtsp',
    auth,
    tls: null,
    allowBasicOverCleartext: false,
    allowRedirectTo: [],
  };
}
const login = (username: string): EndpointView['auth'] => ({
  type: 'password',
  username,
  hasPassword: true,
  vaultRef: `vault:x/${username}`,
  allowBasicOverCleartext: false,
});

function camera(sub: EndpointView, main: EndpointView | null): CameraSettingsView {
  return {
    id: 'cam-1',
    siteId: 'cao-an',
    name: 'Quầy 1',
    availability: 'installed',
    streams: { sub, main },
    origin: 'local',
  };
}

function brandForm(patch: Partial<CameraForm['brand']> = {}): CameraForm {
  const form = newCameraForm('cao-an');
  return {
    ...form,
    name: ' Quầy 2 ',
    brand: {
      ...form.brand,
      address: '192.168.1.64',
      username: 'viewer',
      secret: { stored: false, replacing: false, value: 'pa55' },
      ...patch,
    },
  };
}

describe('a new camera entered as Hikvision or Dahua', () => {
  it('sends both URLs the contract builds, the password once as a new secret, no id', () => {
    const draft = cameraDraft(brandForm());
    expect(draft).toEqual({
      ok: true,
      value: {
        siteId: 'cao-an',
        name: 'Quầy 2',
        availability: 'installed',
        streams: {
          main: {
            url: 'rtsp://192.168.1.64:554/Streaming/Channels/101',
            auth: { type: 'password', username: 'viewer', password: { value: 'pa55' } },
          },
          sub: {
            url: 'rtsp://192.168.1.64:554/Streaming/Channels/102',
            auth: { type: 'password', username: 'viewer', password: { value: 'pa55' } },
          },
        },
      },
    });
  });

  it("puts the builder's errors on the brand form's own fields", () => {
    const draft = cameraDraft(brandForm({ address: 'not an address!', channel: '', username: '' }));
    expect(draft.ok).toBe(false);
    if (draft.ok) return;
    expect(draft.errors.map((e) => e.field).sort()).toEqual([
      'brand.address',
      'brand.channel',
      'brand.username',
    ]);
    expect(draft.errors[0]?.message.vi).toMatch(/Nhập địa chỉ IP/);
  });

  it('tests the stream asked for, built the same way', () => {
    const request = cameraTestRequest(brandForm({ brand: 'dahua', channel: '3' }), 'main');
    expect(request).toMatchObject({
      ok: true,
      value: {
        quality: 'main',
        endpoint: { url: 'rtsp://192.168.1.64:554/cam/realmonitor?channel=3&subtype=0' },
      },
    });
    expect(request.ok && 'cameraId' in request.value).toBe(false);
  });
});

describe('a saved camera opened again', () => {
  it('opens the brand form when its URLs are exactly what the form builds', () => {
    const view = camera(
      endpoint('rtsp://10.0.0.5:554/Streaming/Channels/1202', login('viewer')),
      endpoint('rtsp://10.0.0.5:554/Streaming/Channels/1201', login('viewer')),
    );
    const form = cameraFormFromView(view);
    expect(form.mode).toBe('brand');
    expect(form.brand).toMatchObject({
      brand: 'hikvision',
      address: '10.0.0.5',
      channel: '12',
      username: 'viewer',
      secret: { stored: true, replacing: false, value: '' },
    });
    // Saved untouched, it keeps both stored passwords and the same URLs.
    const draft = cameraDraft(form);
    expect(draft.ok && draft.value).toMatchObject({
      id: 'cam-1',
      streams: {
        sub: { url: view.streams.sub.url, auth: { password: { keep: true } } },
        main: { url: view.streams.main?.url, auth: { password: { keep: true } } },
      },
    });
  });

  it('keeps a Dahua camera on a non-default port in the brand form', () => {
    const form = cameraFormFromView(
      camera(
        endpoint('rtsp://cam.local:8554/cam/realmonitor?channel=1&subtype=1', login('v')),
        endpoint('rtsp://cam.local:8554/cam/realmonitor?channel=1&subtype=0', login('v')),
      ),
    );
    expect(form.mode).toBe('brand');
    expect(form.brand).toMatchObject({ brand: 'dahua', address: 'cam.local:8554', channel: '1' });
  });

  it('opens typed URLs when the streams are not a brand pair', () => {
    const mismatched = camera(
      endpoint('rtsp://10.0.0.5:554/Streaming/Channels/102', login('viewer')),
      endpoint('rtsp://10.0.0.6:554/Streaming/Channels/101', login('viewer')),
    );
    expect(cameraFormFromView(mismatched).mode).toBe('url');
    const subOnly = camera(endpoint('rtsp://10.0.0.5/Streaming/Channels/102', login('v')), null);
    expect(cameraFormFromView(subOnly)).toMatchObject({ mode: 'url', hasMain: false });
  });

  it('sends back what the form does not edit: TLS, redirects, token, signing ttl', () => {
    const view = camera(
      {
        url: 'wss://gw.example/live/a.flv',
        kind: 'ws-flv',
        auth: { type: 'bearer', hasToken: true, vaultRef: 'vault:cam-1/sub/token' },
        tls: { fingerprint: 'sha256:AB' },
        allowBasicOverCleartext: false,
        allowRedirectTo: ['edge.example'],
      },
      {
        url: 'http://gw.example:8000/live/a.flv',
        kind: 'http-flv',
        auth: {
          type: 'nms-sign',
          hasSecret: true,
          vaultRef: 'vault:cam-1/main/secret',
          ttlSeconds: 60,
        },
        tls: null,
        allowBasicOverCleartext: false,
        allowRedirectTo: [],
      },
    );
    const draft = cameraDraft(cameraFormFromView(view));
    expect(draft.ok && draft.value.streams).toEqual({
      sub: {
        url: 'wss://gw.example/live/a.flv',
        auth: { type: 'bearer', token: { keep: true } },
        tls: { fingerprint: 'sha256:AB' },
        allowRedirectTo: ['edge.example'],
      },
      main: {
        url: 'http://gw.example:8000/live/a.flv',
        auth: { type: 'nms-sign', secret: { keep: true }, ttlSeconds: 60 },
      },
    });
  });

  it('replaces a stored password only when staff typed a new one; tests lend the saved one', () => {
    const form = cameraFormFromView(
      camera(endpoint('rtsp://10.0.0.9/stream1', login('admin')), null),
    );
    const replaced: CameraForm = {
      ...form,
      sub: { ...form.sub, secret: { stored: true, replacing: true, value: 'n3w' } },
    };
    expect(cameraDraft(replaced).ok && cameraDraft(replaced)).toMatchObject({
      value: { streams: { sub: { auth: { password: { value: 'n3w' } } } } },
    });
    expect(cameraTestRequest(form, 'sub')).toMatchObject({
      ok: true,
      value: { cameraId: 'cam-1', endpoint: { auth: { password: { keep: true } } } },
    });
    // No main stream: nothing to test there.
    expect(cameraTestRequest(form, 'main').ok).toBe(false);
  });
});
