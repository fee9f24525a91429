/**
 * The records a merge carries from the other copy as they are — sign-offs (with the states they
 * vouched for) and import runs — read by keys that hold across copies (asset keys, party names),
 * and written back with this workbook's ids, so a merge's undo can remove exactly them.
 */
import type { StoredSignature } from '@shared/sign-off';
import type { Db } from '../workbook-file';

/** A sign-off as stored, its covered items by asset key (the signer and owners by lower-cased name in `partyNames`). */
export interface KeyedSignOff {
  id: number;
  scopeJson: string;
  scopeLabel: string;
  partyName: string;
  signedOn: string;
  statement: string;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
  /** Its signature, carried byte for byte (it signs keys, names and the chain head of the copy it was made in). */
  signed: StoredSignature | null;
  items: { key: string; layerId: string; stateJson: string }[];
}

/** A sign-off row with this workbook's ids (what putSignOff writes). */
export interface SignOffRow {
  id: number;
  scopeJson: string;
  scopeLabel: string;
  partyId: number;
  partyName: string;
  signedOn: string;
  statement: string;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
  /** Absent in rows a merge logged before sign-offs were signed (format 17): unsigned. */
  signed?: StoredSignature | null;
  items: { assetId: number; layerId: string; stateJson: string }[];
}

export function listKeyedSignOffs(db: Db): KeyedSignOff[] {
  const rows = db
    .prepare(
      `SELECT id, scope_json AS scopeJson, scope_label AS scopeLabel, party_name AS partyName, signed_on AS signedOn, statement, note,
              recorded_at AS recordedAt, recorded_by AS recordedBy, signed_text AS text, signature, signer_key AS publicKey FROM sign_offs ORDER BY id`
    )
    .all() as (Omit<KeyedSignOff, 'items' | 'signed'> & { text: string | null; signature: string | null; publicKey: string | null })[];
  const items = db.prepare(
    `SELECT a.key AS key, i.layer_id AS layerId, i.state_json AS stateJson FROM sign_off_items i JOIN assets a ON a.id = i.asset_id
     WHERE i.sign_off_id = ? ORDER BY i.asset_id, i.layer_id`
  );
  return rows.map(({ text, signature, publicKey, ...row }) => ({
    ...row,
    signed: text === null && signature === null && publicKey === null ? null : { text: text ?? '', signature: signature ?? '', publicKey: publicKey ?? '' },
    items: items.all(row.id) as KeyedSignOff['items']
  }));
}

export function putSignOffRow(db: Db, row: SignOffRow): void {
  const { items, signed, ...record } = row;
  db.prepare(
    `INSERT INTO sign_offs (id, scope_json, scope_label, party_id, party_name, signed_on, statement, note, recorded_at, recorded_by, signed_text, signature, signer_key)
     VALUES (@id, @scopeJson, @scopeLabel, @partyId, @partyName, @signedOn, @statement, @note, @recordedAt, @recordedBy, @text, @signature, @publicKey)`
  ).run({ ...record, text: signed?.text ?? null, signature: signed?.signature ?? null, publicKey: signed?.publicKey ?? null });
  const insert = db.prepare('INSERT INTO sign_off_items (sign_off_id, asset_id, layer_id, state_json) VALUES (?, ?, ?, ?)');
  for (const item of items) insert.run(row.id, item.assetId, item.layerId, item.stateJson);
}

export function deleteSignOffRow(db: Db, id: number): void {
  db.prepare('DELETE FROM sign_off_items WHERE sign_off_id = ?').run(id);
  db.prepare('DELETE FROM sign_offs WHERE id = ?').run(id);
}

/** An import run as stored. */
export interface ImportRunRow {
  id: number;
  fileName: string;
  sheet: string | null;
  sha256: string;
  format: string;
  encoding: string | null;
  countsJson: string;
  actor: string;
  at: string;
}

export function listImportRuns(db: Db): ImportRunRow[] {
  return db
    .prepare('SELECT id, file_name AS fileName, sheet, sha256, format, encoding, counts_json AS countsJson, actor, at FROM import_runs ORDER BY id')
    .all() as ImportRunRow[];
}

export function putImportRunRow(db: Db, row: ImportRunRow): void {
  db.prepare(
    `INSERT INTO import_runs (id, file_name, sheet, sha256, format, encoding, counts_json, actor, at)
     VALUES (@id, @fileName, @sheet, @sha256, @format, @encoding, @countsJson, @actor, @at)`
  ).run(row);
}

export function deleteImportRunRow(db: Db, id: number): void {
  db.prepare('DELETE FROM import_runs WHERE id = ?').run(id);
}
