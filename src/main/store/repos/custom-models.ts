import type { Db } from '../workbook-file';

export interface StoredModel {
  id: string;
  json: string;
}

/** Models a user imported, as stored (the caller parses and validates them). */
export function listCustomModels(db: Db): StoredModel[] {
  return db.prepare('SELECT id, json FROM custom_models ORDER BY id').all() as StoredModel[];
}

export function insertCustomModel(
  db: Db,
  model: { id: string; version: string; json: string },
  importedAt: string,
  importedBy: string
): void {
  db.prepare('INSERT INTO custom_models (id, version, json, imported_at, imported_by) VALUES (?, ?, ?, ?, ?)').run(
    model.id,
    model.version,
    model.json,
    importedAt,
    importedBy
  );
}

/** A merge's model, with its import stamp from the copy it came from (replaces one of the same id). */
export function putCustomModel(db: Db, model: { id: string; version: string; json: string; importedAt: string; importedBy: string }): void {
  db.prepare(
    'INSERT OR REPLACE INTO custom_models (id, version, json, imported_at, imported_by) VALUES (@id, @version, @json, @importedAt, @importedBy)'
  ).run(model);
}

export function deleteCustomModel(db: Db, id: string): void {
  db.prepare('DELETE FROM custom_models WHERE id = ?').run(id);
}
