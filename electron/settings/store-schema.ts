// What the settings store holds, written once in zod: the JSON Schema that electron-store /
// conf validate the file with (on open and on every write) is derived from these schemas, and
// every read is parsed by them again. The store keeps, per configuration, the language, the
// named layouts and what each display shows; for the PC as a whole, the staff PIN record, the
// refused logins (login-records.ts) and the settings staff made on this PC (`localSettings`:
// centres and cameras in the configuration file's own form, secrets as vault references).
//
// Every object is loose: a key a newer version added is kept, not a reason to set the whole
// file aside after a downgrade. A saved layout's inner shape is checked one by one when read
// (parseSavedLayout), so a layout a newer version wrote is dropped alone, not the file.
import * as z from 'zod';
import { LAYOUT_PRESET_IDS } from '../contract/layout-presets';
import { LOCALES } from '../contract/locales';
import { cameraSchema, layoutSchema, siteSchema } from './settings-schema';

export const rememberedEntrySchema = z.looseObject({
  locale: z.enum(LOCALES).optional(),
  /** Before named layouts: the one preset layout (migrate-remembered.ts reads it once). */
  layout: z
    .looseObject({
      preset: z.enum(LAYOUT_PRESET_IDS as [string, ...string[]]),
      cameraIds: z.array(z.string().nullable()),
    })
    .optional(),
  layouts: z.array(z.looseObject({})).optional(),
  displays: z.record(z.string(), z.looseObject({})).optional(),
});

export const staffRecordSchema = z.looseObject({
  pinHash: z.string().optional(),
  failures: z.int().min(0).optional(),
  retryAt: z.number().nullable().optional(),
});

/** Staff's centres and cameras; checked as a part of the whole configuration when used. */
export const localSettingsSchema = z.looseObject({
  schemaVersion: z.int().min(1),
  sites: z.array(siteSchema),
  cameras: z.array(cameraSchema),
  locale: z.enum(LOCALES).optional(),
  layout: layoutSchema.optional(),
});

export const storeSchema = z.looseObject({
  remembered: z.record(z.string(), rememberedEntrySchema).optional(),
  staff: staffRecordSchema.optional(),
  localSettings: localSettingsSchema.optional(),
  /** Its entries are checked one by one when read (login-records.ts). */
  loginBackoff: z.unknown().optional(),
});

/** The store's keys, for the stores' `schema` option. */
export const STORE_SCHEMA = storeJsonSchema();

function storeJsonSchema(): Record<string, object> {
  const json = z.toJSONSchema(storeSchema, {
    // What may be written, before the settings schema's trimming and defaults.
    io: 'input',
    // A default would be written into the file by the store's validator (ajv's useDefaults):
    // the store keeps what was written, and the settings schema applies defaults when read.
    override: (ctx) => {
      delete (ctx.jsonSchema as { default?: unknown }).default;
    },
  }) as { properties: Record<string, object> };
  return json.properties;
}
