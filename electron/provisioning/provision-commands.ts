// keygen and sign: the commands that run on the IT PC, with the signing key.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSchedule } from '../schedule/validate-schedule';
import { parseSettings } from '../settings/validate-settings';
import { PART_KEYS, isManagedPart, type ManagedConfig, type ManagedPart } from './bundle-format';
import { toBase64url } from './canonical-json';
import { encryptConfigSecrets, parseFleetKey } from './fleet-secrets';
import { signBundle } from './sign-bundle';
import { keyIdOf, privateKeyFromPem } from './signing-keys';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  now(): Date;
}

export type Values = Record<string, string | string[] | boolean | undefined>;

export class UsageError extends Error {}

export function fail(io: CliIo, message: string): number {
  io.err(`wall-provision: ${message}`);
  return 1;
}

export function wholeNumber(text: string, name: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n))
    throw new UsageError(`--${name} must be a whole number`);
  return n;
}

export async function keygen(dir: string, io: CliIo): Promise<number> {
  await mkdir(dir, { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // 'wx': never overwrite an existing key; losing the old one would lock every PC out.
  const write = (name: string, content: string, mode: number) =>
    writeFile(join(dir, name), content, { flag: 'wx', mode });
  await write(
    'signing-key.pem',
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    0o600,
  );
  await write('fleet.key', `${toBase64url(randomBytes(32))}\n`, 0o600);
  await write(
    'public-key.pem',
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    0o644,
  );
  io.out(`Key id: ${keyIdOf(publicKey)}`);
  io.out(
    `Wrote ${join(dir, 'signing-key.pem')} and ${join(dir, 'fleet.key')} (keep both private) and ${join(dir, 'public-key.pem')}.`,
  );
  io.out(
    'Install public-key.pem and fleet.key on each wall PC once; keep signing-key.pem on the IT PC only.',
  );
  return 0;
}

export async function signCommand(
  values: Values,
  needs: (name: string) => string,
  io: CliIo,
): Promise<number> {
  const manages = needs('manages')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = manages.filter((m) => !isManagedPart(m));
  if (manages.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--manages takes sites, cameras, layouts, schedule (not ${unknown.join(', ') || 'nothing'})`,
    );
  }
  const sequence = wholeNumber(needs('sequence'), 'sequence');
  const days = values['expires-days']
    ? wholeNumber(values['expires-days'] as string, 'expires-days')
    : 30;
  const privateKey = privateKeyFromPem(await readFile(needs('key')));
  const fleetKey = parseFleetKey(await readFile(needs('fleet-key')));
  const configPath = needs('config');
  const raw = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
  const parsed = parseSettings(raw);
  if (!parsed.ok)
    return fail(
      io,
      `${configPath} is not a valid wall configuration:\n  ${parsed.errors.join('\n  ')}`,
    );
  const config: ManagedConfig = {};
  for (const part of manages as ManagedPart[]) {
    const key = PART_KEYS[part];
    if (key === 'schedule') {
      const schedule = parseSchedule(raw.schedule, 'Asia/Ho_Chi_Minh');
      if (raw.schedule === undefined || !schedule.ok) {
        return fail(
          io,
          `the bundle manages the schedule, but ${configPath} has ${schedule.ok ? 'no "schedule"' : `an invalid one: ${schedule.errors.join('; ')}`}`,
        );
      }
      config.schedule = raw.schedule;
    } else config[key] = parsed.settings[key];
  }
  if (JSON.stringify(config).includes('"safe:')) {
    return fail(
      io,
      `${configPath} holds secrets protected for one PC ("safe:…"); they cannot be moved. Put the clear secrets in the file on the IT PC; the bundle encrypts them for the fleet.`,
    );
  }
  const issuedAt = io.now();
  const text = signBundle(
    {
      issuedAt: issuedAt.toISOString(),
      expiresAt: new Date(issuedAt.getTime() + days * 86_400_000).toISOString(),
      sequence,
      fleet: (values.fleet as string | undefined) ?? 'district',
      manages: manages as ManagedPart[],
      config: encryptConfigSecrets(config, fleetKey),
    },
    privateKey,
  );
  await writeFile(needs('out'), text);
  io.out(
    `Signed bundle ${sequence} (manages ${manages.join(', ')}, expires in ${days} days) to ${needs('out')}.`,
  );
  return 0;
}
