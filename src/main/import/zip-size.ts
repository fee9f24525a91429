/**
 * How large an .xlsx (a ZIP archive) is once inflated: a 3 MB file can hold 400 MB of XML, which
 * exceljs would inflate and parse whole. First the archive's own word (its central directory, read
 * before anything is inflated: an honest archive past the limit is refused at once), then the truth:
 * every entry inflated and counted, its output thrown away, stopping at the limit — an archive that
 * declares small sizes and inflates to gigabytes is refused naming the entry. An archive this cannot
 * read is left to exceljs to refuse.
 */
import { createInflateRaw } from 'node:zlib';
import { bufferReader, entryDataStart, NotAZip, readCentralDirectory, type ZipEntry } from '../export/zip-file';

const STORED = 0;
const DEFLATED = 8;

/** The central directory's entries and where it starts; null when the bytes are not a ZIP archive this can read. */
function centralDirectory(bytes: Buffer): { entries: ZipEntry[]; offset: number } | null {
  try {
    return readCentralDirectory(bufferReader(bytes), bytes.length);
  } catch (error) {
    if (error instanceof NotAZip) return null;
    throw error;
  }
}

/** The sum of the entries' uncompressed sizes as the archive declares them; null when the bytes are not a ZIP archive this can read. */
export function inflatedSize(bytes: Buffer): number | null {
  return centralDirectory(bytes)?.entries.reduce((total, entry) => total + entry.size, 0) ?? null;
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
  /** The sum of the sizes the archive declares. */
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
  const directory = centralDirectory(bytes);
  if (directory === null) return null;
  const declared = directory.entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limit) return { entry: '', declared, byDeclaration: true };
  const read = bufferReader(bytes);
  let total = 0;
  for (const entry of directory.entries) {
    let start: number;
    try {
      start = entryDataStart(read, entry);
    } catch {
      continue;
    }
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
    return `${fileName} inflates to ${mib(overrun.declared)} of XML, more than the ${cap} Demarc reads: nothing was read (${advice}).`;
  }
  return `${fileName} inflates past the ${cap} of XML Demarc reads (its entry "${overrun.entry.slice(0, 200)}" passed the limit, though the archive declares ${mib(overrun.declared)} in all): nothing was read (${advice}).`;
}
