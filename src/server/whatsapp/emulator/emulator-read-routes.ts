import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  admitBearer,
  admitGraphCall,
  sendGraphError,
  unknownObject,
  type EmulatorContext,
} from './emulator-context.js';
import { EMULATOR_TEMPLATES } from './emulator-templates.js';

const DEFAULT_PAGE_SIZE = 25;

/** The emulator's own origin as the caller reached it, for absolute URLs in answers. */
function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

const encodeCursor = (index: number) => Buffer.from(String(index)).toString('base64url');
const decodeCursor = (cursor: string) => Number(Buffer.from(cursor, 'base64url').toString());

/**
 * The Graph reads: `GET /{version}/{wabaId}/message_templates` (paged with `limit` and `after`, like the real
 * one), `GET /{version}/{id}` for the phone number or a media file, and `GET /_emulator/media/{id}` to download it.
 */
export function registerReadRoutes(app: FastifyInstance, context: EmulatorContext): void {
  const { business, state } = context;

  app.get<{
    Params: { version: string; wabaId: string };
    Querystring: { limit?: string; after?: string };
  }>('/:version/:wabaId/message_templates', async (request, reply) => {
    if (!admitGraphCall(request, reply, context)) return reply;
    if (request.params.wabaId !== business.wabaId) return unknownObject(reply, 'get', request.params.wabaId);
    const limit = request.query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1)
      return sendGraphError(reply, 100, 'Param limit must be a positive integer.');
    const start = request.query.after === undefined ? 0 : decodeCursor(request.query.after) + 1;
    if (!Number.isInteger(start) || start < 0)
      return sendGraphError(reply, 100, 'Param after is not a valid cursor.');
    const data = EMULATOR_TEMPLATES.slice(start, start + limit);
    const last = start + data.length - 1;
    const path = request.url.split('?')[0];
    return {
      data,
      paging: {
        cursors: { before: encodeCursor(start), after: encodeCursor(last) },
        ...(last < EMULATOR_TEMPLATES.length - 1
          ? { next: `${origin(request)}${path}?limit=${limit}&after=${encodeCursor(last)}` }
          : {}),
      },
    };
  });

  app.get<{ Params: { version: string; id: string } }>('/:version/:id', async (request, reply) => {
    if (!admitGraphCall(request, reply, context)) return reply;
    const { id } = request.params;
    if (id === business.phoneNumberId) {
      return {
        verified_name: 'Rolo Emulator',
        code_verification_status: 'VERIFIED',
        display_phone_number: business.displayNumber,
        quality_rating: 'GREEN',
        platform_type: 'CLOUD_API',
        throughput: { level: 'STANDARD' },
        id,
      };
    }
    const media = state.findMedia(id);
    if (!media) return unknownObject(reply, 'get', id);
    return {
      messaging_product: 'whatsapp',
      url: `${origin(request)}/_emulator/media/${media.id}`,
      mime_type: media.mimeType,
      sha256: media.sha256,
      file_size: media.bytes.length,
      id: media.id,
    };
  });

  app.get<{ Params: { id: string } }>('/_emulator/media/:id', async (request, reply) => {
    if (!admitBearer(request, reply, context)) return reply;
    const media = state.findMedia(request.params.id);
    if (!media) return unknownObject(reply, 'get', request.params.id);
    return reply.type(media.mimeType).send(media.bytes);
  });
}
