/**
 * A write cut short while it commits (kill -9, power loss) leaves a hot journal beside the
 * workbook. Opening it rolls that write back (SQLite's own recovery) instead of refusing the file:
 * the workbook is then byte for byte what it was before the write. A file that is not a Demarc
 * workbook is never rolled back by us.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkbookFile, createWorkbookFile, openWorkbookFile } from '@main/store/workbook-file';
import { sha256File, tempDir } from '@tests/helpers/temp';

/** In another process: a write whose pages spill into the file, then SIGKILL before it commits. */
function killMidWrite(path: string, applicationId?: number): void {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path)});
    db.pragma('journal_mode = DELETE');
    db.pragma('cache_size = 1');
    ${applicationId === undefined ? '' : `db.pragma('application_id = ${applicationId}'); db.exec('CREATE TABLE IF NOT EXISTS t (x TEXT)');`}
    db.exec('BEGIN');
    const insert = db.prepare("INSERT INTO ${applicationId === undefined ? 'change_log (chained)' : 't (x)'} VALUES (?)");
    for (let i = 0; i < 2000; i++) insert.run('-'.repeat(128) + JSON.stringify({ summary: 'x'.repeat(500) }));
    process.kill(process.pid, 'SIGKILL');
  `;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: process.cwd(), encoding: 'utf8' });
  expect(run.signal, run.stderr).toBe('SIGKILL');
  // The journal's header was written and synced: SQLite will call it hot.
  expect(readFileSync(`${path}-journal`).subarray(0, 8).equals(Buffer.alloc(8))).toBe(false);
}

describe('a workbook whose last write was cut short', () => {
  it('opens, rolled back to the last committed write, byte for byte', () => {
    const path = join(tempDir(), 'cut.demarc');
    closeWorkbookFile(createWorkbookFile(path).db);
    const before = sha256File(path);
    killMidWrite(path);
    expect(sha256File(path)).not.toBe(before);
    const wb = openWorkbookFile(path);
    closeWorkbookFile(wb.db);
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(sha256File(path)).toBe(before);
  });

  it('is refused untouched when the file is some other SQLite database', () => {
    const path = join(tempDir(), 'other.db');
    killMidWrite(path, 0x1234);
    const before = sha256File(path);
    const journal = sha256File(`${path}-journal`);
    expect(() => openWorkbookFile(path)).toThrow(expect.objectContaining({ code: 'NOT_A_SQLITE_FILE' }));
    expect(sha256File(path)).toBe(before);
    expect(sha256File(`${path}-journal`)).toBe(journal);
  });
});
