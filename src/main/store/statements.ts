/**
 * Statements prepared once per connection and reused: the paged reads (a page of assets and its
 * rows) run the same few statements hundreds of times per pass, and preparing each time costs more
 * than running it on a small page. Keyed by the Database object (a WeakMap, so a closed connection's
 * statements go with it). SQLite re-prepares a statement by itself when the schema changes, so a
 * cached one stays right after a migration.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './workbook-file';

/** How a cached statement returns rows: objects (the default) or the first column of each row. */
export type StatementMode = 'rows' | 'pluck';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on `db`, prepared on first use. Only for statements run to the end at
 * once (get/all/run), never iterated: one statement cannot run twice at the same time.
 */
export function cachedStatement(db: Db, sql: string, mode: StatementMode = 'rows'): Statement {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  const key = `${mode}\u0000${sql}`;
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (mode === 'pluck') statement.pluck();
    statements.set(key, statement);
  }
  return statement;
}
