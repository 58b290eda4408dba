// MPEG-TS → the video elementary stream: PAT → PMT → the first H.264/H.265 PID → PES.
// Linear in the input and never throws on bad bytes. A lost packet (continuity-counter gap,
// transport error, a PES shorter than it said) is reported as a gap, because the pictures
// after it reference what was lost and only the next IDR decodes cleanly.
import type { VideoCodecName } from '../../codecs/nal-units';
import { PesAssembler, type PesPacket, type PesResult } from './pes-assembler';
import {
  SectionAssembler,
  STREAM_TYPE_H264,
  STREAM_TYPE_H265,
  otherVideoName,
  readPat,
  readPmt,
  type PmtStream,
} from './psi-tables';
import { TsPacketReader, type TsPacket } from './ts-packet-reader';

export type ProgramVideo =
  | { kind: 'video'; codec: VideoCodecName; pid: number }
  | { kind: 'unsupported'; streamType: number; name: string }
  | { kind: 'none' };

export type TsEvent =
  /** A PMT was read for the first time, or it changed what the video is. */
  { kind: 'program'; video: ProgramVideo } | { kind: 'video'; pes: PesPacket } | { kind: 'gap' };

export interface TsDemuxStats {
  packets: number;
  skippedBytes: number;
  syncLosses: number;
  badPackets: number;
  ccGaps: number;
  brokenPes: number;
}

const PAT_PID = 0x0000;

export class TsDemuxer {
  private readonly reader = new TsPacketReader();
  private readonly pat = new SectionAssembler();
  private pmt = new SectionAssembler();
  private pmtPid: number | undefined;
  private program: ProgramVideo | undefined;
  private videoPid: number | undefined;
  private readonly pes = new PesAssembler();
  private lastCc: number | undefined;
  private ccGaps = 0;
  private brokenPes = 0;

  push(chunk: Uint8Array): TsEvent[] {
    const out: TsEvent[] = [];
    this.reader.push(chunk, (packet) => this.packet(packet, out));
    return out;
  }

  /** The stream ended: a PES without a stated length is complete now. */
  flush(): TsEvent[] {
    const out: TsEvent[] = [];
    this.emit(this.pes.end(), out);
    return out;
  }

  get stats(): TsDemuxStats {
    const { packets, skippedBytes, syncLosses, badPackets } = this.reader;
    return {
      packets,
      skippedBytes,
      syncLosses,
      badPackets,
      ccGaps: this.ccGaps,
      brokenPes: this.brokenPes,
    };
  }

  /** What the current PMT says the video is; undefined before the first PMT. */
  get programVideo(): ProgramVideo | undefined {
    return this.program;
  }

  private packet(p: TsPacket, out: TsEvent[]): void {
    if (p.pid === this.videoPid) return this.video(p, out);
    if (!p.hasPayload) return;
    if (p.pid === PAT_PID) {
      for (const section of this.pat.push(p.payloadUnitStart, p.payload)) {
        const pmtPid = readPat(section);
        if (pmtPid !== undefined && pmtPid !== this.pmtPid) {
          this.pmtPid = pmtPid;
          this.pmt = new SectionAssembler();
        }
      }
    } else if (p.pid === this.pmtPid) {
      for (const section of this.pmt.push(p.payloadUnitStart, p.payload)) {
        const streams = readPmt(section);
        if (streams) this.onPmt(streams, out);
      }
    }
  }

  private onPmt(streams: PmtStream[], out: TsEvent[]): void {
    const video = pickVideo(streams);
    if (this.program && sameVideo(this.program, video)) return;
    this.program = video;
    const pid = video.kind === 'video' ? video.pid : undefined;
    if (pid !== this.videoPid) {
      this.videoPid = pid;
      this.pes.drop();
      this.lastCc = undefined;
    }
    out.push({ kind: 'program', video });
  }

  private video(p: TsPacket, out: TsEvent[]): void {
    if (!p.hasPayload) return; // the counter only advances with a payload
    const cc = p.continuityCounter;
    if (this.lastCc !== undefined && !p.discontinuity) {
      if (cc === this.lastCc) return; // a duplicate, which the standard allows once
      if (cc !== ((this.lastCc + 1) & 0x0f)) {
        this.ccGaps++;
        this.pes.drop();
        out.push({ kind: 'gap' });
      }
    }
    this.lastCc = cc;
    if (p.payloadUnitStart) {
      this.emit(this.pes.end(), out);
      this.emit(this.pes.begin(p.payload), out);
    } else {
      this.emit(this.pes.append(p.payload), out);
    }
  }

  private emit(result: PesResult, out: TsEvent[]): void {
    if (result === undefined) return;
    if (result === 'broken') {
      this.brokenPes++;
      out.push({ kind: 'gap' });
    } else {
      out.push({ kind: 'video', pes: result });
    }
  }
}

/** The first H.264/H.265 stream; else the first other video (to name it); else none. */
function pickVideo(streams: PmtStream[]): ProgramVideo {
  for (const s of streams) {
    if (s.streamType === STREAM_TYPE_H264) return { kind: 'video', codec: 'h264', pid: s.pid };
    if (s.streamType === STREAM_TYPE_H265) return { kind: 'video', codec: 'h265', pid: s.pid };
  }
  for (const s of streams) {
    const name = otherVideoName(s.streamType);
    if (name) return { kind: 'unsupported', streamType: s.streamType, name };
  }
  return { kind: 'none' };
}

function sameVideo(a: ProgramVideo, b: ProgramVideo): boolean {
  if (a.kind === 'video' && b.kind === 'video') return a.codec === b.codec && a.pid === b.pid;
  if (a.kind === 'unsupported' && b.kind === 'unsupported') return a.streamType === b.streamType;
  return a.kind === b.kind;
}
