// What the wall remembers between runs (layout and language), per configuration. The store
// itself is electron-store in Electron and conf in the preview host: both take the same
// JSON schema and are injected here, so this module stays Electron-free.
import { LAYOUT_PRESET_IDS } from '../contract/layout-presets';
import { LOCALES } from '../contract/locales';
import type { LayoutSelection, Locale } from '../contract/wall-contract';

export interface RememberedState {
  locale?: Locale;
  layout?: LayoutSelection;
}

/** The part of conf / electron-store that we use. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

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
      },
    },
  },
} as const;

export class SettingsMemory {
  constructor(
    private readonly store: KeyValueStore,
    /** Distinguishes configurations, so one file's layout is not applied to another's. */
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
}
