// Video PES packets → FLV tags, through the same FlvVideoMuxer as RTSP (sequence headers from
// in-band parameter sets, AVCC/hvc1 framing), with the composition time from PTS − DTS
// (non-zero with B-frames), and waiting for an IDR after lost packets.
import { isKeyframeNal, splitAnnexB, type VideoCodecName } from '../../codecs/nal-units';
import type { FlvTag } from '../../flv/flv-tag';
import { FlvVideoMuxer } from '../../flv/video-muxer';
import type { PesPacket } from './pes-assembler';
import { TsClock, diff33 } from './ts-clock';

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
    return this.muxer.push({ nalus, keyframe }, timestamp, diff33(pes.pts, pes.dts) / 90);
  }
}
