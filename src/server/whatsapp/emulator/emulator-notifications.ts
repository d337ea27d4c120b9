import { errorDetails, errorTitle } from './emulator-errors.js';
import { unixSeconds } from './emulator-ids.js';

/** The business phone number a notification is about. */
export interface BusinessNumber {
  wabaId: string;
  phoneNumberId: string;
  displayNumber: string;
}

/** A status a sent message goes through. */
export type MessageStatus = 'sent' | 'delivered' | 'read' | 'failed';

function notification(business: BusinessNumber, value: Record<string, unknown>): object {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: business.displayNumber,
                phone_number_id: business.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** The webhook saying message `messageId` to `recipientId` reached `status` (`failed` carries `errorCode`). */
export function statusNotification(
  business: BusinessNumber,
  status: { messageId: string; recipientId: string; status: MessageStatus; errorCode?: number },
): object {
  const errors =
    status.errorCode === undefined
      ? {}
      : {
          errors: [
            {
              code: status.errorCode,
              title: errorTitle(status.errorCode),
              message: errorTitle(status.errorCode),
              error_data: { details: errorDetails(status.errorCode) },
            },
          ],
        };
  return notification(business, {
    statuses: [
      {
        id: status.messageId,
        status: status.status,
        timestamp: unixSeconds(),
        recipient_id: status.recipientId,
        ...errors,
      },
    ],
  });
}

/** The webhook carrying a message the customer `waId` (profile `name`) sent. */
export function inboundNotification(
  business: BusinessNumber,
  contact: { waId: string; name: string },
  message: object,
): object {
  return notification(business, {
    contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }],
    messages: [message],
  });
}
