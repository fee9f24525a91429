/** The per-connection statement cache: one statement per connection and SQL, right after a schema change. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachedStatement } from '@main/store/statements';

function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'a\'), (\'b\')');
  return db;
}

describe('cachedStatement', () => {
  it('prepares a statement once per connection, and apart for each mode', () => {
    const one = memoryDb();
    const two = memoryDb();
    const sql = 'SELECT name FROM t WHERE id = ?';
    const first = cachedStatement(one, sql);
    expect(cachedStatement(one, sql)).toBe(first);
    expect(cachedStatement(two, sql)).not.toBe(first);
    expect(cachedStatement(one, sql, 'pluck')).not.toBe(first);
    expect(first.get(1)).toEqual({ name: 'a' });
    expect(cachedStatement(one, sql, 'pluck').get(2)).toBe('b');
    // Using the plucking one did not change how the other returns rows.
    expect(cachedStatement(one, sql).get(2)).toEqual({ name: 'b' });
    one.close();
    two.close();
  });

  it('reads the table as it is after a schema change', () => {
    const db = memoryDb();
    const all = (): unknown[] => cachedStatement(db, 'SELECT * FROM t ORDER BY id').all();
    expect(all()).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
    db.exec("ALTER TABLE t ADD COLUMN note TEXT NOT NULL DEFAULT 'x'");
    expect(all()).toEqual([{ id: 1, name: 'a', note: 'x' }, { id: 2, name: 'b', note: 'x' }]);
    db.exec('DROP TABLE t; CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT); INSERT INTO t (label) VALUES (\'z\')');
    expect(all()).toEqual([{ id: 1, label: 'z' }]);
    db.close();
  });
});
