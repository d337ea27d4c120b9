import type { TestApp } from './test-app.js';

/** Ids of real resources in one workspace, by the path segment that names their collection. */
export interface WorkspaceFixtures {
  ids: Record<string, string>;
  /** The secret of the API key created among the fixtures. */
  apiKey: string;
}

/** Creates one of each resource through the API with a workspace's key: contact (tagged, with a custom value, a note and a consent), tag, custom field, user, API key, job, export, import, saved search, segment, bulk action and automation. */
export async function createFixtures(
  t: TestApp,
  key: string,
  label: string,
  phone: string,
): Promise<WorkspaceFixtures> {
  const slug = label.toLowerCase().replaceAll(' ', '.');
  const post = async (path: string, body: unknown, status = 201) => {
    const response = await t.request('POST', path, { key, body });
    if (response.status !== status)
      throw new Error(`fixture ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const field = await post('/api/v1/custom-fields', { label: `${label} Field`, type: 'text' });
  const contact = await post('/api/v1/contacts', {
    name: `${label} Person`,
    phone,
    email: `${slug}@example.com`,
    company: `${label} Corp`,
    tags: [`${label} Tag`],
    custom: { [field.key]: `${label} value` },
  });
  const note = await post(`/api/v1/contacts/${contact.id}/notes`, { body: `${label} note`, pinned: true });
  await post(`/api/v1/contacts/${contact.id}/consents`, {
    channel: 'whatsapp',
    purpose: 'marketing',
    status: 'opted_in',
    source: `${label} form`,
  });
  const user = await post('/api/v1/users', { email: `${slug}.member@example.com`, name: `${label} Member` });
  const apiKey = await post('/api/v1/api-keys', { name: `${label} key`, role: 'admin' });
  const bulk = await post(
    '/api/v1/contacts/bulk',
    { selection: { q: 'matches no contact' }, action: 'add_tags', tags: [`${label} Bulk`] },
    202,
  );
  const exported = await post('/api/v1/exports', { selection: { all: true }, format: 'csv' }, 202);
  const savedSearch = await post('/api/v1/saved-searches', {
    name: `${label} search`,
    visibility: 'shared',
    filter: { field: 'company', op: 'eq', value: `${label} Corp` },
  });
  const segment = await post('/api/v1/segments', {
    name: `${label} segment`,
    filter: { field: 'company', op: 'eq', value: `${label} Corp` },
  });
  const automation = await post('/api/v1/automations', {
    name: `${label} automation`,
    trigger: { type: 'field_changed', field: 'jobTitle' },
    actions: [{ type: 'add_tags', tags: [`${label} Automated`] }],
  });
  const form = new FormData();
  form.append(
    'file',
    new Blob([`Name,Email\n${label} Imported,${slug}.imported@example.com\n`]),
    `${slug}.csv`,
  );
  const uploaded = await fetch(`${t.baseUrl}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  if (uploaded.status !== 201) throw new Error(`fixture /api/v1/imports answered ${uploaded.status}`);
  const imported = (await uploaded.json()) as { import: { id: string } };
  return {
    ids: {
      contacts: contact.id,
      tags: contact.tags[0].id,
      'custom-fields': field.id,
      notes: note.id,
      users: user.user.id,
      'api-keys': apiKey.apiKey.id,
      jobs: bulk.job.id,
      exports: exported.id,
      imports: imported.import.id,
      'saved-searches': savedSearch.id,
      segments: segment.id,
      'bulk-actions': bulk.job.id,
      automations: automation.id,
    },
    apiKey: apiKey.key,
  };
}
