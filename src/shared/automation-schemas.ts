import { z } from 'zod';
import { filterNodeSchema } from './filter/filter-schema.js';

/** What sets an automation off for a contact. */
export const automationTriggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('segment_entered'), segmentId: z.string().min(1).max(100) }).strict(),
  z.object({ type: z.literal('segment_left'), segmentId: z.string().min(1).max(100) }).strict(),
  z.object({ type: z.literal('message_received') }).strict(),
  /** A field changed: `company`, `address.city`, `custom.<key>`, `assigneeId`, or `tags` (any tag added or removed). */
  z.object({ type: z.literal('field_changed'), field: z.string().trim().min(1).max(120) }).strict(),
]);
/** What sets an automation off. */
export type AutomationTrigger = z.infer<typeof automationTriggerSchema>;

const tagNames = z.array(z.string().trim().min(1).max(100)).min(1).max(20);

/** One thing an automation does to the contact. */
export const automationActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add_tags'), tags: tagNames }).strict(),
  z.object({ type: z.literal('remove_tags'), tags: tagNames }).strict(),
  z.object({ type: z.literal('assign'), assigneeId: z.string().min(1).max(100) }).strict(),
  z
    .object({
      type: z.literal('set_field'),
      field: z.string().trim().min(1).max(120),
      value: z.union([
        z.string().max(10_000),
        z.number().finite(),
        z.boolean(),
        z.array(z.string().max(1000)).max(100),
      ]),
    })
    .strict(),
  z.object({ type: z.literal('clear_field'), field: z.string().trim().min(1).max(120) }).strict(),
  /** POSTs the contact as JSON, signed with HMAC-SHA256 of the body under the automation's webhook secret. */
  z.object({ type: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }).max(2000) }).strict(),
]);
/** One thing an automation does. */
export type AutomationAction = z.infer<typeof automationActionSchema>;

/** Creating an automation. */
export const automationCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    enabled: z.boolean().default(true),
    trigger: automationTriggerSchema,
    /** Only contacts matching this filter, when given. */
    condition: filterNodeSchema.nullable().optional(),
    actions: z.array(automationActionSchema).min(1).max(10),
    /** The secret webhook calls are signed with (at least 16 characters); stored encrypted, never shown again. */
    webhookSecret: z.string().min(16).max(200).optional(),
  })
  .strict();
/** Creating an automation, after parsing. */
export type AutomationCreateInput = z.output<typeof automationCreateSchema>;

/** Changing an automation: only the fields given change. */
export const automationUpdateSchema = z
  .object({
    name: automationCreateSchema.shape.name.optional(),
    enabled: z.boolean().optional(),
    trigger: automationTriggerSchema.optional(),
    condition: filterNodeSchema.nullable().optional(),
    actions: automationCreateSchema.shape.actions.optional(),
    webhookSecret: automationCreateSchema.shape.webhookSecret,
  })
  .strict();
/** Changing an automation, after parsing. */
export type AutomationUpdateInput = z.output<typeof automationUpdateSchema>;

/** An automation as the API returns it. */
export const automationSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  trigger: automationTriggerSchema,
  condition: z.unknown().nullable(),
  actions: z.array(automationActionSchema),
  hasWebhookSecret: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** An automation as the API returns it. */
export type Automation = z.infer<typeof automationSchema>;

/** How a run ended. */
export const AUTOMATION_OUTCOMES = ['succeeded', 'failed', 'skipped', 'rate_limited'] as const;

/** One run of an automation on a contact. */
export const automationRunSchema = z.object({
  id: z.string(),
  automationId: z.string(),
  contactId: z.string(),
  trigger: z.string(),
  outcome: z.enum(AUTOMATION_OUTCOMES),
  error: z.string().nullable(),
  createdAt: z.string(),
});
/** One run of an automation on a contact. */
export type AutomationRun = z.infer<typeof automationRunSchema>;
