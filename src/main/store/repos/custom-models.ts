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
