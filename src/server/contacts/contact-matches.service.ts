import type { ContactMatch, ContactMatchesQuery } from '../../shared/contact-schemas.js';
import type { UnitOfWork } from '../db/repositories.js';
import { notFound } from '../http/errors.js';
import { identitiesOf } from '../identities/identity-keys.js';
import { normalizePhone } from '../identities/normalize-phone.js';

/** Finds contacts that already hold a phone or email, so a form can warn before it creates a duplicate. */
export class ContactMatchesService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Contacts holding the phone (normalised like a save would) or the email; unreadable input matches nothing. */
  async findMatches(workspaceId: string, query: ContactMatchesQuery): Promise<ContactMatch[]> {
    const { repos } = this.uow;
    const workspace = await repos.workspaces.find(workspaceId);
    if (!workspace) throw notFound('Workspace');
    const keys = identitiesOf({
      phone: query.phone ? normalizePhone(query.phone, workspace.default_country) : null,
      email: query.email?.toLowerCase() ?? null,
    });
    const owners = (await repos.identities.findOwners(workspaceId, keys)).filter(
      (owner) => owner.contact_id !== query.excludeId,
    );
    const matches: ContactMatch[] = [];
    for (const owner of owners) {
      const contact = await repos.contacts.find(workspaceId, owner.contact_id);
      if (contact)
        matches.push({
          field: owner.kind === 'phone' ? 'phone' : 'email',
          contactId: contact.id,
          name: contact.display_name,
        });
    }
    return matches;
  }
}
