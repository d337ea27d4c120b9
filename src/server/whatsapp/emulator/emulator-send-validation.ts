import { isRecord } from './emulator-json.js';
import { toWaId } from './emulator-wa-id.js';

/** A well-formed request to the messages endpoint. */
export type SendRequest =
  | { kind: 'read'; messageId: string }
  | { kind: 'text'; to: string; waId: string; body: string; replyTo?: string }
  | { kind: 'template'; to: string; waId: string; name: string; language: string; parameters: string[] };

/** The request, or the Graph error code and details it deserves. */
export type ParsedSend = { ok: true; request: SendRequest } | { ok: false; code: number; details: string };

const MAX_TEXT_LENGTH = 4096;

const fail = (code: number, details: string): ParsedSend => ({ ok: false, code, details });
const missing = (field: string): ParsedSend => fail(100, `The parameter ${field} is required.`);

/** Checks the shape of a messages-endpoint body as the Cloud API does, naming the field at fault. */
export function parseSendRequest(body: unknown): ParsedSend {
  if (!isRecord(body)) return fail(100, 'The request body must be a JSON object.');
  if (body.messaging_product !== 'whatsapp')
    return fail(100, "The parameter messaging_product is required and must be 'whatsapp'.");
  if (body.status !== undefined) return parseMarkRead(body);
  if (typeof body.to !== 'string' || !body.to) return missing('to');
  const waId = toWaId(body.to);
  if (!waId) return fail(131009, `Param to must be a phone number such as +16505551234, not '${body.to}'.`);
  const type = body.type ?? 'text';
  if (type === 'text') return parseText(body, body.to, waId);
  if (type === 'template') return parseTemplate(body, body.to, waId);
  return fail(
    100,
    `Param type must be text or template: the emulator does not send '${String(type)}' messages.`,
  );
}

function parseMarkRead(body: Record<string, unknown>): ParsedSend {
  if (body.status !== 'read') return fail(100, "Param status must be 'read'.");
  if (typeof body.message_id !== 'string' || !body.message_id) return missing('message_id');
  return { ok: true, request: { kind: 'read', messageId: body.message_id } };
}

function parseText(body: Record<string, unknown>, to: string, waId: string): ParsedSend {
  const text = body.text;
  if (!isRecord(text) || typeof text.body !== 'string') return missing("text['body']");
  const length = Array.from(text.body).length;
  if (length === 0) return fail(100, "Param text['body'] must be at least 1 character long.");
  if (length > MAX_TEXT_LENGTH)
    return fail(100, `Param text['body'] must be at most ${MAX_TEXT_LENGTH} characters long.`);
  const replyTo =
    isRecord(body.context) && typeof body.context.message_id === 'string'
      ? body.context.message_id
      : undefined;
  return { ok: true, request: { kind: 'text', to, waId, body: text.body, ...(replyTo ? { replyTo } : {}) } };
}

function parseTemplate(body: Record<string, unknown>, to: string, waId: string): ParsedSend {
  const template = body.template;
  if (!isRecord(template) || typeof template.name !== 'string' || !template.name)
    return missing("template['name']");
  const language = template.language;
  if (!isRecord(language) || typeof language.code !== 'string' || !language.code)
    return missing("template['language']['code']");
  const components = template.components ?? [];
  if (!Array.isArray(components)) return fail(100, "Param template['components'] must be an array.");
  const index = components.findIndex(
    (component) => isRecord(component) && String(component.type).toLowerCase() === 'body',
  );
  const parameters = index < 0 ? [] : ((components[index] as Record<string, unknown>).parameters ?? []);
  if (!Array.isArray(parameters))
    return fail(100, `Param template['components'][${index}]['parameters'] must be an array.`);
  const texts: string[] = [];
  for (const [position, parameter] of parameters.entries()) {
    if (
      !isRecord(parameter) ||
      parameter.type !== 'text' ||
      typeof parameter.text !== 'string' ||
      !parameter.text
    )
      return fail(
        131009,
        `Param template['components'][${index}]['parameters'][${position}] must be {"type": "text", "text": "…"} with a non-empty text.`,
      );
    texts.push(parameter.text);
  }
  return {
    ok: true,
    request: { kind: 'template', to, waId, name: template.name, language: language.code, parameters: texts },
  };
}
