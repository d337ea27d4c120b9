import { z } from 'zod';
import {
  contactCreateSchema,
  contactListQuerySchema,
  contactPatchSchema,
  contactSchema,
} from '../../shared/contact-schemas.js';
import { bulkActionSchema, bulkResultSchema } from '../../shared/bulk-schemas.js';
import { jobSchema } from '../../shared/job-schemas.js';
import { tagRefsSchema } from '../../shared/tag-schemas.js';
import { actorOf } from '../auth/principal.js';
import { idParams, pageOf, principalOf, type ApiInstance } from '../http/api-instance.js';
import { invalidField } from '../http/errors.js';
import { contactListWhere } from '../segments/contact-list-where.js';
import type { Services } from '../services.js';

const tags = ['Contacts'];

/** Reads a version from `If-Match: "3"` or `W/"3"`. */
function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw invalidField('If-Match', 'must be the contact version, such as "3"');
  return Number(match[1]);
}

/** Contacts: create, read, list, patch, delete, tags on a contact, identities. */
export function registerContactRoutes(
  api: ApiInstance,
  { contacts, bulkContacts, filters, segments }: Services,
): void {
  api.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'List contacts (keyset pagination), optionally searched (q) and filtered (filter)',
        querystring: contactListQuerySchema,
        response: { 200: pageOf(contactSchema) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const where = await contactListWhere({ filters, segments }, workspaceId, request.query);
      return contacts.listContacts(workspaceId, request.query, where);
    },
  );

  api.post(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Create a contact',
        body: contactCreateSchema,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const contact = await contacts.createContact(
        { workspaceId: principal.workspaceId, actor: actorOf(principal) },
        request.body,
      );
      return reply.status(201).header('etag', `"${contact.version}"`).send(contact);
    },
  );

  api.get(
    '/contacts/:id',
    { schema: { tags, summary: 'Get a contact', params: idParams, response: { 200: contactSchema } } },
    async (request, reply) => {
      const contact = await contacts.getContact(principalOf(request).workspaceId, request.params.id);
      return reply.header('etag', `"${contact.version}"`).send(contact);
    },
  );

  api.patch(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change some fields of a contact',
        description:
          'Only the fields given change; null clears a field. Send `version` or If-Match to refuse stale updates with 409.',
        params: idParams,
        body: contactPatchSchema,
        headers: z.object({ 'if-match': z.string().optional() }),
        response: { 200: contactSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const contact = await contacts.updateContact(
        { workspaceId: principal.workspaceId, actor: actorOf(principal) },
        request.params.id,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      );
      return reply.header('etag', `"${contact.version}"`).send(contact);
    },
  );

  api.delete(
    '/contacts/:id',
    { schema: { tags, summary: 'Delete a contact', params: idParams } },
    async (request, reply) => {
      const principal = principalOf(request);
      await contacts.deleteContact(
        { workspaceId: principal.workspaceId, actor: actorOf(principal) },
        request.params.id,
      );
      return reply.status(204).send();
    },
  );

  api.post(
    '/contacts/:id/tags',
    {
      schema: {
        tags,
        summary: 'Add tags to a contact (by id or name; new names create tags)',
        params: idParams,
        body: tagRefsSchema,
        response: { 200: contactSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return contacts.addTags(
        { workspaceId: principal.workspaceId, actor: actorOf(principal) },
        request.params.id,
        request.body.tags,
      );
    },
  );

  api.delete(
    '/contacts/:id/tags/:tagId',
    {
      schema: {
        tags,
        summary: 'Remove a tag from a contact',
        params: z.object({ id: z.string().max(100), tagId: z.string().max(100) }),
        response: { 200: contactSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return contacts.removeTag(
        { workspaceId: principal.workspaceId, actor: actorOf(principal) },
        request.params.id,
        request.params.tagId,
      );
    },
  );

  api.get(
    '/contacts/:id/identities',
    {
      schema: {
        tags,
        summary: 'How the contact is recognised (phone, email, WhatsApp and CRM ids)',
        params: idParams,
        response: { 200: z.object({ data: z.array(z.object({ kind: z.string(), value: z.string() })) }) },
      },
    },
    async (request) => ({
      data: await contacts.listIdentities(principalOf(request).workspaceId, request.params.id),
    }),
  );

  api.post(
    '/contacts/bulk',
    {
      schema: {
        tags,
        summary: 'Add tags, remove tags or delete many contacts',
        description:
          'Up to 100 listed ids run at once (200 with per-contact results); larger selections run as a job (202; follow GET /jobs/:id).',
        body: bulkActionSchema,
        response: { 200: bulkResultSchema, 202: z.object({ job: jobSchema }) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const outcome = await bulkContacts.startBulkAction(
        { workspaceId: principal.workspaceId, actor: actorOf(principal) },
        request.body,
      );
      return 'job' in outcome ? reply.status(202).send({ job: outcome.job }) : reply.send(outcome.result);
    },
  );
}
