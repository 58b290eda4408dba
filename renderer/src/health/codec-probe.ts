// Which codecs this display decodes, asked rather than assumed: MSE (what the tiles play
// through) and WebCodecs' VideoDecoder, for H.264 (baseline, as the sub streams) and H.265 (main).
import type { CodecSupport } from '../contract';

const H264 = { mse: 'video/mp4; codecs="avc1.42E01E"', webCodecs: 'avc1.42E01E' };
const H265 = { mse: 'video/mp4; codecs="hvc1.1.6.L93.B0"', webCodecs: 'hvc1.1.6.L93.B0' };

async function probe(codec: { mse: string; webCodecs: string }): Promise<CodecSupport> {
  const mse = typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(codec.mse);
  let webCodecs: boolean | null = null;
  if (typeof VideoDecoder !== 'undefined') {
    try {
      const answer = await VideoDecoder.isConfigSupported({
        codec: codec.webCodecs,
        codedWidth: 1280,
        codedHeight: 720,
      });
      webCodecs = answer.supported === true;
    } catch {
      webCodecs = null;
    }
  }
  return { mse, webCodecs };
}

export async function probeCodecs(): Promise<{ h264: CodecSupport; h265: CodecSupport }> {
  const [h264, h265] = await Promise.all([probe(H264), probe(H265)]);
  return { h264, h265 };
}
