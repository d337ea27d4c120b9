import { z } from 'zod';
import { CUSTOM_FIELD_TYPES, customFieldOptionsSchema } from './custom-field-types.js';

/** A custom field definition as the API shows it. */
export const customFieldSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: customFieldOptionsSchema,
  group: z.string().nullable(),
  description: z.string().nullable(),
  required: z.boolean(),
  position: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A custom field definition. */
export type CustomField = z.infer<typeof customFieldSchema>;

/** A field key: how the field is named in the API, filters and imports. */
export const fieldKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must start with a letter and use only a-z, 0-9 and _ (at most 64)');

/** Creating a custom field; the key is derived from the label when not given. */
export const customFieldCreateSchema = z
  .object({
    key: fieldKeySchema.optional(),
    label: z.string().trim().min(1).max(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: customFieldOptionsSchema.default({}),
    group: z.string().trim().max(100).nullable().optional(),
    description: z.string().trim().max(500).nullable().optional(),
    required: z.boolean().default(false),
    position: z.number().int().min(0).optional(),
  })
  .strict();

/** Changing a custom field (the key and type stay; see the guide). */
export const customFieldUpdateSchema = z
  .object({
    label: z.string().trim().min(1).max(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: customFieldOptionsSchema,
    group: z.string().trim().max(100).nullable(),
    description: z.string().trim().max(500).nullable(),
    required: z.boolean(),
    position: z.number().int().min(0),
  })
  .partial()
  .strict();

/** The preset groups a workspace adds in one click. */
export const CUSTOM_FIELD_PRESETS = ['ecommerce', 'saas', 'services'] as const;
