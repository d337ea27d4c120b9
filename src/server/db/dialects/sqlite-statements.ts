import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Prepared statements kept for reuse; SQL that varies (IN lists of every length) pushes out the least used. */
const STATEMENT_CACHE_SIZE = 1000;

type RowBuilder = (values: unknown[]) => Record<string, unknown>;

/**
 * Builds row objects from raw value arrays. better-sqlite3 looks every column name up again for every
 * row it turns into an object; an object literal of fixed shape, compiled once per statement, is
 * several times faster. Columns named alike keep the last value, as better-sqlite3's own rows do.
 */
function rowBuilder(names: string[]): RowBuilder {
  if (names.includes('__proto__')) {
    return (values) => {
      const row: Record<string, unknown> = {};
      names.forEach((name, i) => Object.defineProperty(row, name, { value: values[i], enumerable: true }));
      return row;
    };
  }
  const fields = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`);
  return new Function('values', `return { ${fields.join(', ')} };`) as RowBuilder;
}

function wrapStatement(statement: BetterSqlite3.Statement): SqliteStatement {
  if (!statement.reader) {
    return {
      reader: false,
      all: (parameters) => statement.all(parameters),
      run: (parameters) => statement.run(parameters),
      iterate: (parameters) => statement.iterate(parameters),
    };
  }
  statement.raw(true);
  const build = rowBuilder(statement.columns().map((c) => c.name));
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(build),
    run: (parameters) => statement.run(parameters),
    iterate: function* (parameters) {
      for (const values of statement.iterate(parameters)) yield build(values as unknown[]);
    },
  };
}

/**
 * The better-sqlite3 database as Kysely sees it, with two savings on every query: a statement is
 * prepared once per SQL text and reused, and rows are read as arrays and shaped in JavaScript.
 */
export function reusingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, { statement: BetterSqlite3.Statement; wrapped: SqliteStatement }>();
  return {
    close: () => database.close(),
    prepare: (requested) => {
      // Transactions take the write lock when they begin, so that processes sharing the file wait for
      // each other (busy timeout) instead of failing when a reading transaction turns into a writing one.
      const sqlText = requested === 'begin' ? 'begin immediate' : requested;
      const cached = cache.get(sqlText);
      if (cached && !cached.statement.busy) {
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached.wrapped;
      }
      const statement = database.prepare(sqlText);
      const wrapped = wrapStatement(statement);
      if (!cached) {
        cache.set(sqlText, { statement, wrapped });
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return wrapped;
    },
  };
}
