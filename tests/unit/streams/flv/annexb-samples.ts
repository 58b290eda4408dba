// Real x264/x265 access units from tests/fixtures/annexb (see make-fixtures.sh there): pictures
// split at their access unit delimiters, the way the RTP depacketiser hands them over.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isKeyframeNal,
  nalKind,
  splitAnnexB,
  type VideoCodecName,
} from '../../../../electron/streams/codecs/nal-units';
import type { Picture } from '../../../../electron/streams/flv/video-muxer';

export function readPictures(file: string, codec: VideoCodecName): Picture[] {
  const nalus = splitAnnexB(
    new Uint8Array(readFileSync(join(__dirname, '../../../fixtures/annexb', file))),
  );
  const pictures: Uint8Array[][] = [];
  for (const nal of nalus) {
    if (nalKind(codec, nal) === 'aud' || pictures.length === 0) pictures.push([]);
    pictures.at(-1)!.push(nal);
  }
  return pictures.map((au) => ({ nalus: au, keyframe: au.some((n) => isKeyframeNal(codec, n)) }));
}

/** 12 pictures, GOPs of 3; 320x180 for the first 6, then 160x96 (a new SPS at picture 6). */
export const H264_PICTURES = readPictures('h264-resize.h264', 'h264');
/** 6 pictures, GOPs of 3 (an IDR, then a CRA), 320x180. */
export const H265_PICTURES = readPictures('h265.h265', 'h265');

export function setsOf(picture: Picture, codec: VideoCodecName, kind: 'vps' | 'sps' | 'pps') {
  return picture.nalus.filter((n) => nalKind(codec, n) === kind);
}
