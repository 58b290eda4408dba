import { describe, expect, it } from 'vitest';
import {
  RetryPolicy,
  STEADY_VIDEO_MS,
  failureKind,
} from '../../../../electron/streams/core/retry-policy';
import type { SourceFailureCode } from '../../../../electron/streams/core/source';

const noJitter = () => 0;
const worstJitter = () => 0.999_999;

describe('failureKind', () => {
  it('sorts every failure code into network, answered or login', () => {
    const codes: SourceFailureCode[] = [
      'auth-failed',
      'unreachable',
      'stalled',
      'not-found',
      'no-media',
      'unsupported-codec',
      'no-video-track',
      'protocol-error',
      'ended',
      'closed',
    ];
    expect(Object.fromEntries(codes.map((c) => [c, failureKind(c)]))).toEqual({
      'auth-failed': 'login',
      unreachable: 'network',
      stalled: 'network',
      'not-found': 'answered',
      'no-media': 'answered',
      'unsupported-codec': 'answered',
      'no-video-track': 'answered',
      'protocol-error': 'answered',
      ended: 'answered',
      closed: 'answered',
    });
  });
});

describe('RetryPolicy', () => {
  it('retries network failures fast: 500 ms growing by 1.8 to at most 2 s', () => {
    const policy = new RetryPolicy(noJitter);
    const delays = Array.from({ length: 6 }, () => policy.nextDelay('network'));
    expect(delays).toEqual([500, 900, 1_620, 2_000, 2_000, 2_000]);
  });

  it('backs a server that answers and keeps failing off to a minute: 1, 2, 4 … 60 s', () => {
    const policy = new RetryPolicy(noJitter);
    const delays = Array.from({ length: 9 }, () => policy.nextDelay('answered'));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('keeps jitter within 20 % below the answered delay', () => {
    const policy = new RetryPolicy(worstJitter);
    const delays = Array.from({ length: 7 }, () => policy.nextDelay('answered'));
    expect(delays).toEqual([800, 1_600, 3_200, 6_400, 12_800, 25_600, 48_000]);
  });

  it('counts the two kinds apart', () => {
    const policy = new RetryPolicy(noJitter);
    policy.nextDelay('answered');
    policy.nextDelay('answered');
    expect(policy.nextDelay('network')).toBe(500);
    expect(policy.nextDelay('answered')).toBe(4_000);
  });

  it('resets the network delay after healthy video, the answered one only after steady video', () => {
    const policy = new RetryPolicy(noJitter);
    for (let i = 0; i < 4; i += 1) policy.nextDelay('network');
    for (let i = 0; i < 4; i += 1) policy.nextDelay('answered');
    policy.networkHealthy();
    expect(policy.nextDelay('network')).toBe(500);
    expect(policy.nextDelay('answered')).toBe(16_000);
    policy.steady();
    expect(policy.nextDelay('answered')).toBe(1_000);
    expect(STEADY_VIDEO_MS).toBe(60_000);
  });
});
