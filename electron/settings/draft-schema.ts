// The staff screens' drafts as they arrive over IPC: untrusted until these zod schemas pass
// them, with the same messages as the configuration file (settings-schema.ts). What a draft
// means (secrets to the vault, the URL classified) is draft-to-config.ts's business.
import * as z from 'zod';
import { MESSAGES as M } from './schema-messages';
import { idSchema } from './settings-schema';

const text = () =>
  z
    .string({ error: M.nonEmptyText })
    .trim()
    .min(1, { error: M.nonEmptyText, abort: true })
    .max(200, { error: M.longText });

const secretDraft = z.union([
  z.object({ keep: z.literal(true) }),
  z.object({ value: z.string({ error: M.text }).max(1024) }),
]);

const authDraft = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('none') }),
    z.object({
      type: z.literal('password'),
      username: text(),
      password: secretDraft,
      allowBasicOverCleartext: z.boolean({ error: M.flag }).optional(),
    }),
    z.object({ type: z.literal('bearer'), token: secretDraft }),
    z.object({
      type: z.literal('nms-sign'),
      secret: secretDraft,
      ttlSeconds: z
        .number({ error: M.ttl })
        .int({ error: M.ttl })
        .min(10, { error: M.ttl })
        .optional(),
    }),
  ],
  { error: M.authType },
);

export const endpointDraftSchema = z.object(
  {
    url: z
      .string({ error: M.text })
      .trim()
      .min(1, { error: M.nonEmptyText })
      .max(2048, { error: M.longUrl }),
    auth: authDraft,
    tls: z.object({ ca: z.string().optional(), fingerprint: z.string().optional() }).optional(),
    allowBasicOverCleartext: z.boolean({ error: M.flag }).optional(),
    allowRedirectTo: z.array(z.string()).max(32).optional(),
  },
  { error: M.endpoint },
);

export const centreDraftSchema = z.object(
  {
    id: idSchema.optional(),
    name: text(),
    shortName: z.string({ error: M.text }).trim().max(200, { error: M.longText }).optional(),
    order: z
      .number({ error: M.order })
      .int({ error: M.order })
      .min(0, { error: M.order })
      .optional(),
  },
  { error: M.object },
);

export const cameraDraftSchema = z.object(
  {
    id: idSchema.optional(),
    siteId: text(),
    name: text(),
    availability: z.enum(['installed', 'not-installed', 'disabled'], { error: M.availability }),
    streams: z.object(
      { sub: endpointDraftSchema, main: endpointDraftSchema.optional() },
      { error: M.streams },
    ),
  },
  { error: M.object },
);

export const idPayloadSchema = z.object({ id: idSchema }, { error: M.object });

export const cameraTestSchema = z.object(
  {
    endpoint: endpointDraftSchema,
    cameraId: idSchema.optional(),
    quality: z.enum(['sub', 'main']),
  },
  { error: M.object },
);

export const exportSecretsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('omit') }),
  z.object({ mode: z.literal('passphrase'), passphrase: z.string().min(8).max(1024) }),
]);

export const importSchema = z.object({
  json: z.string().max(5_000_000),
  passphrase: z.string().max(1024).optional(),
});
