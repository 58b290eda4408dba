// The commands behind tools/wall-provision.ts, for district IT. Kept here (not in tools/) so
// the type checker and the tests see them. Exit codes: 0 done, 1 refused or failed, 2 usage.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseFleetKey } from './fleet-secrets';
import { prepareBundle } from './prepare-bundle';
import {
  UsageError,
  fail,
  keygen,
  signCommand,
  wholeNumber,
  type CliIo,
  type Values,
} from './provision-commands';
import { pinKeys, publicKeyFromPem } from './signing-keys';
import { verifyBundle } from './verify-bundle';

export type { CliIo } from './provision-commands';

export const USAGE = `Usage:
  wall-provision keygen --out DIR
  wall-provision sign --key signing-key.pem --fleet-key fleet.key --config wall.json
                      --manages sites,cameras[,layouts,schedule] --sequence N
                      [--expires-days 30] [--fleet NAME] --out bundle.owb
  wall-provision verify --pub public-key.pem [--last-sequence N] bundle.owb
  wall-provision diff --pub public-key.pem --fleet-key fleet.key --current wall.json bundle.owb`;

export async function runProvisionCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        key: { type: 'string' },
        'fleet-key': { type: 'string' },
        config: { type: 'string' },
        manages: { type: 'string' },
        sequence: { type: 'string' },
        'expires-days': { type: 'string' },
        fleet: { type: 'string' },
        pub: { type: 'string', multiple: true },
        'last-sequence': { type: 'string' },
        current: { type: 'string' },
      },
    });
    const need = (name: string): string => {
      const v = (values as Values)[name];
      if (typeof v !== 'string' || v === '') throw new UsageError(`${command} needs --${name}`);
      return v;
    };
    const bundlePath = (): string => {
      if (positionals.length !== 1) throw new UsageError(`${command} needs one bundle file`);
      return positionals[0]!;
    };
    switch (command) {
      case 'keygen':
        return await keygen(need('out'), io);
      case 'sign':
        return await signCommand(values as Values, need, io);
      case 'verify': {
        const keys = await loadPinned(values.pub);
        const last = values['last-sequence']
          ? wholeNumber(values['last-sequence'], 'last-sequence')
          : null;
        const result = verifyBundle(await readFile(bundlePath(), 'utf8'), {
          publicKeys: keys,
          now: io.now(),
          lastAppliedSequence: last,
        });
        if (!result.ok) return fail(io, result.message);
        const p = result.payload;
        io.out(
          `Valid: bundle ${p.sequence} for fleet "${p.fleet}", signed by ${result.keyId}, manages ${p.manages.join(', ')}, expires ${p.expiresAt}.`,
        );
        return 0;
      }
      case 'diff': {
        const keys = await loadPinned(values.pub);
        const fleetKey = parseFleetKey(await readFile(need('fleet-key')));
        const current = JSON.parse(await readFile(need('current'), 'utf8')) as Record<
          string,
          unknown
        >;
        const text = await readFile(bundlePath(), 'utf8');
        const result = prepareBundle(text, current, {
          publicKeys: keys,
          fleetKey,
          now: io.now(),
          lastAppliedSequence: null,
        });
        if (!result.ok) return fail(io, result.message);
        io.out(`Bundle ${result.payload.sequence} would change:`);
        for (const line of result.changes.lines) io.out(`  ${line}`);
        if (result.changes.lines.length === 0) io.out('  nothing');
        return 0;
      }
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`wall-provision: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    return fail(io, (error as Error).message);
  }
}

async function loadPinned(paths: string[] | undefined) {
  if (!paths || paths.length === 0) throw new UsageError('give the fleet public key with --pub');
  return pinKeys(await Promise.all(paths.map(async (p) => publicKeyFromPem(await readFile(p)))));
}
