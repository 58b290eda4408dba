// What the wall remembers between runs, per configuration: language, the named layouts staff
// saved and what each display shows; and, for the PC as a whole, the staff PIN's hash and its
// wrong-try count. The store is electron-store in Electron and conf in the preview host: both
// take the same JSON schema and are injected here, so this module stays Electron-free.
import { LAYOUT_PRESET_IDS } from '../contract/layout-presets';
import { LOCALES } from '../contract/locales';
import type { DisplayChoice, SavedLayout } from '../contract/saved-layout';
import type { LayoutSelection, Locale } from '../contract/wall-contract';
import type { StaffRecord, StaffStore } from '../staff/staff-lock';

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

// The layouts' inner shape is checked by parseSavedLayout when read, which also forgives a
// layout a newer version wrote; the schema only keeps the file's outline sound.
export const REMEMBERED_SCHEMA = {
  remembered: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        locale: { enum: [...LOCALES] },
        layout: {
          type: 'object',
          properties: {
            preset: { enum: [...LAYOUT_PRESET_IDS] },
            cameraIds: { type: 'array', items: { type: ['string', 'null'] } },
          },
          required: ['preset', 'cameraIds'],
        },
        layouts: { type: 'array', items: { type: 'object' } },
        displays: { type: 'object', additionalProperties: { type: 'object' } },
      },
    },
  },
  staff: {
    type: 'object',
    properties: {
      pinHash: { type: 'string' },
      failures: { type: 'integer', minimum: 0 },
      retryAt: { type: ['number', 'null'] },
    },
  },
} as const;

export class SettingsMemory {
  constructor(
    private readonly store: KeyValueStore,
    /** Distinguishes configurations, so one file's layouts are not applied to another's. */
    private readonly configKey: string,
  ) {}

  read(): RememberedState {
    const all = this.store.get('remembered');
    if (typeof all !== 'object' || all === null) return {};
    const entry = (all as Record<string, unknown>)[this.configKey];
    return typeof entry === 'object' && entry !== null ? (entry as RememberedState) : {};
  }

  write(change: RememberedState): void {
    const all = (this.store.get('remembered') as Record<string, RememberedState> | undefined) ?? {};
    this.store.set('remembered', {
      ...all,
      [this.configKey]: { ...all[this.configKey], ...change },
    });
  }

  readStaff(): StaffRecord {
    const staff = this.store.get('staff');
    return typeof staff === 'object' && staff !== null ? (staff as StaffRecord) : {};
  }

  writeStaff(record: StaffRecord): void {
    this.store.set('staff', record);
  }

  /** The PIN's store: one per PC, whatever the configuration. */
  staffStore(): StaffStore {
    return { read: () => this.readStaff(), write: (record) => this.writeStaff(record) };
  }
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
