// Which players a maximised tile hides: every one whose <video> is outside its container, and
// none once it is gone. A tiny stand-in for the document: contains() by parent links.
import { describe, expect, it } from 'vitest';
import { suspendHidden, type Suspendable } from '../../../renderer/src/player/hidden-players';

interface Node {
  parent: Node | null;
}

function player(parent: Node): Suspendable & { suspended: boolean | null } {
  const video = { parent } as unknown as HTMLVideoElement;
  return {
    video,
    suspended: null,
    setSuspended(on) {
      this.suspended = on;
    },
  };
}

function doc(maximised: Node | null): Document {
  const container = maximised && {
    contains: (node: Node) => {
      for (let n: Node | null = node; n; n = n.parent) if (n === maximised) return true;
      return false;
    },
  };
  return { querySelector: () => container } as unknown as Document;
}

describe('suspendHidden', () => {
  const grid: Node = { parent: null };
  const maximised: Node = { parent: null };
  const cell: Node = { parent: grid };
  const big: Node = { parent: maximised };

  it('suspends the grid players under a maximised tile, not its own', () => {
    const players = [player(cell), player(big), player(grid)];
    suspendHidden(players, doc(maximised));
    expect(players.map((p) => p.suspended)).toEqual([true, false, true]);
  });

  it('resumes every player when no tile is maximised', () => {
    const players = [player(cell), player(big)];
    suspendHidden(players, doc(null));
    expect(players.map((p) => p.suspended)).toEqual([false, false]);
  });
});
