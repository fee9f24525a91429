/**
 * The .demarc file: one SQLite database stamped with our application_id.
 * Opening checks, in order, that it is SQLite, that it is ours, that it is not from a newer
 * Demarc and that no other Demarc process holds it — refusing without writing a byte.
 * Older files are migrated on a copy and swapped in only when every step succeeded, after a
 * byte-for-byte backup beside the original. The user's file is never deleted or "repaired".
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, constants, copyFileSync, existsSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DemarcError } from '@shared/errors';
import { checkWritablePath, openRegularFile } from '../security/user-files';
import { addedReferences, brokenReferences, describeReference, type BrokenReference } from './broken-references';
import { LATEST_FORMAT_VERSION, MIGRATIONS, type Migration } from './migrations';

/** 'DMRC' as a 32-bit big-endian integer: PRAGMA application_id of every Demarc workbook. */
export const DEMARC_APPLICATION_ID = 0x444d5243;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 .node built for the running runtime (Electron's ABI); see native-binding.ts. */
  nativeBinding?: string;
  /** For tests: the migrations to apply (defaults to the app's). */
  migrations?: readonly Migration[];
  /** The clock, for the backup file's name and a migration's change-log entry. */
  now?: () => Date;
  /** Who a migration's change-log entry names when the workbook names no user of its own. */
  actor?: string;
}

export interface OpenedWorkbook {
  db: Db;
  path: string;
  formatVersion: number;
  /** Set when the file was migrated: where the untouched original was copied. */
  backupPath: string | null;
}

function readHeader(path: string): Buffer {
  // Opened without blocking and checked a regular file first: a FIFO or device is refused at once.
  const { fd } = openRegularFile(path, 'workbook');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Throws unless the file's first bytes are SQLite's header. Reads only. */
function assertSqliteFile(path: string): void {
  if (!existsSync(path)) throw new DemarcError('NOT_FOUND', `${path}: no such file.`);
  if (statSync(path).isDirectory()) throw new DemarcError('NOT_A_SQLITE_FILE', `${path} is a folder, not a Demarc workbook.`);
  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw new DemarcError(
      'NOT_A_SQLITE_FILE',
      `${basename(path)} is not a Demarc workbook: it is not a SQLite database file. The file was not changed.`
    );
  }
}

function connect(path: string, options: OpenOptions, readonly = false): Db {
  return new Database(path, {
    fileMustExist: true,
    readonly,
    // Fail at once on a lock held elsewhere rather than wait: the user is told who holds it.
    timeout: 0,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  });
}

/**
 * Takes SQLite's exclusive lock for as long as the connection lives, so a second Demarc
 * process (app or CLI) is refused instead of writing under our feet. The OS drops the lock
 * if the process dies, so there is no stale lock file to clean up.
 */
function lockExclusively(db: Db, path: string): void {
  db.pragma('busy_timeout = 0');
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    db.close();
    if (error instanceof Error && /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) {
      throw new DemarcError(
        'LOCKED',
        `${basename(path)} is already open in another Demarc window or process. Close it there first.`
      );
    }
    throw error;
  }
}

function readVersions(db: Db): { applicationId: number; userVersion: number } {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number
  };
}

/**
 * Applies the given migrations one by one, each in its own transaction, stamping user_version.
 * Foreign keys are off while a migration runs, so it may rebuild a table others point at (SQLite's
 * way to change a column's constraints); the pragma is ignored inside a transaction, so it is set
 * around each one. Before a migration commits, PRAGMA foreign_key_check must find no reference to a
 * missing row that was not there before it ran (a file's own damage is carried, never repaired).
 */
export function applyMigrations(
  db: Db,
  from: number,
  migrations: readonly Migration[],
  context: { now?: () => Date; actor?: string } = {}
): number {
  const now = context.now ?? (() => new Date());
  let version = from;
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  // References to a missing row the file already held are carried as they are (the findings name
  // them, the user repairs them); a migration may not add one.
  let broken: BrokenReference[] | null = null;
  try {
    for (const migration of migrations) {
      if (migration.version <= version) continue;
      db.pragma('foreign_keys = OFF');
      broken = db.transaction(() => {
        const before = broken ?? brokenReferences(db);
        db.exec(migration.sql);
        migration.run?.({ db, fromVersion: from, now, actor: context.actor ?? 'Demarc' });
        const after = brokenReferences(db);
        const added = addedReferences(before, after);
        if (added.length > 0) {
          throw new Error(
            `${migration.name} would leave ${added.length} reference(s) to a missing row (first: ${describeReference(added[0]!)})`
          );
        }
        db.pragma(`user_version = ${migration.version}`);
        return after;
      })();
      version = migration.version;
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return version;
}

function configure(db: Db): void {
  db.pragma('foreign_keys = ON');
  // Rollback journal: after every commit the .demarc file alone holds everything, so copying
  // it copies the whole workbook (no -wal file to forget).
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
}

/** Creates a new workbook at `path`. Refuses to overwrite an existing file. */
export function createWorkbookFile(path: string, options: OpenOptions = {}): OpenedWorkbook {
  if (existsSync(path)) {
    throw new DemarcError('ALREADY_EXISTS', `${path} already exists. Choose another name or open it instead.`);
  }
  checkWritablePath(path);
  const migrations = options.migrations ?? MIGRATIONS;
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    configure(db);
    db.pragma(`application_id = ${DEMARC_APPLICATION_ID}`);
    const formatVersion = applyMigrations(db, 0, migrations);
    lockExclusively(db, path);
    return { db, path, formatVersion, backupPath: null };
  } catch (error) {
    db.close();
    // We created this file a moment ago and it is not a usable workbook: remove our own leftovers.
    if (existsSync(path)) unlinkSync(path);
    throw error;
  }
}

/**
 * A Demarc workbook whose last write was cut short (the process killed or the power lost while it
 * committed) has a hot journal beside it, which a read-only connection may not roll back. Only a
 * file our header names as a workbook qualifies: anything else is refused untouched.
 */
function interruptedWrite(error: unknown, path: string): boolean {
  if ((error as { code?: unknown }).code !== 'SQLITE_READONLY_ROLLBACK') return false;
  const header = readHeader(path);
  return header.length >= 72 && header.readUInt32BE(68) === DEMARC_APPLICATION_ID;
}

/**
 * SQLite's own recovery: a writable connection's first read puts back the pages the cut-short
 * write had changed, from the journal, and deletes it. The workbook is then what its last
 * committed write left, byte for byte (nothing else is written).
 */
function rollBackInterruptedWrite(path: string, options: OpenOptions): { applicationId: number; userVersion: number } {
  const db = connect(path, options);
  try {
    return readVersions(db);
  } finally {
    db.close();
  }
}

const backupPrefix = (path: string, fromVersion: number): string => `${basename(path).replace(/\.demarc$/i, '')}.format-${fromVersion}.backup-`;

/** Copies the file to a new backup beside it, never over another file (a second backup in the same second gets "-2"). */
function newBackup(path: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  for (let n = 1; ; n++) {
    const backup = join(dirname(path), `${backupPrefix(path, fromVersion)}${stamp}${n === 1 ? '' : `-${n}`}.demarc`);
    if (existsSync(backup)) continue;
    copyFileSync(path, backup, constants.COPYFILE_EXCL);
    return backup;
  }
}

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * A backup beside the file made by an earlier attempt to upgrade it (one that failed, or a copy of
 * the file taken back) holding exactly its bytes: another attempt reuses it rather than adding a copy.
 */
function existingBackup(path: string, fromVersion: number): string | null {
  const prefix = backupPrefix(path, fromVersion);
  const size = statSync(path).size;
  let hash: string | null = null;
  for (const name of readdirSync(dirname(path)).sort()) {
    if (!name.startsWith(prefix) || !name.toLowerCase().endsWith('.demarc')) continue;
    const candidate = join(dirname(path), name);
    const stat = statSync(candidate, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile() || stat.size !== size) continue;
    hash ??= sha256Of(path);
    if (sha256Of(candidate) === hash) return candidate;
  }
  return null;
}

/** The file's application id and format version, read without writing (but see interruptedWrite). */
function probeVersions(path: string, options: OpenOptions): { applicationId: number; userVersion: number } {
  const probe = connect(path, options, true);
  try {
    return readVersions(probe);
  } catch (error) {
    if (interruptedWrite(error, path)) {
      probe.close();
      return rollBackInterruptedWrite(path, options);
    }
    if (error instanceof Error && /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) {
      throw new DemarcError('LOCKED', `${basename(path)} is already open in another Demarc window or process. Close it there first.`);
    }
    throw new DemarcError(
      'NOT_A_SQLITE_FILE',
      `${basename(path)} could not be read as a SQLite database (${error instanceof Error ? error.message : String(error)}). The file was not changed.`
    );
  } finally {
    if (probe.open) probe.close();
  }
}

/**
 * Opens an existing workbook, migrating it when it is older than this app.
 * Refusals leave the file's bytes unchanged.
 */
export function openWorkbookFile(path: string, options: OpenOptions = {}): OpenedWorkbook {
  assertSqliteFile(path);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? (migrations[migrations.length - 1]?.version ?? 0) : LATEST_FORMAT_VERSION;

  // Inspect read-only first: a foreign or newer file is refused without SQLite writing anything.
  const versions = probeVersions(path, options);
  if (versions.applicationId !== DEMARC_APPLICATION_ID) {
    throw new DemarcError(
      'NOT_A_DEMARC_WORKBOOK',
      `${basename(path)} is a SQLite database but not a Demarc workbook. The file was not changed.`
    );
  }
  if (versions.userVersion > latest) {
    throw new DemarcError(
      'NEWER_FORMAT',
      `${basename(path)} was saved by a newer Demarc (workbook format ${versions.userVersion}; this version reads up to format ${latest}). Update Demarc to open it. The file was not changed.`
    );
  }

  const db = connect(path, options);
  lockExclusively(db, path);
  if (versions.userVersion === latest) {
    configure(db);
    return { db, path, formatVersion: latest, backupPath: null };
  }
  db.close();
  return migrateOnCopy(path, versions.userVersion, migrations, options);
}

/**
 * Migrates an older workbook on a copy: the original is copied to a backup beside it (one only:
 * an identical backup left by an earlier attempt is reused), the migrations run on a working copy,
 * and only a fully migrated copy replaces the original.
 */
function migrateOnCopy(
  path: string,
  fromVersion: number,
  migrations: readonly Migration[],
  options: OpenOptions
): OpenedWorkbook {
  const now = (options.now ?? (() => new Date()))();
  const backupPath = existingBackup(path, fromVersion) ?? newBackup(path, fromVersion, now);
  const workingPath = `${path}.migrating`;
  copyFileSync(path, workingPath);
  let working: Db | null = connect(workingPath, options);
  try {
    configure(working);
    applyMigrations(working, fromVersion, migrations, { now: () => now, ...(options.actor ? { actor: options.actor } : {}) });
    const check = working.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check after migration: ${String(check)}`);
    working.close();
    working = null;
    renameSync(workingPath, path);
  } catch (error) {
    working?.close();
    if (existsSync(workingPath)) unlinkSync(workingPath);
    throw new DemarcError(
      'MIGRATION_FAILED',
      `${basename(path)} could not be upgraded from format ${fromVersion}: ${error instanceof Error ? error.message : String(error)}. The original file was not changed (a copy is at ${basename(backupPath)}).`
    );
  }
  const opened = openWorkbookFile(path, options);
  return { ...opened, backupPath };
}

/** Closes a workbook so that the .demarc file alone holds everything. */
export function closeWorkbookFile(db: Db): void {
  if (db.open) db.close();
}

/**
 * Rows this connection has inserted, updated or deleted since the workbook was opened (rolled
 * back ones included). The connection holds the file exclusively, so an unchanged count means an
 * unchanged workbook: what was worked out from it still holds.
 */
export function rowsWrittenSinceOpen(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Pages SQLite keeps in memory during a bulk write (KiB; its default is 2 MB). */
const BULK_WRITE_CACHE_KIB = 32 * 1024;

/**
 * Runs a write of many rows with a larger page cache, then gives the memory back. An import's
 * key index takes its rows in no particular order: with SQLite's default 2 MB cache, a 100k
 * import evicts and rewrites the same index pages tens of thousands of times mid-transaction.
 */
export function withBulkWriteCache<T>(db: Db, work: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_WRITE_CACHE_KIB}`);
  try {
    return work();
  } finally {
    db.pragma(`cache_size = ${before}`);
    db.pragma('shrink_memory');
  }
}
