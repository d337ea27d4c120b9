import { isRecord } from './emulator-json.js';
import { newMessageId, unixSeconds } from './emulator-ids.js';
import { inboundNotification, type BusinessNumber } from './emulator-notifications.js';
import type { EmulatorState } from './emulator-state.js';
import { toWaId } from './emulator-wa-id.js';
import type { WebhookSender } from './emulator-webhooks.js';

/** A customer message to play: a text, or a raw Cloud API message object of any type. */
export type InboundInput =
  { from: string; name?: string; text: string } | { from: string; name?: string; message: object };

/** The played message's id, and the webhook's HTTP status (0 when no webhook URL is set). */
export interface InboundResult {
  messageId: string;
  status: number;
}

/** The input of a simulated inbound message is not usable. */
export class InboundInputError extends Error {
  override readonly name = 'InboundInputError';
}

/** The MIME type media of each type gets when the raw message does not say. */
const MEDIA_TYPES: Record<string, string> = {
  image: 'image/jpeg',
  audio: 'audio/ogg; codecs=opus',
  video: 'video/mp4',
  document: 'application/pdf',
  sticker: 'image/webp',
};

/** What the simulator needs: the state to open windows and keep media in, and the webhook to post to. */
export interface InboundSimulatorDeps {
  state: EmulatorState;
  webhooks: WebhookSender;
  business: BusinessNumber;
  log: (line: string) => void;
}

/** Builds `simulateInbound`: plays a customer writing in, opening their 24-hour window and posting the webhook. */
export function createInboundSimulator(
  deps: InboundSimulatorDeps,
): (input: InboundInput) => Promise<InboundResult> {
  return async (input) => {
    const waId = toWaId(input.from);
    if (!waId)
      throw new InboundInputError(`from must be a phone number such as +5511987654321, not "${input.from}"`);
    const raw = 'message' in input ? input.message : { type: 'text', text: { body: input.text } };
    if (!isRecord(raw) || typeof raw.type !== 'string')
      throw new InboundInputError(
        'message must be a Cloud API message object with a "type", such as "image"',
      );
    const type = raw.type;
    const message = withMedia(
      { id: newMessageId(), timestamp: unixSeconds(), ...raw, from: waId },
      type,
      deps.state,
    );
    const messageId = String(message.id);
    deps.state.recordInbound(waId);
    const name = input.name ?? `Customer ${waId.slice(-4)}`;
    const status = deps.webhooks.url
      ? await deps.webhooks.post(inboundNotification(deps.business, { waId, name }, message))
      : 0;
    deps.log(
      `inbound ${type} ${messageId} from +${waId}: ${status ? `webhook answered HTTP ${status}` : 'no webhook URL set'}`,
    );
    return { messageId, status };
  };
}

/** Gives a media message's attachment an id the emulator knows, with its MIME type and hash. */
function withMedia(
  message: Record<string, unknown>,
  type: string,
  state: EmulatorState,
): Record<string, unknown> {
  const defaultMimeType = MEDIA_TYPES[type];
  if (!defaultMimeType) return message;
  const attachment = message[type];
  const given = isRecord(attachment) ? attachment : {};
  const givenId = typeof given.id === 'string' ? given.id : undefined;
  const mimeType = typeof given.mime_type === 'string' ? given.mime_type : defaultMimeType;
  const media = (givenId && state.findMedia(givenId)) || state.addMedia(mimeType, givenId);
  return {
    ...message,
    [type]: { ...given, id: media.id, mime_type: media.mimeType, sha256: media.sha256 },
  };
}
