// The provisioning poller wired into the real start-up (startWall with a fake host, a real data
// folder, a real configuration file and real signed bundles in a folder source): what the wall
// runs after a bundle, what it refuses and says, a rollback, the restart and a fixed file.
import { readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLIED_FILE, STATE_FILE } from '../../../electron/services/provisioning-wall';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flipByte, signed } from '../provisioning/bundle-fixtures';
import { bundle, camera, names, notice, pc, site, start, started, SECRET } from './provisioned-pc';

afterEach(async () => {
  for (const wall of started.splice(0)) await wall.close();
});

describe('provisioning wired into the wall', () => {
  it('applies a signed bundle at once, keeps staff centres, and says so in both languages', async () => {
    const place = pc();
    const log: string[] = [];
    const wall = await start(place, log);
    expect(names(wall)).toEqual(['Bộ phận Một cửa huyện', 'Phòng họp']);
    writeFileSync(join(place.bundles, 'wall-7.owb'), signed(bundle()));
    const status = await wall.provisioning!.pollOnce();
    expect(status.outcome).toBe('applied');
    expect(names(wall)).toEqual(['Trung tâm Phục vụ hành chính công', 'Phòng họp']);
    expect(wall.service.snapshot().cameras.map((c) => c.id)).toEqual([
      'huyen-1',
      'huyen-2',
      'staff-1',
    ]);
    expect(await notice(wall)).toMatchObject({
      severity: 'info',
      message: { vi: 'Đã áp dụng gói cấu hình số 7 của bộ phận CNTT.' },
    });
    // The state remembers the sequence; the applied parts keep secrets sealed for the fleet.
    expect(JSON.parse(readFileSync(join(place.dataDir, STATE_FILE), 'utf8'))).toMatchObject({
      lastAppliedSequence: 7,
    });
    const applied = readFileSync(join(place.dataDir, APPLIED_FILE), 'utf8');
    expect(applied).toContain('fleet:v1:');
    const files = readdirSync(place.dataDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((f) => f.isFile())) {
      expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(SECRET);
    }
    expect(log.join('\n')).not.toContain(SECRET);
    expect(log).toContainEqual(expect.stringMatching(/^provisioning: applied: bundle 7 applied/));
  });

  it('refuses a bundle with one flipped byte, changes nothing, and names the reason', async () => {
    const place = pc();
    const wall = await start(place);
    writeFileSync(join(place.bundles, 'wall-7.owb'), flipByte(signed(bundle()), 'payload', 40));
    const status = await wall.provisioning!.pollOnce();
    expect(status).toMatchObject({ outcome: 'refused', refusal: 'bad-signature' });
    expect(names(wall)).toEqual(['Bộ phận Một cửa huyện', 'Phòng họp']);
    expect(await notice(wall)).toMatchObject({
      severity: 'warning',
      message: {
        vi: expect.stringContaining('sai chữ ký (tệp bị sửa hoặc hỏng)'),
        en: expect.stringContaining('the signature does not match'),
      },
    });
  });

  it('refuses an older (replayed) bundle after a newer one', async () => {
    const place = pc();
    const wall = await start(place);
    writeFileSync(join(place.bundles, 'a.owb'), signed(bundle({ sequence: 8 })));
    expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    const old = bundle({ sequence: 7 });
    writeFileSync(join(place.bundles, 'b.owb'), signed(old));
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(place.bundles, 'b.owb'), later, later);
    expect(await wall.provisioning!.pollOnce()).toMatchObject({
      outcome: 'refused',
      refusal: 'replayed',
    });
    expect(await notice(wall)).toMatchObject({
      message: { vi: expect.stringContaining('số 7: gói cũ hoặc bị gửi lại') },
    });
  });

  it('rolls back when the new configuration cannot start with staff parts, and keeps playing', async () => {
    const place = pc();
    const wall = await start(place);
    // The bundle takes a camera id staff already use on this PC: the whole wall would be invalid.
    const clash = bundle({
      config: {
        sites: [site('huyen', 'Huyện')],
        cameras: [camera('huyen-1', 'huyen'), camera('staff-1', 'huyen')],
      },
    });
    writeFileSync(join(place.bundles, 'c.owb'), signed(clash));
    expect((await wall.provisioning!.pollOnce()).outcome).toBe('rolled-back');
    expect(names(wall)).toEqual(['Bộ phận Một cửa huyện', 'Phòng họp']);
    expect(await notice(wall)).toMatchObject({
      message: { vi: expect.stringContaining('máy đã quay lại cấu hình trước') },
    });
  });

  it('starts again on the bundle applied before the restart', async () => {
    const place = pc();
    const first = await start(place);
    writeFileSync(join(place.bundles, 'wall-7.owb'), signed(bundle()));
    expect((await first.provisioning!.pollOnce()).outcome).toBe('applied');
    await started.splice(0)[0]!.close();
    const log: string[] = [];
    const again = await start(place, log);
    expect(names(again)).toEqual(['Trung tâm Phục vụ hành chính công', 'Phòng họp']);
    expect(log).toContain('provisioning: the wall starts on bundle 7, applied earlier');
    expect((await again.provisioning!.pollOnce()).outcome).toBe('up-to-date');
  });

  it('keeps counting the plain-text passwords IT left in the file after a bundle, and a restart', async () => {
    const place = pc('File-Pass-1');
    const plain = (wall: Awaited<ReturnType<typeof start>>) =>
      wall.service.settingsControl!.status().notices.find((n) => n.id === 'plain-text-secrets')
        ?.message.vi;
    const first = await start(place);
    // huyen-1's password and the fleet key, both as IT wrote them.
    const said =
      'Tệp cấu hình có 2 mật khẩu ghi rõ. Nhân viên có thể chuyển vào kho bảo mật trong Cài đặt.';
    expect(plain(first)).toBe(said);
    // The bundle's password for huyen-1 goes to the vault; the file on disk still holds IT's.
    writeFileSync(join(place.bundles, 'wall-7.owb'), signed(bundle()));
    expect((await first.provisioning!.pollOnce()).outcome).toBe('applied');
    expect(readFileSync(place.config, 'utf8')).toContain('File-Pass-1');
    expect(plain(first)).toBe(said);
    await started.splice(0)[0]!.close();
    // Started again on the kept bundle: the same file, the same count.
    expect(plain(await start(place))).toBe(said);
  });

  it("keeps the bundle when staff move the file's passwords into the vault after it", async () => {
    const place = pc('File-Pass-1');
    const wall = await start(place);
    writeFileSync(join(place.bundles, 'wall-7.owb'), signed(bundle()));
    expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    // The move reads IT's file anew; the bundle's parts must go back over it at once.
    await wall.service.handle('staff:set-pin', { pin: '2468' }); // staff, unlocked
    const moved = await wall.service.handle('settings:move-secrets-to-vault', undefined);
    expect(moved).toMatchObject({ ok: true, value: { moved: 2 } });
    expect(readFileSync(place.config, 'utf8')).not.toContain('File-Pass-1');
    expect(names(wall)).toEqual(['Trung tâm Phục vụ hành chính công', 'Phòng họp']);
  });

  it('keeps the bundle when IT fixes a configuration file the wall had refused at start', async () => {
    const place = pc();
    const first = await start(place);
    writeFileSync(join(place.bundles, 'wall-7.owb'), signed(bundle()));
    expect((await first.provisioning!.pollOnce()).outcome).toBe('applied');
    await started.splice(0)[0]!.close();
    const good = readFileSync(place.config, 'utf8');
    writeFileSync(place.config, '{ broken');
    // Runs on the last configuration that worked, with the bundle over it.
    const wall = await start(place);
    expect(names(wall)).toEqual(['Trung tâm Phục vụ hành chính công', 'Phòng họp']);
    writeFileSync(place.config, good.replace('"locale":"vi"', '"locale":"en"'));
    await vi.waitFor(
      () =>
        expect(wall.service.settingsControl!.status().notices.map((n) => n.id)).not.toContain(
          'config-file-invalid',
        ),
      { timeout: 15_000, interval: 200 },
    );
    expect(names(wall)).toEqual(['Trung tâm Phục vụ hành chính công', 'Phòng họp']);
    expect(wall.service.snapshot().cameras.map((c) => c.id)).toContain('huyen-2');
  });
});
