// Opens one connection attempt for a session, so that whatever the protocol does wrong stays
// a failure of that attempt: a factory that throws (a URL Node refuses, a bad option) must not
// take down the gateway request that attached the viewer, and a source that keeps talking
// after its end is not heard.
import { redactUrlsIn } from '../../logging/redact-url';
import type { FlvTag } from '../flv/flv-tag';
import type { SourceFactory, SourceFailure, SourceHandlers, UpstreamSource } from './source';

/** The started source, or null when it failed at once (its onEnd has then been called). */
export function startSource(
  factory: SourceFactory,
  label: string,
  handlers: SourceHandlers,
  /** Checks each tag before it is relayed; a failure it returns ends the attempt. */
  inspect?: (tag: FlvTag) => SourceFailure | null | undefined,
): UpstreamSource | null {
  let ended = false;
  const guarded: SourceHandlers = {
    onTag: (tag) => {
      if (ended) return;
      const damage = inspect?.(tag) ?? null;
      if (damage) guarded.onEnd(damage);
      else handlers.onTag(tag);
    },
    onCodec: (codec) => {
      if (!ended) handlers.onCodec?.(codec);
    },
    onEnd: (failure) => {
      if (ended) return;
      ended = true;
      handlers.onEnd(failure);
    },
  };
  let source: UpstreamSource;
  try {
    source = factory(guarded);
  } catch (error) {
    const detail = redactUrlsIn(error instanceof Error ? error.message : String(error));
    guarded.onEnd({
      code: 'protocol-error',
      message: `Camera '${label}': the stream cannot be opened (${detail}). Check the stream URL in the configuration.`,
      detail,
    });
    return null;
  }
  // A factory may fail synchronously by calling onEnd before returning.
  if (ended) {
    source.close();
    return null;
  }
  return source;
}
