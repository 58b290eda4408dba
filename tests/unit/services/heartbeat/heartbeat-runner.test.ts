// The heartbeat's loop with an injected clock, timers and POST: when it beats, how it backs
// off, when the status line hears of it, and that reconfiguring never leaves two loops.
import { describe, expect, it } from 'vitest';
import { verifyHeartbeat } from '../../../../electron/services/heartbeat/heartbeat-signature';
import { T0, runnerFixture, settings } from './runner-fixture';

const fail = (problem = 'https://it.example.vn/beat?key=*** answered HTTP 503') =>
  ({ ok: false, problem }) as const;

describe('heartbeat runner', () => {
  it('sends nothing without settings, disabled, or without a key on this PC', () => {
    const f = runnerFixture();
    f.runner.configure(undefined);
    f.runner.configure(settings({ enabled: false }));
    expect(f.timers).toHaveLength(0);
    f.runner.configure(settings({ secret: '' }));
    expect(f.timers).toHaveLength(0);
    expect(f.log.at(-1)).toMatch(/^heartbeat: off: heartbeat.secret is not on this PC/);
  });

  it('beats 30–60 s after start, then every N minutes, signed with the key', async () => {
    const f = runnerFixture();
    f.runner.configure(settings({ everyMinutes: 2 }));
    expect(f.log).toEqual([
      'heartbeat: every 2 min to https://it.example.vn/beat?key=*** as "PC-CAM-GIANG"',
    ]);
    expect(await f.fire()).toBe(45_000);
    expect(await f.fire()).toBe(120_000);
    expect(f.posts).toHaveLength(2);
    const last = f.posts[1]!;
    expect(JSON.parse(last.body)).toMatchObject({
      wall: 'PC-CAM-GIANG',
      sentAt: new Date(T0 + 165_000).toISOString(),
      uptimeSeconds: 165,
    });
    const check = verifyHeartbeat({
      body: last.body,
      timestamp: last.timestamp,
      signature: last.signature,
      secret: 'sixteen-chars-key!!',
      nowMs: T0 + 166_000,
    });
    expect(check).toEqual({ ok: true, timestamp: (T0 + 165_000) / 1000 });
  });

  it('uses the wall name IT gives rather than the host name', async () => {
    const f = runnerFixture();
    f.runner.configure(settings({ wallName: 'Phòng Chủ tịch UBND huyện' }));
    await f.fire();
    expect(JSON.parse(f.posts[0]!.body).wall).toBe('Phòng Chủ tịch UBND huyện');
  });

  it('retries after 30 s doubling, never slower than the period, and resumes the period', async () => {
    const f = runnerFixture([fail(), fail(), fail(), fail(), fail()]);
    f.runner.configure(settings({ everyMinutes: 3 }));
    await f.fire();
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) waits.push(await f.fire());
    // 30 s doubling, capped at the 3-minute period; jitter 0.2 with random 0.5 takes a tenth off.
    expect(waits).toEqual([27_000, 54_000, 108_000, 162_000, 162_000]);
    expect(f.timers[0]!.ms).toBe(180_000);
    expect(f.runner.failuresInARow).toBe(0);
  });

  it('tells the status line after 3 failures in a row, and takes it back on success', async () => {
    const f = runnerFixture([
      fail(),
      fail(),
      fail(),
      fail('cannot reach https://it.example.vn/beat?key=*** (ECONNREFUSED)'),
    ]);
    f.runner.configure(settings());
    await f.fire();
    await f.fire();
    expect(f.troubles).toEqual([]);
    await f.fire();
    expect(f.troubles).toEqual([
      { failures: 3, since: T0 + 45_000, problem: expect.stringContaining('HTTP 503') },
    ]);
    await f.fire();
    expect(f.troubles.at(-1)).toMatchObject({ failures: 4, since: T0 + 45_000 });
    await f.fire();
    expect(f.troubles.at(-1)).toBeNull();
    // Logged: the first failure, the count that became a notice, the new cause, the recovery.
    expect(f.log.slice(1)).toEqual([
      'heartbeat: not delivered: https://it.example.vn/beat?key=*** answered HTTP 503; the wall keeps running',
      'heartbeat: 3 beats in a row not delivered; IT does not see this wall',
      'heartbeat: not delivered: cannot reach https://it.example.vn/beat?key=*** (ECONNREFUSED); the wall keeps running',
      'heartbeat: delivered again after 4 failed beat(s)',
    ]);
  });

  it('never logs the key or a query value', async () => {
    const f = runnerFixture([fail(), fail(), fail()]);
    f.runner.configure(settings());
    for (let i = 0; i < 4; i++) await f.fire();
    f.runner.configure(undefined);
    const all = f.log.join('\n');
    expect(all).not.toContain('sixteen-chars-key');
    expect(all).not.toContain('query-secret-123');
    expect(f.log.at(-1)).toBe('heartbeat: off');
  });

  it('a sample that throws is a failed beat, not a stopped loop', async () => {
    const f = runnerFixture();
    const runner = f.runner as unknown as { options: { sample: () => never } };
    runner.options.sample = () => {
      throw new Error('disk gone');
    };
    f.runner.configure(settings());
    await f.fire();
    expect(f.posts).toHaveLength(0);
    expect(f.log.at(-1)).toContain('the beat could not be made (Error: disk gone)');
    expect(f.timers).toHaveLength(1);
  });

  it('reconfiguring restarts once, ignores the same settings, and drops the old beat’s answer', async () => {
    const f = runnerFixture();
    f.runner.configure(settings());
    f.runner.configure(settings());
    expect(f.timers).toHaveLength(1);
    f.holdPosts();
    await f.fire();
    expect(f.posts).toHaveLength(1);
    f.runner.configure(settings({ url: 'https://it2.example.vn/beat' }));
    expect(f.timers).toHaveLength(1);
    // The old beat answers late: it schedules nothing more.
    f.pending[0]!({ ok: false, problem: 'late' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(f.timers).toHaveLength(1);
    expect(f.log.join('\n')).not.toContain('late');
    f.runner.close();
    expect(f.timers).toHaveLength(0);
  });
});
