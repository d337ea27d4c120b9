import { consentRecordSchema, consentStateSchema } from '../../shared/consent-schemas.js';
import { idParams, principalOf, type ApiInstance } from '../http/api-instance.js';
import type { Services } from '../services.js';

const tags = ['Consent'];

/** The consent ledger of a contact. */
export function registerConsentRoutes(api: ApiInstance, { consents }: Services): void {
  api.get(
    '/contacts/:id/consents',
    {
      schema: {
        tags,
        summary: 'Current consent per channel and purpose, with the full ledger',
        params: idParams,
        response: { 200: consentStateSchema },
      },
    },
    async (request) => consents.getConsent(principalOf(request).workspaceId, request.params.id),
  );
  api.post(
    '/contacts/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent decision (append-only)',
        params: idParams,
        body: consentRecordSchema,
        response: { 201: consentStateSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await consents.recordConsent(principalOf(request), request.params.id, request.body)),
  );
}
