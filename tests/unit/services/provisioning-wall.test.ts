// The provisioning poller wired into the real start-up (startWall with a fake host, a real data
// folder, a real configuration file and real signed bundles in a folder source): what the wall
// runs after a bundle, what it refuses and says, a rollback, and the restart.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundlePayload } from '../../../electron/provisioning/bundle-format';
import { encryptConfigSecrets } from '../../../electron/provisioning/fleet-secrets';
import { APPLIED_FILE, STATE_FILE } from '../../../electron/services/provisioning-wall';
import { startWall, type HostServing, type WallHost } from '../../../electron/services/start-wall';
import type { KeyValueStore } from '../../../electron/settings/settings-store';
import { T0, days, fleetKey, flipByte, signed, signer } from '../provisioning/bundle-fixtures';

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const wall of started.splice(0)) await wall.close();
});

const SECRET = 'Fleet-Pass-42';
const site = (id: string, name: string) => ({ id, name });
const camera = (id: string, siteId: string, password?: string) => ({
  id,
  siteId,
  name: `Quầy ${id}`,
  // Not installed: the wall does not try to reach these test addresses.
  availability: 'not-installed',
  streams: {
    sub: {
      url: `rtsp://192.0.2.10:554/${id}`,
      ...(password ? { auth: { type: 'password', username: 'viewer', password } } : {}),
    },
  },
});

/** A PC: IT's file (provisioned from a folder), its data folder, staff's own centre. */
function pc() {
  const dir = mkdtempSync(join(tmpdir(), 'prov-wall-'));
  const dataDir = join(dir, 'data');
  const bundles = join(dir, 'usb');
  const keyFile = join(dir, 'public-key.pem');
  writeFileSync(keyFile, signer.publicKey.export({ type: 'spki', format: 'pem' }));
  const config = join(dir, 'wall.json');
  writeFileSync(
    config,
    JSON.stringify({
      schemaVersion: 2,
      locale: 'vi',
      sites: [site('huyen', 'Bộ phận Một cửa huyện')],
      cameras: [camera('huyen-1', 'huyen')],
      layout: { preset: '2x2', cameraIds: ['huyen-1'] },
      provisioning: {
        source: bundles,
        publicKeys: [keyFile],
        fleetKey: fleetKey.toString('base64url'),
      },
    }),
  );
  mkdirSync(dataDir);
  mkdirSync(bundles);
  // Staff added their own centre on this PC: a bundle must keep it.
  writeFileSync(
    join(dataDir, 'settings-local.json'),
    JSON.stringify({
      schemaVersion: 2,
      sites: [site('staff-site', 'Phòng họp')],
      cameras: [camera('staff-1', 'staff-site')],
    }),
  );
  return { dir, dataDir, bundles, config };
}

function host(place: ReturnType<typeof pc>, log: string[]): WallHost<HostServing> {
  const data = new Map<string, unknown>();
  const store: KeyValueStore = { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
  return {
    log: (line) => log.push(line),
    config: { argument: place.config, environment: undefined, dataFolderFile: null },
    secretCodec: null,
    store: { open: () => store, file: join(place.dataDir, 'settings.json') },
    assetsDir: 'assets',
    allowedOrigins: () => ['app://wall'],
    // Polls only when a test asks; the bundles' clock is the fixtures' T0.
    provisioning: { now: () => T0, timers: { set: () => 0, clear: () => undefined } },
    serve: async () => ({ push: () => undefined, close: async () => undefined }),
  };
}

async function start(place: ReturnType<typeof pc>, log: string[] = []) {
  const wall = await startWall(host(place, log));
  started.push(wall);
  // The poll the start-up runs at once (empty folder): done before the test writes a bundle.
  await wall.provisioning?.pollOnce();
  return wall;
}

function bundle(overrides: Partial<BundlePayload> = {}): BundlePayload {
  return {
    issuedAt: T0.toISOString(),
    expiresAt: days(30).toISOString(),
    sequence: 7,
    fleet: 'cam-giang',
    manages: ['sites', 'cameras'],
    config: encryptConfigSecrets(
      {
        sites: [site('huyen', 'Trung tâm Phục vụ hành chính công')],
        cameras: [camera('huyen-1', 'huyen', SECRET), camera('huyen-2', 'huyen')],
      },
      fleetKey,
    ),
    ...overrides,
  };
}

const names = (wall: Awaited<ReturnType<typeof start>>) =>
  wall.service.snapshot().sites.map((s) => s.name);
const notice = async (wall: Awaited<ReturnType<typeof start>>) =>
  wall.service.settingsControl!.status().notices.find((n) => n.id === 'provisioning');

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
      message: { vi: expect.stringContaining('tường đã quay lại cấu hình trước') },
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

  it('a bundle that manages layouts changes the wall layout, unless staff saved their own', async () => {
    const place = pc();
    const wall = await start(place);
    const templates = () => wall.service.snapshot().layouts.map((l) => l.template);
    expect(templates()).toEqual(['2x2']);
    const layout = { preset: '3x3', cameraIds: [null, 'huyen-1'] };
    writeFileSync(
      join(place.bundles, 'l.owb'),
      signed(bundle({ manages: ['layouts'], config: { layout } })),
    );
    expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    // The file's own order first ("config"), then all centres, both on the new preset.
    expect(templates()).toEqual(['3x3', '3x3']);
    // Staff saved a layout: from then on the layouts are theirs.
    await wall.service.handle('staff:set-pin', { pin: '2468' });
    const grid = { columns: 1, rows: 1, tiles: [] };
    const saved = { id: 'mine', name: 'Mine', template: '1', grid, cameras: 'all' };
    expect(await wall.service.handle('layouts:save', saved)).toMatchObject({ ok: true });
    const next = { preset: '2x2', cameraIds: ['huyen-1'] };
    writeFileSync(
      join(place.bundles, 'm.owb'),
      signed(bundle({ sequence: 8, manages: ['layouts'], config: { layout: next } })),
    );
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(place.bundles, 'm.owb'), later, later);
    expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    expect(templates()).toEqual(['3x3', '3x3', '1']);
  });

  it('a bundle that manages office hours opens and closes the running wall', async () => {
    const place = pc();
    const wall = await start(place);
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const hours = (range: string[]) => ({
      timeZone: 'Asia/Ho_Chi_Minh',
      weekly: Object.fromEntries(days.map((d) => [d, range])),
    });
    const publish = async (sequence: number, schedule: unknown) => {
      const file = join(place.bundles, `s-${sequence}.owb`);
      writeFileSync(
        file,
        signed(bundle({ sequence, manages: ['schedule'], config: { schedule } })),
      );
      const later = new Date(Date.now() + sequence * 60_000);
      utimesSync(file, later, later);
      expect((await wall.provisioning!.pollOnce()).outcome).toBe('applied');
    };
    await publish(8, hours(['00:00-24:00']));
    expect(wall.service.hours.current()).toMatchObject({ inHours: true, showing: true });
    await publish(9, hours([]));
    expect(wall.service.hours.current()).toMatchObject({ inHours: false, showing: false });
  });

  it('does not poll without a data folder (no replay counter), and says so', async () => {
    const place = pc();
    const log: string[] = [];
    const wall = await startWall({ ...host(place, log), store: null });
    started.push(wall);
    expect(wall.provisioning).toBeNull();
    expect(await notice(wall)).toMatchObject({
      severity: 'error',
      message: { vi: 'Máy này không có thư mục dữ liệu nên không nhận gói cấu hình.' },
    });
    expect(log).toContainEqual(
      expect.stringMatching(/^provisioning: not started: this wall keeps no data folder/),
    );
  });

  it('polls on the configured period and stops when the wall closes', async () => {
    const place = pc();
    const armed: { ms: number; id: number }[] = [];
    const cleared: unknown[] = [];
    const timers = {
      set: (_run: () => void, ms: number) =>
        armed[armed.push({ ms, id: armed.length + 1 }) - 1]!.id,
      clear: (handle: unknown) => void cleared.push(handle),
    };
    const wall = await startWall({ ...host(place, []), provisioning: { now: () => T0, timers } });
    await wall.provisioning!.pollOnce();
    await vi.waitFor(() => expect(armed).toHaveLength(1));
    expect(armed[0]!.ms).toBe(5 * 60_000);
    await wall.close();
    expect(cleared).toEqual([armed[0]!.id]);
  });

  it('is not started without a provisioning field', async () => {
    const place = pc();
    const doc = JSON.parse(readFileSync(place.config, 'utf8'));
    delete doc.provisioning;
    writeFileSync(place.config, JSON.stringify(doc));
    const wall = await start(place);
    expect(wall.provisioning).toBeNull();
  });
});
