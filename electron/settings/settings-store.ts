// What the wall remembers between runs, per configuration: language, the named layouts staff
// saved and what each display shows; and, for the PC as a whole, the staff PIN's hash and its
// wrong-try count. The store is electron-store in Electron and conf in the preview host: both
// take the same JSON schema (derived from store-schema.ts) and are injected here, so this
// module stays Electron-free. Every read is parsed by the same zod schema.
import type { DisplayChoice, SavedLayout } from '../contract/saved-layout';
import type { LayoutSelection, Locale } from '../contract/wall-contract';
import type { StaffRecord, StaffStore } from '../staff/staff-lock';
import { rememberedEntrySchema, staffRecordSchema } from './store-schema';

export { STORE_SCHEMA } from './store-schema';

export interface RememberedState {
  locale?: Locale;
  /** Before named layouts: the one preset layout. Read once and migrated (migrate-remembered.ts). */
  layout?: LayoutSelection;
  layouts?: SavedLayout[];
  displays?: Record<string, DisplayChoice>;
}

/** The part of conf / electron-store that we use. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export class SettingsMemory {
  constructor(
    private readonly store: KeyValueStore,
    /** Distinguishes configurations, so one file's layouts are not applied to another's. */
    private readonly configKey: string,
  ) {}

  read(): RememberedState {
    const all = this.store.get('remembered');
    if (typeof all !== 'object' || all === null) return {};
    const parsed = rememberedEntrySchema.safeParse(
      (all as Record<string, unknown>)[this.configKey],
    );
    // The layouts' inner shape is parsed one by one (migrate-remembered.ts).
    return parsed.success ? (parsed.data as RememberedState) : {};
  }

  write(change: RememberedState): void {
    const all = (this.store.get('remembered') as Record<string, RememberedState> | undefined) ?? {};
    this.store.set('remembered', {
      ...all,
      [this.configKey]: { ...all[this.configKey], ...change },
    });
  }

  readStaff(): StaffRecord {
    const parsed = staffRecordSchema.safeParse(this.store.get('staff'));
    return parsed.success ? parsed.data : {};
  }

  writeStaff(record: StaffRecord): void {
    this.store.set('staff', record);
  }

  /** The PIN's store: one per PC, whatever the configuration. */
  staffStore(): StaffStore {
    return { read: () => this.readStaff(), write: (record) => this.writeStaff(record) };
  }
}

/** The store's key for the settings staff made on this PC (settings-book.ts). */
export const LOCAL_SETTINGS_KEY = 'localSettings';

/** Where the settings book keeps staff's settings: the store's slot, or memory alone. */
export interface LocalSettingsSlot {
  read(): unknown;
  /** Throws when the store refuses the value (its schema). */
  write(value: unknown): void;
}

export function localSettingsSlot(store: KeyValueStore): LocalSettingsSlot {
  return {
    read: () => store.get(LOCAL_SETTINGS_KEY),
    write: (value) => store.set(LOCAL_SETTINGS_KEY, value),
  };
}

/** A staff store in memory, for a host that remembers nothing (tests). */
export function memoryStaffStore(): StaffStore {
  let record: StaffRecord = {};
  return { read: () => record, write: (next) => void (record = { ...next }) };
}

/** Forgets the staff PIN and its wrong-try count (the --reset-pin command). */
export function resetStaffPin(store: KeyValueStore): void {
  store.set('staff', {});
}
