// Video PES packets → FLV tags, through the RTSP path's FlvVideoMuxer (sequence headers from
// in-band parameter sets, AVCC/hvc1 framing). Two things that muxer does not do, added here
// without changing it: the composition time (PTS − DTS, non-zero with B-frames; the muxer
// writes 0 because RTSP cameras send none), and waiting for an IDR after lost packets.
import { videoTagInfo, type FlvTag } from '../../flv/flv-tag';
import { FlvVideoMuxer } from '../../rtsp/flv-video-muxer';
import { splitAnnexB } from '../../rtsp/nal-units';
import { isKeyframeNal, type VideoCodecName } from '../../rtsp/rtp-depacketizer';
import type { PesPacket } from './pes-assembler';
import { TsClock, diff33 } from './ts-clock';

/** FLV's composition time is a signed 24-bit count of milliseconds. */
const MAX_CTS_MS = 0x7fffff;

export class TsVideoMuxer {
  private readonly muxer: FlvVideoMuxer;
  private readonly clock = new TsClock();
  private needKeyframe = true;
  /** Pictures dropped while waiting for an IDR (after a gap, or at the start). */
  droppedPictures = 0;

  constructor(readonly codec: VideoCodecName) {
    this.muxer = new FlvVideoMuxer(codec, { vps: [], sps: [], pps: [] });
  }

  get size(): { width: number; height: number } | undefined {
    return this.muxer.size;
  }

  /** Packets were lost: what follows references them until the next IDR. */
  gap(): void {
    this.needKeyframe = true;
  }

  push(pes: PesPacket): FlvTag[] {
    // Every picture advances the clock, dropped or not, so time stays continuous.
    const timestamp = this.clock.toMs(pes.dts);
    const nalus = splitAnnexB(pes.data);
    const keyframe = nalus.some((nal) => isKeyframeNal(this.codec, nal));
    if (this.needKeyframe && !keyframe) {
      this.droppedPictures++;
      return [];
    }
    this.needKeyframe = false;
    const tags = this.muxer.push({ timestamp: 0, nalus, keyframe }, timestamp);
    const cts = Math.round(diff33(pes.pts, pes.dts) / 90);
    if (cts !== 0) for (const tag of tags) setCompositionTime(tag, cts);
    return tags;
  }
}

/**
 * Writes the SI24 composition time into a coded-frame tag: bytes 2-4 for AVC (after the
 * codec byte and AVCPacketType), bytes 5-7 for enhanced-FLV hvc1 (after the FourCC).
 */
function setCompositionTime(tag: FlvTag, cts: number): void {
  const info = videoTagInfo(tag.data);
  if (info.sequenceHeader) return;
  const at = info.codec === 'h264' ? 2 : info.codec === 'h265' ? 5 : -1;
  if (at < 0 || tag.data.length < at + 3) return;
  const value = Math.max(-MAX_CTS_MS, Math.min(MAX_CTS_MS, cts)) & 0xffffff;
  tag.data[at] = (value >> 16) & 0xff;
  tag.data[at + 1] = (value >> 8) & 0xff;
  tag.data[at + 2] = value & 0xff;
}
