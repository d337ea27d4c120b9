import { readFileSync } from 'node:fs';
import type { Runtime } from '../../src/server/runtime.js';
import { InboxProcessor } from '../../src/server/whatsapp/inbox-processor.js';
import { signatureOf } from '../../src/server/whatsapp/webhook-signature.js';

/** The phone number id every WhatsApp test channel uses (the fixtures' number). */
export const TEST_PHONE_NUMBER_ID = '106540352242922';
/** The app secret test channels sign with. */
export const TEST_APP_SECRET = 'test-app-secret';

/** A sample payload from test/fixtures/whatsapp, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/whatsapp/${name}.json`, import.meta.url), 'utf8');
}

function envelope(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

/** An inbound text notification from a customer. */
export function textNotification(input: {
  from: string;
  id: string;
  text: string;
  name?: string;
  at?: Date;
  phoneNumberId?: string;
}): string {
  const timestamp = String(Math.floor((input.at ?? new Date()).getTime() / 1000));
  return envelope(input.phoneNumberId ?? TEST_PHONE_NUMBER_ID, {
    contacts: [{ profile: { name: input.name ?? 'Customer' }, wa_id: input.from }],
    messages: [{ from: input.from, id: input.id, timestamp, type: 'text', text: { body: input.text } }],
  });
}

/** A delivery status notification for an outbound message. */
export function statusNotification(input: {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipient: string;
  at?: Date;
  error?: { code: number; title: string };
}): string {
  const timestamp = String(Math.floor((input.at ?? new Date()).getTime() / 1000));
  return envelope(TEST_PHONE_NUMBER_ID, {
    statuses: [
      {
        id: input.id,
        status: input.status,
        timestamp,
        recipient_id: input.recipient,
        ...(input.error ? { errors: [{ ...input.error, message: input.error.title }] } : {}),
      },
    ],
  });
}

/** Headers of a webhook POST signed with a secret (the test channel's by default). */
export function signedHeaders(body: string, secret = TEST_APP_SECRET): Record<string, string> {
  return { 'content-type': 'application/json', 'x-hub-signature-256': signatureOf(body, secret) };
}

/** An inbox processor over a test app's database, to process what its webhook received (`drain()`). */
export function inboxProcessorOf(runtime: Runtime): InboxProcessor {
  return new InboxProcessor(runtime.services.uow, (id) =>
    runtime.services.channels.resolveByPhoneNumberId(id),
  );
}
