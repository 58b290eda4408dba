// "Test" in the camera form: one connection attempt of the same source a tile's session
// uses, read until the first keyframe's decoder configuration (codec, picture size) and about
// a second of frames after it (frame rate, from the stream's own timestamps), then closed.
// A failure comes back as the state and reason a tile would show, so the form words it the
// same way; its detail is only what the camera or library said, never our log sentence. No session, no retries: staff asked for exactly one try. The camera's login gate
// is asked around it (camera-probe.ts).
import type { CameraTestOutcome } from '../../contract/settings-view';
import type { VideoCodec } from '../../contract/wall-contract';
import { parseAvcDecoderConfigurationRecord } from '../codecs/h264/configuration-record';
import { parseHevcDecoderConfigurationRecord } from '../codecs/h265/configuration-record';
import { MediaCheck } from './media-check';
import { stateForFailure } from './session-status';
import type { SourceFactory, SourceFailure, UpstreamSource } from './source';
import { FLV_TAG_VIDEO, videoTagInfo } from '../flv/flv-tag';

export interface ProbeOptions {
  label: string;
  /** How long to wait for the first keyframe before saying "no picture". */
  mediaTimeoutMs?: number;
  /** How long to keep counting frames for the frame rate after the first keyframe. */
  fpsWindowMs?: number;
}

const FPS_FRAMES = 30;
const FPS_SPAN_MS = 1000;

interface Picture {
  codec: VideoCodec;
  width: number;
  height: number;
}

export function probeSource(
  factory: SourceFactory,
  options: ProbeOptions,
): Promise<CameraTestOutcome> {
  return new Promise((settle) => {
    const check = new MediaCheck(options.label);
    let picture: Picture | null = null;
    let keyframeSeen = false;
    const frameTimes: number[] = [];
    let source: UpstreamSource | null = null;
    let done = false;
    const timers: NodeJS.Timeout[] = [];

    const finish = (outcome: CameraTestOutcome) => {
      if (done) return;
      done = true;
      for (const t of timers) clearTimeout(t);
      source?.close();
      settle(outcome);
    };
    const found = () => {
      if (!picture) return;
      finish({ ok: true, ...picture, fps: frameRate(frameTimes) });
    };
    const failed = (failure: SourceFailure) =>
      finish({
        ok: false,
        state: stateForFailure(failure, keyframeSeen),
        ...(failure.reason ? { reason: failure.reason } : {}),
        ...(failure.protocolStatus !== undefined ? { protocolStatus: failure.protocolStatus } : {}),
        // Only the camera's or library's own words: the form says the rest in its language.
        ...(failure.detail ? { detail: failure.detail } : {}),
      });

    timers.push(
      setTimeout(
        () =>
          failed({
            code: 'no-media',
            message: `Camera '${options.label}': connected, but no picture arrived in time.`,
          }),
        options.mediaTimeoutMs ?? 10_000,
      ),
    );

    source = factory({
      onTag(tag) {
        if (done || tag.type !== FLV_TAG_VIDEO) return;
        const problem = check.inspect(tag);
        if (problem) return failed(problem);
        const info = videoTagInfo(tag.data);
        if (info.sequenceHeader) {
          picture = readPicture(info.codec, tag.data.subarray(5)) ?? picture;
          return;
        }
        if (!keyframeSeen && !info.keyframe) return;
        if (!keyframeSeen) {
          keyframeSeen = true;
          timers.push(setTimeout(found, options.fpsWindowMs ?? 3000));
        }
        frameTimes.push(tag.timestamp);
        const span = tag.timestamp - frameTimes[0]!;
        if (frameTimes.length >= FPS_FRAMES || span >= FPS_SPAN_MS) found();
      },
      onEnd(failure) {
        if (keyframeSeen && picture) return found();
        failed(failure);
      },
    });
    if (done) source.close();
  });
}

function readPicture(codec: 'h264' | 'h265' | 'other', record: Uint8Array): Picture | null {
  if (codec === 'h264') {
    const avc = parseAvcDecoderConfigurationRecord(record);
    return avc.ok ? { codec: 'h264', width: avc.width, height: avc.height } : null;
  }
  if (codec === 'h265') {
    const hevc = parseHevcDecoderConfigurationRecord(record);
    return hevc.ok ? { codec: 'h265', width: hevc.width, height: hevc.height } : null;
  }
  return null;
}

/** Frames per second from decode timestamps (ms), to one decimal; null with too few frames. */
export function frameRate(times: readonly number[]): number | null {
  if (times.length < 3) return null;
  const span = times[times.length - 1]! - times[0]!;
  if (span <= 0) return null;
  return Math.round(((times.length - 1) * 1000 * 10) / span) / 10;
}
