import { expect, it } from 'vitest';
import { describeEachDialect, openTestRuntime } from '../../../test/support/test-database.js';
import { migrateToLatest } from './migrate.js';

describeEachDialect('migrations', (dialect) => {
  it('migrates a fresh database while another one beside it is migrated too, and then has nothing left to do', async () => {
    const first = await openTestRuntime(dialect);
    try {
      const second = await openTestRuntime(dialect);
      try {
        expect(await migrateToLatest(second.db)).toEqual([]);
        await second.db.kysely.selectFrom('contacts').select('id').execute();
      } finally {
        await second.close();
      }
      expect(await migrateToLatest(first.db)).toEqual([]);
    } finally {
      await first.close();
    }
  });
});
