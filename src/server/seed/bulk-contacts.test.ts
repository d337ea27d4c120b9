import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../../test/support/test-database.js';
import { normalizePhone } from '../identities/normalize-phone.js';
import type { Runtime } from '../runtime.js';
import { seedBulkContacts } from './bulk-contacts.js';

describeEachDialect('bulk seeding', (dialect) => {
  let runtime: Runtime;
  let workspaceId: string;
  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    workspaceId = (await runtime.services.workspaces.createWorkspace('Seed')).id;
  });
  afterAll(async () => runtime.close());

  it('seeds again into the same workspace with valid, unique phones and emails', async () => {
    const { services, db } = runtime;
    await services.contacts.createContact(
      { workspaceId, actor: { type: 'system', id: null } },
      { firstName: 'Manual' },
    );
    await seedBulkContacts(services, workspaceId, 300);
    await seedBulkContacts(services, workspaceId, 700);
    expect(await services.uow.repos.contacts.count(workspaceId)).toBe(1001);
    const phones = await db.kysely
      .selectFrom('contact_identities')
      .select('value')
      .where('kind', '=', 'phone')
      .execute();
    expect(phones).toHaveLength(1000);
    for (const { value } of phones) expect(normalizePhone(value, 'US')).toBe(value);
    const page = await services.contacts.listContacts(workspaceId, { sort: 'name', limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.data[0]!.phone ?? page.data[1]!.phone).toMatch(/^\+\d+$/);
  });
});
