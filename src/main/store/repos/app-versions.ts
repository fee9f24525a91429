import type { AppVersionOpened } from '@shared/contract/workbook';
import type { Db } from '../workbook-file';

/** The Demarc versions that opened this workbook, oldest first. */
export function listAppVersions(db: Db): AppVersionOpened[] {
  return db
    .prepare('SELECT version, first_opened_at AS firstOpenedAt, first_opened_by AS firstOpenedBy FROM app_versions ORDER BY first_opened_at, version')
    .all() as AppVersionOpened[];
}

export function hasAppVersion(db: Db, version: string): boolean {
  return db.prepare('SELECT 1 FROM app_versions WHERE version = ?').get(version) !== undefined;
}

export function insertAppVersion(db: Db, row: AppVersionOpened): void {
  db.prepare('INSERT INTO app_versions (version, first_opened_at, first_opened_by) VALUES (@version, @firstOpenedAt, @firstOpenedBy)').run(row);
}
