import { describe, expect, it } from 'vitest';
import { parseSdp, pickVideoTrack } from '../../../../../electron/streams/protocols/rtsp/sdp';
import {
  controlBase,
  resolveControl,
} from '../../../../../electron/streams/protocols/rtsp/rtsp-url';
import {
  ANNEXB_SPROP_SDP,
  AUDIO_ONLY_SDP,
  DAHUA_SDP,
  GSTREAMER_H264_SDP,
  GSTREAMER_H265_SDP,
  HIKVISION_SDP,
  MJPEG_SDP,
} from './samples';

function track(sdp: string) {
  const choice = pickVideoTrack(parseSdp(sdp));
  if (!choice.ok) throw new Error(choice.code);
  return choice.track;
}

describe('SDP', () => {
  it('reads the GStreamer H.264 track', () => {
    const t = track(GSTREAMER_H264_SDP);
    expect(t.codec).toBe('h264');
    expect(t.payloadType).toBe(96);
    expect(t.clockRate).toBe(90000);
    expect(t.control).toBe('stream=0');
    expect(t.sps).toHaveLength(1);
    expect(t.sps[0]![0]! & 0x1f).toBe(7);
    expect(t.pps[0]![0]! & 0x1f).toBe(8);
  });

  it('reads the GStreamer H.265 track with VPS/SPS/PPS', () => {
    const t = track(GSTREAMER_H265_SDP);
    expect(t.codec).toBe('h265');
    expect([t.vps.length, t.sps.length, t.pps.length]).toEqual([1, 1, 1]);
    expect((t.vps[0]![0]! >> 1) & 0x3f).toBe(32);
    expect((t.sps[0]![0]! >> 1) & 0x3f).toBe(33);
    expect((t.pps[0]![0]! >> 1) & 0x3f).toBe(34);
  });

  it('reads Hikvision: absolute controls, spaces in fmtp, audio after video', () => {
    const sdp = parseSdp(HIKVISION_SDP);
    const t = track(HIKVISION_SDP);
    expect(t.sps[0]![0]).toBe(0x67);
    expect(t.pps[0]![0]).toBe(0x68);
    const base = controlBase(
      'rtsp://192.168.1.64:554/Streaming/Channels/101',
      undefined,
      undefined,
      sdp.control,
    );
    expect(resolveControl(base, t.control)).toBe(
      'rtsp://192.168.1.64:554/Streaming/Channels/101/trackID=1?transportmode=unicast',
    );
  });

  it('reads Dahua: control * at session level, relative track below a query-string base', () => {
    const sdp = parseSdp(DAHUA_SDP);
    const t = track(DAHUA_SDP);
    expect(t.control).toBe('trackID=0');
    const base = controlBase(
      'rtsp://10.0.0.2/cam/realmonitor?channel=1&subtype=0',
      'rtsp://10.0.0.2:554/cam/realmonitor?channel=1&subtype=0/',
      undefined,
      sdp.control,
    );
    expect(resolveControl(base, t.control)).toBe(
      'rtsp://10.0.0.2:554/cam/realmonitor?channel=1&subtype=0/trackID=0',
    );
  });

  it('splits Annex-B start codes wrongly placed inside sprop-parameter-sets', () => {
    const t = track(ANNEXB_SPROP_SDP);
    expect(t.payloadType).toBe(97);
    expect(Array.from(t.sps[0]!)).toEqual([0x67, 0x42, 0xc0, 0x1e, 0xda, 0x02, 0x80]);
    expect(Array.from(t.pps[0]!)).toEqual([0x68, 0xce, 0x3c, 0x80]);
  });

  it('says no-video-track for audio only and unsupported-codec for MJPEG', () => {
    expect(pickVideoTrack(parseSdp(AUDIO_ONLY_SDP))).toEqual({ ok: false, code: 'no-video-track' });
    expect(pickVideoTrack(parseSdp(MJPEG_SDP))).toEqual({
      ok: false,
      code: 'unsupported-codec',
      encoding: 'JPEG',
    });
  });
});

describe('control URL resolution', () => {
  it('uses the base itself for * or no control, and resolves /absolute paths', () => {
    expect(resolveControl('rtsp://h/cam1/', '*')).toBe('rtsp://h/cam1/');
    expect(resolveControl('rtsp://h/cam1/', undefined)).toBe('rtsp://h/cam1/');
    expect(resolveControl('rtsp://h/cam1', 'stream=0')).toBe('rtsp://h/cam1/stream=0');
    expect(resolveControl('rtsp://h/cam1/', 'stream=0')).toBe('rtsp://h/cam1/stream=0');
    expect(resolveControl('rtsp://h:554/a/b', '/x/track1')).toBe('rtsp://h:554/x/track1');
  });

  it('never keeps userinfo from Content-Base or an absolute control', () => {
    expect(controlBase('rtsp://h/c', 'rtsp://u:p@h/c/', undefined, undefined)).toBe('rtsp://h/c/');
    expect(resolveControl('rtsp://h/c', 'rtsp://u:p@h/c/t1')).toBe('rtsp://h/c/t1');
  });

  it('prefers Content-Base, then Content-Location, then the request URL', () => {
    expect(controlBase('rtsp://h/r', 'rtsp://h/b/', 'rtsp://h/l/', undefined)).toBe('rtsp://h/b/');
    expect(controlBase('rtsp://h/r', undefined, 'rtsp://h/l/', undefined)).toBe('rtsp://h/l/');
    expect(controlBase('rtsp://h/r', undefined, undefined, '*')).toBe('rtsp://h/r');
  });
});
