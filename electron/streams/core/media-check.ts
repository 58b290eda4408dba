// The decoder configuration check a session runs on every tag of a connection before relaying
// it. A record the page's demuxer would misread makes it throw on every chunk or build
// SourceBuffers with nonsense codec strings while the tile says "Connecting…" for ever; frames
// with no configuration before them can never be decoded. Either way the camera or gateway
// sends a damaged stream: the connection ends as a source failure the tile can name, and the
// session retries it with backoff like any other.
import { parseAvcDecoderConfigurationRecord } from '../codecs/h264/configuration-record';
import { parseHevcDecoderConfigurationRecord } from '../codecs/h265/configuration-record';
import type { RecordProblem } from '../codecs/record-problem';
import { FLV_TAG_VIDEO, videoTagInfo, type FlvTag } from '../flv/flv-tag';
import type { SourceFailure } from './source';

/** The record starts after the 5-byte video tag header in legacy and enhanced FLV alike. */
const RECORD_OFFSET = 5;

/** One per connection: a new connection must send its own configuration. */
export class MediaCheck {
  private configured = false;

  constructor(private readonly label: string) {}

  /** Undefined when the tag may be relayed; otherwise why the connection must end. */
  inspect(tag: FlvTag): SourceFailure | undefined {
    if (tag.type !== FLV_TAG_VIDEO) return undefined;
    const info = videoTagInfo(tag.data);
    // Other codecs are the codec check's business, not this one's.
    if (info.codec === 'other') return undefined;
    if (info.sequenceHeader) {
      const record = tag.data.subarray(RECORD_OFFSET);
      const parsed =
        info.codec === 'h264'
          ? parseAvcDecoderConfigurationRecord(record)
          : parseHevcDecoderConfigurationRecord(record);
      if (parsed.ok) {
        this.configured = true;
        return undefined;
      }
      // A bad record replacing a good one is as fatal as a first one: frames now follow it.
      this.configured = false;
      return this.failure(parsed);
    }
    if (!this.configured && carriesPicture(tag.data)) {
      return this.failure({
        ok: false,
        kind: 'damaged',
        problem: 'video frames arrive without a decoder configuration before them',
      });
    }
    return undefined;
  }

  private failure(problem: RecordProblem): SourceFailure {
    const words =
      problem.kind === 'damaged'
        ? 'the stream is damaged'
        : 'the camera sends video this display cannot decode';
    return {
      code: 'protocol-error',
      reason: 'damaged-video',
      message: `Camera '${this.label}': ${words} (${problem.problem}). Restart the camera, or check its video encoding settings.`,
      detail: problem.problem,
    };
  }
}

/**
 * Whether a (non sequence header) video tag holds coded pictures: AVCPacketType 1 in legacy
 * FLV, packet types 1 (CodedFrames) and 3 (CodedFramesX) in enhanced FLV. End-of-sequence and
 * metadata packets need no configuration.
 */
function carriesPicture(data: Uint8Array): boolean {
  const first = data[0] ?? 0;
  if ((first & 0x80) !== 0) {
    const packetType = first & 0x0f;
    return packetType === 1 || packetType === 3;
  }
  return data[1] === 1;
}
