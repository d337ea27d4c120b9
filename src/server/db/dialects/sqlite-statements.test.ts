import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reusingStatements } from './sqlite-statements.js';

describe('reusingStatements', () => {
  let database: BetterSqlite3.Database;
  beforeEach(() => {
    database = new BetterSqlite3(':memory:');
    database.exec(`create table t (id integer primary key, name text, score real, data blob);
      insert into t values (1, 'Ann', 1.5, x'00ff'), (2, 'Bob', null, null), (3, 'Cid', 0.1, null);`);
  });
  afterEach(() => database.close());

  it('returns the same rows as better-sqlite3 itself, with the same key order', () => {
    const sqlText = 'select * from t order by id';
    const rows = reusingStatements(database).prepare(sqlText).all([]);
    const expected = database.prepare(sqlText).all();
    expect(rows).toEqual(expected);
    expect(rows.map((r) => Object.keys(r as object))).toEqual(expected.map((r) => Object.keys(r as object)));
  });

  it('keeps the last value of columns named alike, and never lets a column set the prototype', () => {
    const db = reusingStatements(database);
    expect(db.prepare('select id as x, name as x from t where id = ?').all([1])).toEqual([{ x: 'Ann' }]);
    const [row] = db.prepare('select name as __proto__ from t where id = ?').all([1]) as object[];
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('Ann');
  });

  it('prepares each SQL text once and reuses the statement', () => {
    const db = reusingStatements(database);
    expect(db.prepare('select name from t where id = ?')).toBe(db.prepare('select name from t where id = ?'));
    const write = db.prepare('update t set name = ? where id = ?');
    expect(write.reader).toBe(false);
    expect(write.run(['Ada', 1]).changes).toBe(1);
    expect(db.prepare('select name from t where id = ?').all([1])).toEqual([{ name: 'Ada' }]);
  });

  it('prepares a second statement while the cached one is still streaming', () => {
    const db = reusingStatements(database);
    const sqlText = 'select id from t order by id';
    const outer: unknown[] = [];
    for (const row of db.prepare(sqlText).iterate([])) {
      outer.push(row);
      expect(db.prepare(sqlText).all([])).toHaveLength(3);
    }
    expect(outer).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });
});
