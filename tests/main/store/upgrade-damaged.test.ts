/**
 * Upgrading an older workbook that already holds references to missing rows (a RACI row naming a
 * party that is gone, an owner id naming nobody): the upgrade carries them as they are — it neither
 * refuses the file nor repairs it — and still refuses a migration that would add one. However often
 * an upgrade is attempted, the original is backed up once.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_FORMAT_VERSION, MIGRATIONS } from '@main/store/migrations';
import { applyMigrations, closeWorkbookFile, openWorkbookFile } from '@main/store/workbook-file';
import { DemarcError } from '@shared/errors';
import { cli } from '@tests/helpers/run-cli';
import { sha256File, tempDir } from '@tests/helpers/temp';

const ROUND_1 = join(__dirname, '../../fixtures/workbooks/round-1.demarc');

/** The round-1 workbook brought to format 7 (the last format before the hash chain), then damaged by hand. */
function damagedFormat7(dir: string): string {
  const path = join(dir, 'old.demarc');
  copyFileSync(ROUND_1, path);
  const db = new Database(path);
  applyMigrations(db, 2, MIGRATIONS.slice(0, 7));
  expect(db.pragma('user_version', { simple: true })).toBe(7);
  // A hand edit with foreign keys off, as another SQLite tool does by default.
  db.pragma('foreign_keys = OFF');
  db.prepare("INSERT INTO raci_assignments (asset_id, layer_id, party_id, role) VALUES (1, 'customer-data', 9999, 'R')").run();
  db.prepare('UPDATE assets SET owner_party_id = 8888 WHERE id = 2').run();
  db.close();
  return path;
}

function refusal(fn: () => unknown): DemarcError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DemarcError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const backups = (dir: string): string[] => readdirSync(dir).filter((name) => name.includes('.backup-'));

describe('upgrading a workbook that names missing rows', () => {
  it('carries the references as they were: the workbook opens at the latest format, nothing repaired', () => {
    const dir = tempDir();
    const path = damagedFormat7(dir);
    const before = sha256File(path);
    const opened = openWorkbookFile(path, { now: () => new Date('2026-12-07T10:00:00Z') });
    try {
      expect(opened.formatVersion).toBe(LATEST_FORMAT_VERSION);
      expect(sha256File(opened.backupPath!)).toBe(before);
      const db = opened.db;
      expect(db.prepare("SELECT party_id FROM raci_assignments WHERE asset_id = 1 AND layer_id = 'customer-data' AND role = 'R' AND party_id = 9999").pluck().get()).toBe(9999);
      expect(db.prepare('SELECT owner_party_id FROM assets WHERE id = 2').pluck().get()).toBe(8888);
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      expect(broken.map((b) => `${b.table} → ${b.parent}`).sort()).toEqual(['assets → parties', 'raci_assignments → parties']);
    } finally {
      closeWorkbookFile(opened.db);
    }
  });

  it('still refuses a migration that adds a reference to a missing row, naming it, with the file unchanged', () => {
    const dir = tempDir();
    const path = damagedFormat7(dir);
    const before = sha256File(path);
    const breaking = [...MIGRATIONS.slice(0, 7), { version: 8, name: '0008_drops_a_party', sql: 'DELETE FROM parties WHERE id = 4;' }];
    const error = refusal(() => openWorkbookFile(path, { migrations: breaking }));
    expect(error.code).toBe('MIGRATION_FAILED');
    // Party 4 (Platform Team) holds roles: those rows are new damage; the rows naming 9999 and 8888 are not counted.
    expect(error.message).toMatch(/0008_drops_a_party would leave \d+ reference\(s\) to a missing row \(first: (raci_assignments|assets) row \d+ → parties \((party_id|owner_party_id) 4\)\)/);
    expect(sha256File(path)).toBe(before);
  });

  it('backs the original up once however often an upgrade fails, and reuses that backup when it succeeds', () => {
    const dir = tempDir();
    const path = damagedFormat7(dir);
    const before = sha256File(path);
    const breaking = [...MIGRATIONS.slice(0, 7), { version: 8, name: '0008_drops_a_party', sql: 'DELETE FROM parties WHERE id = 4;' }];
    let second = 0;
    const clock = () => new Date(Date.parse('2026-12-07T10:00:00Z') + 1000 * second++);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(refusal(() => openWorkbookFile(path, { migrations: breaking, now: clock })).code).toBe('MIGRATION_FAILED');
    }
    expect(backups(dir)).toEqual(['old.format-7.backup-20261207T100000.demarc']);
    const opened = openWorkbookFile(path, { now: clock });
    closeWorkbookFile(opened.db);
    expect(opened.backupPath).toBe(join(dir, 'old.format-7.backup-20261207T100000.demarc'));
    expect(backups(dir)).toEqual(['old.format-7.backup-20261207T100000.demarc']);
    expect(sha256File(opened.backupPath!)).toBe(before);
  });

  it('makes a new backup when the file beside it differs from the one being upgraded', () => {
    const dir = tempDir();
    const path = damagedFormat7(dir);
    const breaking = [...MIGRATIONS.slice(0, 7), { version: 8, name: '0008_drops_a_party', sql: 'DELETE FROM parties WHERE id = 4;' }];
    const at = new Date('2026-12-07T10:00:00Z');
    refusal(() => openWorkbookFile(path, { migrations: breaking, now: () => at }));
    // The user edits the old file with an older Demarc; the backup no longer holds its bytes.
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = 'Edited since' WHERE key = 'organisation'").run();
    db.close();
    refusal(() => openWorkbookFile(path, { migrations: breaking, now: () => at }));
    expect(backups(dir).sort()).toEqual(['old.format-7.backup-20261207T100000-2.demarc', 'old.format-7.backup-20261207T100000.demarc']);
  });
});

describe('an upgraded workbook with damage', () => {
  it('opens and its findings name the damage it carried; nothing was repaired', async () => {
    const path = damagedFormat7(tempDir());
    const check = await cli(['check', path]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('PARTY_MISSING');
    const listing = await cli(['repair', path]);
    expect(listing.stdout).toContain('party #9999 (not in the parties list): 1 RACI row(s), owner of 0 asset(s), on 1 asset(s)');
    expect(listing.stdout).toContain('party #8888 (not in the parties list): 0 RACI row(s), owner of 1 asset(s), on 1 asset(s)');
  });
});
