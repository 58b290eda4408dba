// The page's claims on the feed worker's spare sources (fmp4-spare-claims.ts): numbers go out in
// order whether or not their handles are here, a handle goes to its claim whenever it comes,
// one that arrives first waits for the next claims, and a number is never handed out twice.
import { describe, expect, it } from 'vitest';
import { SpareClaims } from '../../../renderer/src/player/fmp4-spare-claims';

const handle = (n: number) => ({ n }) as unknown as MediaSourceHandle;

describe('spare source claims', () => {
  it('claims 1, 2, 3… and attaches each handle when it comes, in any order', () => {
    const claims = new SpareClaims();
    const got: [string, unknown][] = [];
    expect(claims.claim((h) => got.push(['a', h]))).toBe(1);
    expect(claims.claim((h) => got.push(['b', h]))).toBe(2);
    claims.arrive([{ spare: 2, handle: handle(2) }]);
    claims.arrive([{ spare: 1, handle: handle(1) }]);
    expect(got).toEqual([
      ['b', handle(2)],
      ['a', handle(1)],
    ]);
  });

  it('a handle that comes before its claim is attached within the claim', () => {
    const claims = new SpareClaims();
    claims.arrive([1, 2, 3].map((n) => ({ spare: n, handle: handle(n) })));
    const got: unknown[] = [];
    claims.claim((h) => got.push(h));
    expect(got).toEqual([handle(1)]);
    claims.claim((h) => got.push(h));
    expect(got).toEqual([handle(1), handle(2)]);
  });

  it('a handle for a number already handed out (its claim gone) is not kept for another', () => {
    const claims = new SpareClaims();
    claims.claim(() => undefined);
    claims.clear(); // the worker failed: the claim waits no more
    claims.arrive([{ spare: 1, handle: handle(1) }]);
    const got: unknown[] = [];
    expect(claims.claim((h) => got.push(h))).toBe(2);
    expect(got).toEqual([]);
  });
});
