// The vault: every password, token and signing secret of the wall, kept apart from the
// settings (which hold only a reference, `vault:<camera>/<sub|main>/<field>`), each encrypted
// by the codec: Electron's safeStorage on a real PC, a key file in the preview host. The
// vault file is written atomically and its last good copy kept, like the settings.
import type { VaultProtection } from '../../contract/settings-view';
import { readJsonSafely, writeJsonAtomically } from '../atomic-json-file';
import type { SecretCodec } from '../protected-secrets';

export const VAULT_PREFIX = 'vault:';
export const isVaultRef = (value: string): boolean => value.startsWith(VAULT_PREFIX);

interface VaultFile {
  vault: 1;
  secrets: Record<string, string>;
}

const isVaultFile = (json: unknown): json is VaultFile =>
  typeof json === 'object' &&
  json !== null &&
  (json as VaultFile).vault === 1 &&
  typeof (json as VaultFile).secrets === 'object' &&
  (json as VaultFile).secrets !== null &&
  Object.values((json as VaultFile).secrets).every((v) => typeof v === 'string');

/** How a codec protects secrets, in the words of the contract. */
export function protectionOf(codec: SecretCodec | null, keyFile: boolean): VaultProtection {
  if (!codec?.available) return 'none';
  if (keyFile) return 'key-file';
  return codec.weak ? 'obscured' : 'os-keystore';
}

export class SecretVault {
  private secrets: Record<string, string>;
  /** Set when the vault file was damaged and its last good copy (or nothing) was read. */
  readonly warning: string | null;

  constructor(
    private readonly file: string | null,
    private readonly codec: SecretCodec,
    readonly protection: VaultProtection,
  ) {
    const read = file
      ? readJsonSafely(file, (json) =>
          isVaultFile(json)
            ? { ok: true, value: json }
            : { ok: false, problem: 'it is not a vault file' },
        )
      : ({ found: 'nothing', problem: null, keptAs: null } as const);
    this.secrets = read.found === 'nothing' ? {} : { ...read.value.secrets };
    this.warning =
      read.found === 'file' || read.problem === null
        ? null
        : `the vault ${file} was damaged (${read.problem}); ${read.keptAs ? `it was kept as ${read.keptAs}; ` : ''}${read.found === 'last-good' ? 'its last good copy is used' : 'secrets must be entered again'}`;
  }

  /** Stores a secret and answers its reference. */
  put(ref: string, plain: string): string {
    // The same secret again (every start re-reads the file): nothing to write.
    if (this.reveal(VAULT_PREFIX + ref) === plain) return VAULT_PREFIX + ref;
    this.secrets = { ...this.secrets, [ref]: this.codec.encrypt(plain) };
    this.save();
    return VAULT_PREFIX + ref;
  }

  /** The secret behind a `vault:` value, or null when the vault does not hold it. */
  reveal(value: string): string | null {
    const sealed = this.secrets[value.slice(VAULT_PREFIX.length)];
    if (!isVaultRef(value) || sealed === undefined) return null;
    try {
      return this.codec.decrypt(sealed);
    } catch {
      return null;
    }
  }

  has(value: string): boolean {
    return isVaultRef(value) && this.secrets[value.slice(VAULT_PREFIX.length)] !== undefined;
  }

  /** Forgets every secret whose reference starts with `prefix` (a deleted camera's). */
  forget(prefix: string): void {
    const kept = Object.entries(this.secrets).filter(([ref]) => !ref.startsWith(prefix));
    if (kept.length === Object.keys(this.secrets).length) return;
    this.secrets = Object.fromEntries(kept);
    this.save();
  }

  private save(): void {
    if (this.file) {
      writeJsonAtomically(this.file, { vault: 1, secrets: this.secrets } satisfies VaultFile);
    }
  }
}
