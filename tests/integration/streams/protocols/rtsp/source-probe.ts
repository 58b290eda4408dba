// Runs one SourceFactory and records what it delivers, with waits on conditions.
import type {
  SourceFactory,
  SourceFailure,
  UpstreamSource,
} from '../../../../../electron/streams/core/source';
import type { FlvTag } from '../../../../../electron/streams/flv/flv-tag';
import type { VideoCodec } from '../../../../../electron/contract/wall-contract';
import { Conditions } from '../../../../fixtures/conditions';

export interface SourceProbe {
  source: UpstreamSource;
  tags: FlvTag[];
  codecs: VideoCodec[];
  ends: SourceFailure[];
  ended: Promise<SourceFailure>;
  waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void>;
}

export function probe(factory: SourceFactory): SourceProbe {
  const conditions = new Conditions();
  const notify = () => conditions.notify();
  const tags: FlvTag[] = [];
  const codecs: VideoCodec[] = [];
  const ends: SourceFailure[] = [];
  let resolveEnd: (f: SourceFailure) => void = () => {};
  const ended = new Promise<SourceFailure>((r) => (resolveEnd = r));
  const source = factory({
    onTag: (t) => {
      tags.push(t);
      notify();
    },
    onCodec: (c) => {
      codecs.push(c);
      notify();
    },
    onEnd: (f) => {
      ends.push(f);
      resolveEnd(f);
      notify();
    },
  });
  return {
    source,
    tags,
    codecs,
    ends,
    ended,
    waitFor: (predicate, timeoutMs, what) =>
      conditions.waitFor(predicate, timeoutMs, what, () =>
        ends.length > 0 ? `source ended (${ends[0]!.code}: ${ends[0]!.message})` : null,
      ),
  };
}

/** Resolves with what onEnd reported, or rejects after timeoutMs. */
export function endWithin(p: SourceProbe, timeoutMs: number): Promise<SourceFailure> {
  return Promise.race([
    p.ended,
    new Promise<SourceFailure>((_, reject) =>
      setTimeout(() => reject(new Error(`onEnd not called within ${timeoutMs} ms`)), timeoutMs),
    ),
  ]);
}
