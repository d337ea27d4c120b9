import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../../test/support/test-database.js';
import type { Runtime } from '../runtime.js';
import { insertRows } from './insert-rows.js';

describeEachDialect('insertRows', (dialect) => {
  let runtime: Runtime;
  const workspaceId = 'ws-insert-rows';

  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    await insertRows(runtime.db.kysely, 'workspaces', [
      {
        id: workspaceId,
        name: 'Insert rows',
        default_country: 'BR',
        settings: '{}',
        created_at: '2026-11-28T00:00:00.000Z',
        updated_at: '2026-11-28T00:00:00.000Z',
      },
    ]);
  });
  afterAll(async () => runtime?.close());

  const tag = (i: number, description?: string | null) => ({
    workspace_id: workspaceId,
    id: `tag-${String(i).padStart(4, '0')}`,
    name: `Tag ${i}`,
    name_key: `tag ${i}`,
    color: 'blue',
    category: null,
    description,
    smart_rule: null,
    created_at: '2026-11-28T00:00:00.000Z',
    updated_at: '2026-11-28T00:00:00.000Z',
  });

  it('writes every row and value across statements of reused text, and rows of other shapes as they are', async () => {
    const db = runtime.db.kysely;
    await insertRows(
      db,
      'tags',
      Array.from({ length: 1_234 }, (_, i) => tag(i, i % 2 ? `about ${i}` : null)),
    );
    await insertRows(db, 'tags', [tag(5_000, 'kept'), { ...tag(5_001), description: undefined }]);
    const rows = await db
      .selectFrom('tags')
      .select(['id', 'name', 'description'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(1_236);
    expect(rows[0]).toEqual({ id: 'tag-0000', name: 'Tag 0', description: null });
    expect(rows[1_233]).toEqual({ id: 'tag-1233', name: 'Tag 1233', description: 'about 1233' });
    expect(rows.slice(-2)).toEqual([
      { id: 'tag-5000', name: 'Tag 5000', description: 'kept' },
      { id: 'tag-5001', name: 'Tag 5001', description: null },
    ]);
  });
});
