/**
 * The checks every file a user names goes through, in the app and the CLI alike: opened
 * without blocking (a FIFO or a device would otherwise hang or exhaust main), fstat first, a
 * regular file only, under a size limit for its kind; a path to write has an existing folder
 * and a name the file system takes. Every failure is a DemarcError naming the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DemarcError, quote } from '@shared/errors';

const MiB = 1024 * 1024;

/** The largest file Demarc reads, per kind. */
export const FILE_SIZE_LIMITS = {
  /** An inventory export (JSON, CSV, xlsx): 100,000 full `az resource list` objects are ~300 MiB. */
  inventory: 1024 * MiB,
  /** A responsibility model or a control mapping (JSON): the built-in ones are under 100 KiB. */
  json: 16 * MiB,
  /** CSA's CAIQ v4 workbook: about 1 MiB. */
  caiq: 64 * MiB,
  /** A signing key or public key (PEM): under 1 KiB. */
  key: 64 * 1024,
  /** A workbook is opened by SQLite, which reads pages as needed: no size limit. */
  workbook: Number.POSITIVE_INFINITY
} as const;
export type FileKind = keyof typeof FILE_SIZE_LIMITS;

/** The longest file name (one path component) common file systems take, in UTF-8 bytes. */
const NAME_MAX_BYTES = 255;

/** A file's name for messages: its base name, quoted and cut when long. */
function nameOf(path: string): string {
  return quote(basename(path) || path, 120);
}

const sizeText = (bytes: number): string => (bytes >= MiB ? `${(bytes / MiB).toFixed(0)} MiB` : `${bytes.toLocaleString('en-GB')} bytes`);

/** What a failed open, stat, read or write of `path` means to the user. */
export function fileSystemError(error: unknown, path: string, doing = 'read'): DemarcError {
  if (error instanceof DemarcError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const name = nameOf(path);
  switch (code) {
    case 'ENOENT':
      return existsFolder(dirname(resolve(path)))
        ? new DemarcError('NOT_FOUND', `${name}: no such file.`)
        : new DemarcError('NOT_FOUND', `${name}: the folder ${quote(dirname(resolve(path)), 200)} does not exist.`);
    case 'ENOTDIR':
      return new DemarcError('NOT_FOUND', `${name}: a part of its path is not a folder.`);
    case 'ENAMETOOLONG':
      return new DemarcError('INVALID_INPUT', `${name}: the file name or path is too long for the file system.`);
    case 'EACCES':
    case 'EPERM':
      return new DemarcError('BAD_FILE', `${name}: permission denied (cannot ${doing} it).`);
    case 'EISDIR':
      return new DemarcError('BAD_FILE', `${name} is a folder, not a file.`);
    case 'ELOOP':
      return new DemarcError('BAD_FILE', `${name}: too many symbolic links.`);
    case 'ENOSPC':
      return new DemarcError('BAD_FILE', `${name}: the disk is full.`);
    case 'EROFS':
      return new DemarcError('BAD_FILE', `${name}: the file system is read-only.`);
    case 'EMFILE':
    case 'ENFILE':
      return new DemarcError('BAD_FILE', `${name}: too many files are open; close some programs and try again.`);
    default:
      return new DemarcError('BAD_FILE', `${name}: cannot ${doing} it (${code ?? (error instanceof Error ? error.message : String(error))}).`);
  }
}

function existsFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Refuses anything but a regular file under the kind's size limit. */
function checkStats(stats: Stats, path: string, kind: FileKind): void {
  if (stats.isDirectory()) throw new DemarcError('BAD_FILE', `${nameOf(path)} is a folder, not a file.`);
  if (!stats.isFile()) throw new DemarcError('BAD_FILE', `${nameOf(path)}: not a regular file (a pipe, a device or a socket cannot be read).`);
  const limit = FILE_SIZE_LIMITS[kind];
  if (stats.size > limit) {
    throw new DemarcError('BAD_FILE', `${nameOf(path)} is ${sizeText(stats.size)}: larger than the ${sizeText(limit)} Demarc reads for this kind of file.`);
  }
}

/**
 * Opens a file for reading without ever blocking: O_NONBLOCK makes opening a FIFO return at
 * once (with no writer it would wait for ever), and fstat on the open descriptor, before any
 * read, refuses whatever is not a regular file. The caller closes the descriptor.
 */
export function openRegularFile(path: string, kind: FileKind): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileSystemError(error, path);
  }
  try {
    const stats = fstatSync(fd);
    checkStats(stats, path, kind);
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    throw fileSystemError(error, path);
  }
}

/** A whole file's bytes, after the checks of openRegularFile (for the small files of a sync service). */
export function readUserFileSync(path: string, kind: FileKind): Buffer {
  const { fd, size } = openRegularFile(path, kind);
  try {
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    throw fileSystemError(error, path);
  } finally {
    closeSync(fd);
  }
}

/** A whole file's bytes without blocking main, after the same checks as openRegularFile. */
export async function readUserFile(path: string, kind: FileKind): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileSystemError(error, path);
  }
  try {
    checkStats(await handle.stat(), path, kind);
    return await handle.readFile();
  } catch (error) {
    throw fileSystemError(error, path);
  } finally {
    await handle.close();
  }
}

/**
 * Checks a path Demarc is about to create or replace: its folder exists, its name fits the
 * file system, and what is there now (if anything) is a regular file, never a folder, a pipe or
 * a device.
 */
export function checkWritablePath(path: string): void {
  const absolute = resolve(path);
  const name = basename(absolute);
  if (Buffer.byteLength(name, 'utf8') > NAME_MAX_BYTES) {
    throw new DemarcError('INVALID_INPUT', `The file name ${quote(name, 60)} is too long: ${Buffer.byteLength(name, 'utf8')} bytes, at most ${NAME_MAX_BYTES}.`);
  }
  const folder = dirname(absolute);
  if (!existsFolder(folder)) throw new DemarcError('NOT_FOUND', `The folder ${quote(folder, 200)} does not exist.`);
  let stats: Stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileSystemError(error, absolute, 'write');
  }
  if (stats.isDirectory()) throw new DemarcError('BAD_FILE', `${nameOf(absolute)} is a folder, not a file.`);
  if (!stats.isFile()) throw new DemarcError('BAD_FILE', `${nameOf(absolute)}: not a regular file (a pipe, a device or a socket cannot be written).`);
}
