/**
 * How large an .xlsx (a ZIP archive) is once inflated: a 3 MB file can hold 400 MB of XML, which
 * exceljs would inflate and parse whole. First the archive's own word (its central directory, read
 * before anything is inflated: an honest archive past the limit is refused at once), then the truth:
 * every entry inflated and counted, its output thrown away, stopping at the limit — an archive that
 * declares small sizes and inflates to gigabytes is refused naming the entry. An archive this cannot
 * read is left to exceljs to refuse.
 */
import { createInflateRaw } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/** Where the end-of-central-directory record starts (searched back from the end), or -1. */
function endOfCentralDirectory(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/**
 * The sum of the entries' uncompressed sizes; Infinity for a ZIP64 archive (sizes past 4 GiB),
 * null when the bytes are not a ZIP archive this can read.
 */
export function inflatedSize(bytes: Buffer): number | null {
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) return Number.POSITIVE_INFINITY;
  let at = offset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

/** One entry of the central directory, as the archive declares it. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The central directory's entries and where it starts; null when the bytes are not a ZIP archive this can read. */
function centralDirectory(bytes: Buffer): { entries: ZipEntry[]; offset: number } | null {
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, Math.min(bytes.length, at + 46 + nameLength)),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42)
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { entries, offset };
}

/** Inflates a raw deflate stream, counting its bytes and throwing them away; stops once past `budget`. */
function inflatedBytes(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    // Large output chunks: a gigabyte is a thousand events, not sixty thousand.
    const inflater = createInflateRaw({ chunkSize: 1024 * 1024 });
    let total = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(total);
    };
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        finish();
        inflater.destroy();
      }
    });
    inflater.on('end', finish);
    // A broken stream is exceljs's to refuse (with its own words); what inflated until then counts.
    inflater.on('error', finish);
    inflater.end(data);
  });
}

/** An archive that inflates past the limit: the entry where the count passed it, and what the archive declared. */
export interface InflationOverrun {
  entry: string;
  /** The sum of the sizes the archive declares (Infinity for ZIP64). */
  declared: number;
  /** True when the declared sizes alone pass the limit (nothing was inflated). */
  byDeclaration: boolean;
}

/**
 * Whether the archive inflates past `limit` bytes: by the sizes it declares, then by inflating each
 * entry and counting (output discarded, so memory stays flat). Null when it stays within the limit
 * or is not a ZIP archive this can read.
 */
export async function inflationOverrun(bytes: Buffer, limit: number): Promise<InflationOverrun | null> {
  const declared = inflatedSize(bytes);
  if (declared === null) return null;
  if (declared > limit) return { entry: '', declared, byDeclaration: true };
  const directory = centralDirectory(bytes);
  if (directory === null) return null;
  let total = 0;
  for (const entry of directory.entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) continue;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    if (entry.method === STORED) total += entry.compressedSize;
    // Fed everything up to the central directory: the deflate stream ends where it says, whatever size was declared.
    else if (entry.method === DEFLATED) total += await inflatedBytes(bytes.subarray(start, Math.max(start, directory.offset)), limit - total);
    if (total > limit) return { entry: entry.name, declared, byDeclaration: false };
  }
  return null;
}

const mib = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KiB` : `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en-GB')} MiB`;

/** The refusal of an archive past `limit`, naming the file and (when it lied) the entry. */
export function inflationMessage(fileName: string, overrun: InflationOverrun, limit: number, advice: string): string {
  const cap = `${limit / 1024 / 1024} MiB`;
  if (overrun.byDeclaration) {
    const size = Number.isFinite(overrun.declared) ? mib(overrun.declared) : 'more than 4 GiB';
    return `${fileName} inflates to ${size} of XML, more than the ${cap} Demarc reads: nothing was read (${advice}).`;
  }
  return `${fileName} inflates past the ${cap} of XML Demarc reads (its entry "${overrun.entry.slice(0, 200)}" passed the limit, though the archive declares ${mib(overrun.declared)} in all): nothing was read (${advice}).`;
}
