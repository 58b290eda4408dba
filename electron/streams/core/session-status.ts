// How a source's failure reads as a stream state (the words come later, in the renderer).
import type { StreamState } from '../../contract/wall-contract';
import type { SourceFailure } from './source';

export function stateForFailure(failure: SourceFailure, hadFrames: boolean): StreamState {
  switch (failure.code) {
    case 'auth-failed':
    case 'unreachable':
    case 'not-found':
    case 'no-media':
    case 'stalled':
    case 'unsupported-codec':
      return failure.code;
    case 'ended':
      // A server that closes a stream that was playing has lost its signal; one that closes
      // before any frame has none to send.
      return hadFrames ? 'stalled' : 'no-media';
    case 'no-video-track':
    case 'protocol-error':
    case 'closed':
      return 'error';
  }
}
