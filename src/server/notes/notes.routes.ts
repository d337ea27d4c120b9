import { z } from 'zod';
import {
  noteCreateSchema,
  noteRevisionSchema,
  noteSchema,
  noteUpdateSchema,
} from '../../shared/note-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Notes'];

/** Private notes on contacts. */
export function registerNoteRoutes(api: ApiInstance, { notes }: Services): void {
  api.get(
    '/contacts/:id/notes',
    {
      schema: {
        tags,
        summary: "A contact's notes, pinned first",
        params: idParams,
        response: { 200: z.object({ data: z.array(noteSchema) }) },
      },
    },
    async (request) => ({ data: await notes.listNotes(principalOf(request).workspaceId, request.params.id) }),
  );
  api.post(
    '/contacts/:id/notes',
    {
      schema: {
        tags,
        summary: 'Write a note on a contact',
        params: idParams,
        body: noteCreateSchema,
        response: { 201: noteSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await notes.createNote(principalOf(request), request.params.id, request.body)),
  );
  api.get(
    '/notes/:id',
    { schema: { tags, summary: 'Get a note', params: idParams, response: { 200: noteSchema } } },
    async (request) => notes.getNote(principalOf(request).workspaceId, request.params.id),
  );
  api.patch(
    '/notes/:id',
    {
      schema: {
        tags,
        summary: 'Edit or pin a note',
        params: idParams,
        body: noteUpdateSchema,
        response: { 200: noteSchema },
      },
    },
    async (request) => notes.updateNote(principalOf(request), request.params.id, request.body),
  );
  api.delete(
    '/notes/:id',
    { schema: { tags, summary: 'Delete a note', params: idParams } },
    async (request, reply) => {
      await notes.deleteNote(principalOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  api.get(
    '/notes/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Earlier versions of a note',
        params: idParams,
        response: { 200: z.object({ data: z.array(noteRevisionSchema) }) },
      },
    },
    async (request) => ({
      data: await notes.listRevisions(principalOf(request).workspaceId, request.params.id),
    }),
  );
}
