/** Sign-offs and the asset states they vouch for (the sign_offs migration). */
import { SignOffScopeSchema, type SignOffItem, type SignOffRecord, type SignedState, type StoredSignature } from '@shared/sign-off';
import { cachedStatement } from '../statements';
import type { Db } from '../workbook-file';

interface SignOffRow {
  id: number;
  scope_json: string;
  scope_label: string;
  party_id: number;
  party_name: string;
  signed_on: string;
  statement: string;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
  signed_text: string | null;
  signature: string | null;
  signer_key: string | null;
  assets: number;
}

export type NewSignOff = Omit<SignOffRecord, 'id' | 'assets' | 'signed'>;

export function insertSignOff(db: Db, signOff: NewSignOff, items: readonly Omit<SignOffItem, 'signOffId'>[]): number {
  const info = db
    .prepare(
      `INSERT INTO sign_offs (scope_json, scope_label, party_id, party_name, signed_on, statement, note, recorded_at, recorded_by)
       VALUES (@scope, @scopeLabel, @partyId, @partyName, @signedOn, @statement, @note, @recordedAt, @recordedBy)`
    )
    .run({ ...signOff, scope: JSON.stringify(signOff.scope) });
  const id = Number(info.lastInsertRowid);
  const insert = db.prepare('INSERT INTO sign_off_items (sign_off_id, asset_id, layer_id, state_json) VALUES (@id, @assetId, @layerId, @state)');
  for (const item of items) insert.run({ id, assetId: item.assetId, layerId: item.layerId ?? '', state: JSON.stringify(item.state) });
  return id;
}

function toRecord(row: SignOffRow): SignOffRecord {
  return {
    id: row.id,
    scope: SignOffScopeSchema.parse(JSON.parse(row.scope_json)),
    scopeLabel: row.scope_label,
    partyId: row.party_id,
    partyName: row.party_name,
    signedOn: row.signed_on,
    statement: row.statement,
    note: row.note,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    assets: row.assets,
    // All three or none (migration 0017); a row with some only is read as signed and fails its check.
    signed: row.signed_text === null && row.signature === null && row.signer_key === null ? null : { text: row.signed_text ?? '', signature: row.signature ?? '', publicKey: row.signer_key ?? '' }
  };
}

/** How many sign-offs the workbook holds. */
export function countSignOffs(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sign_offs').get() as { n: number }).n;
}

/** Every sign-off, oldest first, with the number of assets it covers. */
export function listSignOffRecords(db: Db): SignOffRecord[] {
  const rows = db
    .prepare(
      `SELECT s.*, (SELECT count(DISTINCT asset_id) FROM sign_off_items i WHERE i.sign_off_id = s.id) AS assets
       FROM sign_offs s ORDER BY s.id`
    )
    .all() as SignOffRow[];
  return rows.map(toRecord);
}

/** The items of every sign-off (the engine's input), or of the assets in an id range (a page's). */
export function listSignOffItems(db: Db, range?: { fromId: number; toId: number }): SignOffItem[] {
  const rows = cachedStatement(db, `SELECT sign_off_id, asset_id, layer_id, state_json FROM sign_off_items ${range === undefined ? '' : 'WHERE asset_id BETWEEN @fromId AND @toId'} ORDER BY sign_off_id, asset_id, layer_id`)
    .all(range ?? {}) as { sign_off_id: number; asset_id: number; layer_id: string; state_json: string }[];
  return rows.map((r) => ({ signOffId: r.sign_off_id, assetId: r.asset_id, layerId: r.layer_id === '' ? null : r.layer_id, state: JSON.parse(r.state_json) as SignedState }));
}

/** Stores a sign-off's signature (written in the transaction that records it, once its items are in). */
export function storeSignOffSignature(db: Db, id: number, signed: StoredSignature): void {
  db.prepare('UPDATE sign_offs SET signed_text = @text, signature = @signature, signer_key = @publicKey WHERE id = @id').run({ id, ...signed });
}

/**
 * A sign-off's coverage as the digest reads it (core's coveredLines, spelt by SQLite): one line
 * per covered item whose asset is still here, `<asset key> TAB <layer id or ''> LF`, ordered by
 * key then layer (BINARY: UTF-8 bytes, i.e. code points), joined; with the count of all its items
 * and of their distinct assets. One string from SQLite rather than an object per item: a
 * sign-off of the whole workbook covers every asset.
 */
export function signOffCoverage(db: Db, id: number): { lines: string; items: number; assets: number } {
  const { lines } = cachedStatement(
    db,
    `SELECT coalesce(group_concat(line, ''), '') AS lines FROM (
       SELECT a.key || char(9) || i.layer_id || char(10) AS line FROM sign_off_items i JOIN assets a ON a.id = i.asset_id
       WHERE i.sign_off_id = @id ORDER BY a.key, i.layer_id)`
  ).get({ id }) as { lines: string };
  const counts = cachedStatement(db, 'SELECT count(*) AS items, count(DISTINCT asset_id) AS assets FROM sign_off_items WHERE sign_off_id = @id').get({ id }) as { items: number; assets: number };
  return { lines, ...counts };
}

/** An asset's key (what names it across copies), or null. */
export function assetKeyOf(db: Db, id: number): string | null {
  return (cachedStatement(db, 'SELECT key FROM assets WHERE id = @id').get({ id }) as { key: string } | undefined)?.key ?? null;
}
