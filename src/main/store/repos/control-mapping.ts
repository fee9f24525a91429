import type { Db } from '../workbook-file';

/** The layer → control mapping a user imported into the workbook, as stored. */
export interface StoredMapping {
  mappingId: string;
  version: string;
  json: string;
  fileName: string;
  importedAt: string;
  importedBy: string;
}

/** The imported mapping, or null when the workbook uses the built-in one. */
export function readControlMapping(db: Db): StoredMapping | null {
  const row = db
    .prepare('SELECT mapping_id AS mappingId, version, json, file_name AS fileName, imported_at AS importedAt, imported_by AS importedBy FROM control_mapping WHERE slot = 1')
    .get() as StoredMapping | undefined;
  return row ?? null;
}

/** Stores the mapping in use, replacing any imported before. */
export function writeControlMapping(db: Db, mapping: StoredMapping): void {
  db.prepare(
    `INSERT INTO control_mapping (slot, mapping_id, version, json, file_name, imported_at, imported_by)
     VALUES (1, @mappingId, @version, @json, @fileName, @importedAt, @importedBy)
     ON CONFLICT (slot) DO UPDATE SET mapping_id = excluded.mapping_id, version = excluded.version, json = excluded.json,
       file_name = excluded.file_name, imported_at = excluded.imported_at, imported_by = excluded.imported_by`
  ).run(mapping);
}

/** Back to the built-in mapping. */
export function clearControlMapping(db: Db): void {
  db.prepare('DELETE FROM control_mapping WHERE slot = 1').run();
}
