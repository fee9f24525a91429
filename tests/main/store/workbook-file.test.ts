import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemarcError } from '@shared/errors';
import { LATEST_FORMAT_VERSION, MIGRATIONS } from '@main/store/migrations';
import {
  DEMARC_APPLICATION_ID,
  applyMigrations,
  closeWorkbookFile,
  createWorkbookFile,
  openWorkbookFile
} from '@main/store/workbook-file';
import { sha256File, tempDir } from '@tests/helpers/temp';

function refusal(fn: () => unknown): DemarcError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DemarcError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A workbook stuck at format 1, as an older Demarc wrote it. */
function formatOneWorkbook(path: string): void {
  const db = new Database(path);
  db.pragma(`application_id = ${DEMARC_APPLICATION_ID}`);
  applyMigrations(db, 0, MIGRATIONS.slice(0, 1));
  db.prepare("INSERT INTO meta (key, value) VALUES ('organisation', 'Old Org')").run();
  db.close();
}

describe('workbook file', () => {
  it('creates a stamped workbook at the latest format and reopens it', () => {
    const path = join(tempDir(), 'acme.demarc');
    const created = createWorkbookFile(path);
    expect(created.formatVersion).toBe(LATEST_FORMAT_VERSION);
    closeWorkbookFile(created.db);

    const reopened = openWorkbookFile(path);
    expect(reopened.db.pragma('application_id', { simple: true })).toBe(DEMARC_APPLICATION_ID);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(LATEST_FORMAT_VERSION);
    expect(reopened.backupPath).toBeNull();
    const tables = reopened.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['assets', 'change_log', 'custom_models', 'import_runs', 'layer_overrides', 'meta', 'parties', 'raci_assignments'])
    );
    closeWorkbookFile(reopened.db);
    // Rollback journal: nothing but the .demarc file is left beside it after close.
    expect(readdirSync(join(path, '..'))).toEqual(['acme.demarc']);
  });

  it('refuses to overwrite an existing file on create', () => {
    const path = join(tempDir(), 'exists.demarc');
    writeFileSync(path, 'keep me');
    const before = sha256File(path);
    expect(refusal(() => createWorkbookFile(path)).code).toBe('ALREADY_EXISTS');
    expect(sha256File(path)).toBe(before);
  });

  it('refuses a text file, leaving its bytes unchanged', () => {
    const path = join(tempDir(), 'notes.demarc');
    writeFileSync(path, 'name,type\nvm1,Microsoft.Compute/virtualMachines\n');
    const before = sha256File(path);
    const error = refusal(() => openWorkbookFile(path));
    expect(error.code).toBe('NOT_A_SQLITE_FILE');
    expect(error.message).toContain('notes.demarc is not a Demarc workbook');
    expect(sha256File(path)).toBe(before);
  });

  it('refuses an empty file and a missing file', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.demarc');
    writeFileSync(empty, '');
    expect(refusal(() => openWorkbookFile(empty)).code).toBe('NOT_A_SQLITE_FILE');
    expect(readFileSync(empty).length).toBe(0);
    expect(refusal(() => openWorkbookFile(join(dir, 'missing.demarc'))).code).toBe('NOT_FOUND');
  });

  it('refuses a foreign SQLite database, leaving its bytes unchanged', () => {
    const path = join(tempDir(), 'foreign.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const before = sha256File(path);
    const error = refusal(() => openWorkbookFile(path));
    expect(error.code).toBe('NOT_A_DEMARC_WORKBOOK');
    expect(error.message).toMatch(/SQLite database but not a Demarc workbook/);
    expect(sha256File(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['foreign.sqlite']);
  });

  it('refuses a workbook from a newer Demarc, leaving its bytes unchanged', () => {
    const path = join(tempDir(), 'future.demarc');
    closeWorkbookFile(createWorkbookFile(path).db);
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_FORMAT_VERSION + 5}`);
    db.close();
    const before = sha256File(path);
    const error = refusal(() => openWorkbookFile(path));
    expect(error.code).toBe('NEWER_FORMAT');
    expect(error.message).toContain(`format ${LATEST_FORMAT_VERSION + 5}`);
    expect(sha256File(path)).toBe(before);
  });

  it('refuses a workbook another process holds, leaving its bytes unchanged', () => {
    const path = join(tempDir(), 'busy.demarc');
    const first = createWorkbookFile(path);
    // Another process: the lock must hold across processes, not just connections.
    const script = `
      const { openWorkbookFile } = require(${JSON.stringify(join(process.cwd(), 'tests/helpers/open-in-child.cjs'))});
      process.stdout.write(openWorkbookFile(${JSON.stringify(path)}));`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(child.stdout).toContain('LOCKED');
    // And in this process, through a second connection.
    expect(refusal(() => openWorkbookFile(path)).code).toBe('LOCKED');
    closeWorkbookFile(first.db);
    const second = openWorkbookFile(path);
    closeWorkbookFile(second.db);
  });

  it('backs up and migrates an older workbook, keeping its data', () => {
    const dir = tempDir();
    const path = join(dir, 'old.demarc');
    formatOneWorkbook(path);
    const before = sha256File(path);
    const opened = openWorkbookFile(path, { now: () => new Date('2026-11-28T10:11:12Z') });
    expect(opened.formatVersion).toBe(LATEST_FORMAT_VERSION);
    expect(opened.backupPath).toBe(join(dir, 'old.format-1.backup-20261128T101112.demarc'));
    expect(sha256File(opened.backupPath!)).toBe(before);
    expect(opened.db.prepare("SELECT value FROM meta WHERE key = 'organisation'").pluck().get()).toBe('Old Org');
    expect(opened.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'import_runs'").pluck().get()).toBe(1);
    closeWorkbookFile(opened.db);
    expect(existsSync(`${path}.migrating`)).toBe(false);
  });

  it('leaves the original untouched when a migration fails', () => {
    const dir = tempDir();
    const path = join(dir, 'old.demarc');
    formatOneWorkbook(path);
    const before = sha256File(path);
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: '0002_broken', sql: 'CREATE TABLE import_runs (x); SELECT * FROM no_such_table;' }];
    const error = refusal(() => openWorkbookFile(path, { migrations: broken }));
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toContain('The original file was not changed');
    expect(sha256File(path)).toBe(before);
    expect(existsSync(`${path}.migrating`)).toBe(false);
  });

  it('applies each migration in its own transaction', () => {
    const path = join(tempDir(), 'steps.demarc');
    const db = new Database(path);
    const steps = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x);' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);' }
    ];
    expect(() => applyMigrations(db, 0, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all()).toEqual(['a']);
    db.close();
  });
});
