import type { Party, PartyKind } from '@shared/domain';
import type { Db } from '../workbook-file';

interface PartyRow {
  id: number;
  name: string;
  kind: PartyKind;
  email: string | null;
  active: number;
  left_at: string | null;
  notes: string | null;
}

function toParty(row: PartyRow): Party {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    email: row.email,
    active: row.active === 1,
    leftAt: row.left_at,
    notes: row.notes
  };
}

export function listParties(db: Db): Party[] {
  const rows = db.prepare('SELECT * FROM parties ORDER BY name COLLATE NOCASE, id').all() as PartyRow[];
  return rows.map(toParty);
}

/** Of the given party ids, those the parties table does not hold, ascending. */
export function absentPartyIds(db: Db, ids: Iterable<number>): number[] {
  const held = db.prepare('SELECT 1 FROM parties WHERE id = ?').pluck();
  return [...new Set(ids)].filter((id) => held.get(id) === undefined).sort((a, b) => a - b);
}

export function getParty(db: Db, id: number): Party | null {
  const row = db.prepare('SELECT * FROM parties WHERE id = ?').get(id) as PartyRow | undefined;
  return row ? toParty(row) : null;
}

export function findPartyByName(db: Db, name: string): Party | null {
  const row = db.prepare('SELECT * FROM parties WHERE name = ? COLLATE NOCASE').get(name.trim()) as PartyRow | undefined;
  return row ? toParty(row) : null;
}

export interface NewParty {
  name: string;
  kind: PartyKind;
  email?: string | null;
  notes?: string | null;
}

export function insertParty(db: Db, party: NewParty, createdAt: string): Party {
  const info = db
    .prepare(
      `INSERT INTO parties (name, kind, email, notes, active, created_at)
       VALUES (@name, @kind, @email, @notes, 1, @createdAt)`
    )
    .run({ name: party.name.trim(), kind: party.kind, email: party.email ?? null, notes: party.notes ?? null, createdAt });
  const created = getParty(db, Number(info.lastInsertRowid));
  if (!created) throw new Error('party vanished after insert');
  return created;
}

export function countParties(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM parties').get() as { n: number }).n;
}

/** Inserts or replaces a party with its own id (undo brings a removed party back unchanged). */
export function putParty(db: Db, party: Party, createdAt: string): void {
  db.prepare(
    `INSERT INTO parties (id, name, kind, email, active, left_at, notes, created_at)
     VALUES (@id, @name, @kind, @email, @active, @leftAt, @notes, @at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, email = excluded.email,
       active = excluded.active, left_at = excluded.left_at, notes = excluded.notes`
  ).run({ ...party, active: party.active ? 1 : 0, at: createdAt });
}

export function deleteParty(db: Db, id: number): void {
  db.prepare('DELETE FROM parties WHERE id = ?').run(id);
}
