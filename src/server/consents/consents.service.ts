import type { z } from 'zod';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  type ConsentEntry,
  type consentRecordSchema,
  type ConsentState,
} from '../../shared/consent-schemas.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { ConsentsTable } from '../db/schema.js';
import { notFound } from '../http/errors.js';

function toEntry(row: ConsentsTable): ConsentEntry {
  return {
    id: row.id,
    channel: row.channel as ConsentEntry['channel'],
    purpose: row.purpose as ConsentEntry['purpose'],
    status: row.status as ConsentEntry['status'],
    source: row.source,
    proof: row.proof,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/** The current state per channel and purpose, derived from a ledger sorted newest first. */
export function deriveConsentState(history: ConsentEntry[]): ConsentState['current'] {
  return CONSENT_CHANNELS.flatMap((channel) =>
    CONSENT_PURPOSES.map((purpose) => {
      const latest = history.find((e) => e.channel === channel && e.purpose === purpose);
      return { channel, purpose, status: latest?.status ?? 'unknown', since: latest?.recordedAt ?? null };
    }),
  );
}

/** Consent: an append-only ledger per contact, channel and purpose. */
export class ConsentsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** A contact's current consent and its full history. */
  async getConsent(workspaceId: string, contactId: string): Promise<ConsentState> {
    if (!(await this.uow.repos.contacts.find(workspaceId, contactId))) throw notFound('Contact');
    const history = (await this.uow.repos.consents.listForContact(workspaceId, contactId)).map(toEntry);
    return { current: deriveConsentState(history), history };
  }

  /** Appends a decision to the ledger and records it on the contact's timeline. */
  async recordConsent(
    by: Principal,
    contactId: string,
    input: z.output<typeof consentRecordSchema>,
  ): Promise<ConsentState> {
    await this.uow.transaction(async (repos) => {
      if (!(await repos.contacts.find(by.workspaceId, contactId))) throw notFound('Contact');
      const now = nowIso();
      await repos.consents.append({
        workspace_id: by.workspaceId,
        id: newId(),
        contact_id: contactId,
        channel: input.channel,
        purpose: input.purpose,
        status: input.status,
        source: input.source,
        proof: input.proof ?? null,
        recorded_by: by.userId ?? by.id,
        recorded_at: now,
      });
      await repos.events.append(
        by.workspaceId,
        contactId,
        'consent_recorded',
        [{ field: `consent.${input.channel}.${input.purpose}`, before: null, after: input.status }],
        actorOf(by),
        now,
      );
    });
    return this.getConsent(by.workspaceId, contactId);
  }
}
