/**
 * What someone with sqlite3 and the file can do to the change log (format 18: each entry stored
 * as one text — hash, link, canonical JSON — the other columns generated from it): edit an
 * entry's fields, and rebuild the whole chain and the recorded head after an edit so the chain
 * alone verifies again.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Sets fields of one stored entry (keys of the canonical JSON: summary, actor, after…), as json_set would. */
export function editEntry(db: Database.Database, id: number, fields: Record<string, string | null>): void {
  const keys = Object.keys(fields);
  const paths = keys.map((_, i) => `'$.' || @k${i}, @v${i}`).join(', ');
  const bind = Object.fromEntries(keys.flatMap((key, i) => [[`k${i}`, key], [`v${i}`, fields[key]]]));
  const changed = db.prepare(`UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, ${paths}) WHERE id = @id`).run({ ...bind, id }).changes;
  if (changed !== 1) throw new Error(`no change-log entry #${id} to edit`);
}

/** Recomputes every link and hash in id order from the stored entries, and the head in meta. */
export function rechain(db: Database.Database): void {
  const rows = db.prepare('SELECT id, entry FROM change_log ORDER BY id').all() as { id: number; entry: string }[];
  const update = db.prepare('UPDATE change_log SET chained = ? WHERE id = ?');
  let prev = '0'.repeat(64);
  for (const row of rows) {
    const hash = createHash('sha256').update(prev + row.entry).digest('hex');
    update.run(hash + prev + row.entry, row.id);
    prev = hash;
  }
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'change_log_head'`).run(`#${rows.at(-1)?.id ?? 0} sha256:${prev}`);
}
