/**
 * References to a missing row, as SQLite's foreign_key_check finds them. A workbook may hold some
 * already (a hand edit with foreign keys off, an old version, a bad merge): those are damage the
 * findings name and the user repairs. What a write of ours must never do is add one, so a write
 * that runs with foreign keys off (a migration rebuilding a table, the undo of a repair putting
 * the damage back) compares the references before and after it.
 */
import type { Db } from './workbook-file';

/** One reference to a missing row: the child table and row, the parent table, and the column and value naming it. */
export interface BrokenReference {
  table: string;
  /** null in a WITHOUT ROWID table. */
  rowid: number | null;
  parent: string;
  column: string;
  value: unknown;
}

interface CheckRow {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

interface ForeignKey {
  id: number;
  from: string;
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Every reference to a missing row in the database, whether foreign keys are enforced or not. */
export function brokenReferences(db: Db): BrokenReference[] {
  const rows = db.pragma('foreign_key_check') as CheckRow[];
  const columns = new Map<string, Map<number, string>>();
  return rows.map((row) => {
    let keys = columns.get(row.table);
    if (keys === undefined) {
      const list = db.pragma(`foreign_key_list(${quoted(row.table)})`) as ForeignKey[];
      keys = new Map(list.map((k) => [k.id, k.from]));
      columns.set(row.table, keys);
    }
    const column = keys.get(row.fkid) ?? `#${row.fkid}`;
    const value =
      row.rowid === null || !keys.has(row.fkid)
        ? null
        : db.prepare(`SELECT ${quoted(column)} FROM ${quoted(row.table)} WHERE rowid = ?`).pluck().get(row.rowid);
    return { table: row.table, rowid: row.rowid, parent: row.parent, column, value };
  });
}

const keyOf = (r: BrokenReference): string => JSON.stringify([r.table, r.rowid, r.parent, r.column, r.value]);

/**
 * The references in `after` that `before` did not hold (compared as multisets: a row of a WITHOUT
 * ROWID table has no rowid to tell it apart, so two such rows count twice).
 */
export function addedReferences(before: readonly BrokenReference[], after: readonly BrokenReference[]): BrokenReference[] {
  const held = new Map<string, number>();
  for (const r of before) held.set(keyOf(r), (held.get(keyOf(r)) ?? 0) + 1);
  const added: BrokenReference[] = [];
  for (const r of after) {
    const key = keyOf(r);
    const left = held.get(key) ?? 0;
    if (left > 0) held.set(key, left - 1);
    else added.push(r);
  }
  return added;
}

/** "raci_assignments row 1 → parties (party_id 9999)": one reference in words, for an error message. */
export function describeReference(r: BrokenReference): string {
  return `${r.table} row ${r.rowid ?? '?'} → ${r.parent} (${r.column} ${JSON.stringify(r.value)})`;
}
