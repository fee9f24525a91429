/**
 * A ZIP archive read in place from an open file: its central directory (ZIP64 included), then any
 * entry inflated as a stream of chunks straight from its byte range. Nothing is held whole, and an
 * entry that is never asked for is never inflated, so an xlsx's parts can be read in the order the
 * reader needs them (the identity and shared strings before the sheets), whatever order the
 * client that saved the file wrote them in.
 */
import { createReadStream, readSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
/** Bytes read from the file at a time. */
const READ_CHUNK = 1024 * 1024;
/** Bytes inflated per output chunk. */
const INFLATE_CHUNK = 256 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the archive declares it (the reader counts what really comes out). */
  size: number;
  localOffset: number;
}

/** The file is no ZIP archive this can read (named in the message). */
export class NotAZip extends Error {}

export class ZipFile {
  /** The entries by name (a leading "/" dropped). */
  readonly entries = new Map<string, ZipEntry>();
  /** The sum of the sizes the entries declare. */
  readonly declaredSize: number;

  constructor(
    private readonly fd: number,
    private readonly fileSize: number
  ) {
    let declared = 0;
    for (const entry of readCentralDirectory((position, length) => this.read(position, length), fileSize)
      .entries) {
      this.entries.set(entry.name.replace(/^\//, ''), entry);
      declared += entry.size;
    }
    this.declaredSize = declared;
  }

  /** `length` bytes at `position` (fewer at the end of the file). */
  private read(position: number, length: number): Buffer {
    const bytes = Buffer.alloc(Math.max(0, Math.min(length, this.fileSize - position)));
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(this.fd, bytes, done, bytes.length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return bytes.subarray(0, done);
  }

  /** The entry's data, inflated, a chunk at a time. */
  async *chunks(entry: ZipEntry): AsyncGenerator<Buffer> {
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw new NotAZip(
        `its part ${entry.name} is compressed with method ${entry.method}, which an xlsx does not use`
      );
    const start = entryDataStart((position, length) => this.read(position, length), entry);
    if (entry.compressedSize === 0) return;
    const source = createReadStream('', {
      fd: this.fd,
      start,
      end: start + entry.compressedSize - 1,
      autoClose: false,
      highWaterMark: READ_CHUNK
    });
    if (entry.method === STORED) {
      for await (const chunk of source) yield chunk as Buffer;
      return;
    }
    const inflated = pipeline(source, createInflateRaw({ chunkSize: INFLATE_CHUNK }), () => {});
    for await (const chunk of inflated) yield chunk as Buffer;
  }
}

/** `length` bytes at `position` of an archive (fewer at its end): a file read in place, or bytes in memory. */
export type ReadAt = (position: number, length: number) => Buffer;

/** Reads an archive held in memory. */
export const bufferReader =
  (bytes: Buffer): ReadAt =>
  (position, length) =>
    bytes.subarray(position, Math.min(bytes.length, position + length));

/** The archive's entries as its central directory declares them (ZIP64 included), and where that directory starts. */
export function readCentralDirectory(
  read: ReadAt,
  fileSize: number
): { entries: ZipEntry[]; offset: number } {
  const tailStart = Math.max(0, fileSize - EOCD_SEARCH);
  const tail = read(tailStart, fileSize - tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new NotAZip('no ZIP end-of-central-directory record (not an xlsx archive, or a truncated one)');
  let count = tail.readUInt16LE(eocd + 10);
  let length = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE)
      throw new NotAZip('a ZIP64 archive without its ZIP64 locator');
    const record = read(Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE)
      throw new NotAZip('a ZIP64 archive without its ZIP64 end record');
    count = Number(record.readBigUInt64LE(32));
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  const directory = read(offset, length);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw new NotAZip('its central directory is damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42)
    };
    zip64Sizes(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + directory.readUInt16LE(at + 32);
  }
  return { entries, offset };
}

/** Where an entry's data starts, past its local header (which must be where the directory says). */
export function entryDataStart(read: ReadAt, entry: ZipEntry): number {
  const local = read(entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE)
    throw new NotAZip(`its part ${entry.name} is not where the central directory says`);
  return entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/** The sizes and offset a ZIP64 entry keeps in its extra field (each only when the 32-bit one is 0xffffffff). */
function zip64Sizes(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + length ? Number(extra.readBigUInt64LE(field)) : NaN;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      if ([entry.size, entry.compressedSize, entry.localOffset].some(Number.isNaN))
        throw new NotAZip(`its entry ${entry.name} has a damaged ZIP64 field`);
      return;
    }
    at += 4 + length;
  }
}
