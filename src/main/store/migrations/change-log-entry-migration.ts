/** The code half of migration 0018_change_log_entry: each entry stored as its canonical JSON. */
import { canonicalEntry } from '@core/audit/chain';
import { toChained, type StoredRow } from '../repos/change-log-chain';
import { CHANGE_LOG_INDEXES_SQL, CHANGE_LOG_TABLE_SQL, HASH_CHARS, NO_HASH, joinChained } from '../repos/change-log-table';
import type { MigrationContext } from './index';

export function storeCanonicalEntries({ db }: MigrationContext): void {
  db.exec(CHANGE_LOG_TABLE_SQL);
  const insert = db.prepare('INSERT INTO change_log (id, chained) VALUES (@id, @chained)');
  // A hash edited to another length (or removed) outside Demarc is carried as NO_HASH: verify names that entry either way.
  const part = (hash: string | null) => (typeof hash === 'string' && hash.length === HASH_CHARS ? hash : NO_HASH);
  // A page at a time: better-sqlite3 runs no other statement while a row iterator is open.
  const page = db.prepare('SELECT * FROM change_log_17 WHERE id > @after ORDER BY id LIMIT 10000');
  for (let rows = page.all({ after: Number.MIN_SAFE_INTEGER }) as StoredRow[]; rows.length > 0; rows = page.all({ after: rows.at(-1)!.id }) as StoredRow[]) {
    for (const row of rows) insert.run({ id: row.id, chained: joinChained({ hash: part(row.hash), prevHash: part(row.prev_hash), entry: canonicalEntry(toChained(row)) }) });
  }
  db.exec('DROP TABLE change_log_17');
  db.exec(CHANGE_LOG_INDEXES_SQL);
}
