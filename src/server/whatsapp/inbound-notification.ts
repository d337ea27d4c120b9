import { z } from 'zod';

const profileSchema = z.object({ name: z.string().optional(), username: z.string().optional() }).loose();

const senderSchema = z
  .object({ wa_id: z.string().optional(), user_id: z.string().optional(), profile: profileSchema.optional() })
  .loose();

const messageSchema = z
  .object({
    id: z.string().min(1),
    from: z.string().optional(),
    from_user_id: z.string().optional(),
    timestamp: z.string(),
    type: z.string(),
    context: z.object({ id: z.string().optional(), from: z.string().optional() }).loose().optional(),
  })
  .loose();

const statusSchema = z
  .object({
    id: z.string().min(1),
    status: z.string(),
    timestamp: z.string(),
    recipient_id: z.string().optional(),
    errors: z
      .array(
        z.object({ code: z.number(), title: z.string().optional(), message: z.string().optional() }).loose(),
      )
      .optional(),
  })
  .loose();

const valueSchema = z
  .object({
    metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }).loose(),
    contacts: z.array(senderSchema).optional(),
    messages: z.array(messageSchema).optional(),
    statuses: z.array(statusSchema).optional(),
  })
  .loose();

/** The envelope of every WhatsApp webhook notification; what a change holds is read separately. */
export const notificationEnvelopeSchema = z
  .object({
    object: z.string(),
    entry: z.array(
      z
        .object({
          id: z.string().optional(),
          changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
        })
        .loose(),
    ),
  })
  .loose();

/** A message as WhatsApp sends it (type-specific parts kept as they came). */
export type WaMessage = z.infer<typeof messageSchema>;
/** Who sent a message: wa_id, business-scoped user id, profile. */
export type WaSender = z.infer<typeof senderSchema>;
/** A delivery status of an outbound message. */
export type WaStatus = z.infer<typeof statusSchema>;

/** What one change of a notification asks for, routed by the business number it was sent to. */
export interface NotificationChange {
  phoneNumberId: string;
  messages: Array<{ message: WaMessage; sender: WaSender | undefined }>;
  statuses: WaStatus[];
}

/** Reads the `messages` changes of a notification; a change that is not one of them, or is malformed, is reported. */
export function changesOf(body: unknown): { changes: NotificationChange[]; problems: string[] } {
  const envelope = notificationEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { changes: [], problems: ['not a WhatsApp notification'] };
  const changes: NotificationChange[] = [];
  const problems: string[] = [];
  for (const entry of envelope.data.entry)
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        problems.push(`change of field ${change.field} ignored`);
        continue;
      }
      const value = valueSchema.safeParse(change.value);
      if (!value.success) {
        problems.push(`malformed messages change: ${value.error.issues[0]?.message ?? 'unreadable'}`);
        continue;
      }
      const senders = value.data.contacts ?? [];
      changes.push({
        phoneNumberId: value.data.metadata.phone_number_id,
        messages: (value.data.messages ?? []).map((message) => ({
          message,
          sender:
            senders.find(
              (s) =>
                (message.from !== undefined && s.wa_id === message.from) ||
                (message.from_user_id !== undefined && s.user_id === message.from_user_id),
            ) ?? (senders.length === 1 ? senders[0] : undefined),
        })),
        statuses: value.data.statuses ?? [],
      });
    }
  return { changes, problems };
}

/** A WhatsApp timestamp (Unix seconds as a string) as ISO-8601; `fallback` when it is not one. */
export function isoOfTimestamp(timestamp: string, fallback: string): string {
  const seconds = Number(timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : fallback;
}
