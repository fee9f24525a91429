/**
 * How large an .xlsx (a ZIP archive) is once inflated, read from its central directory before any
 * of it is inflated: a 3 MB file can hold 400 MB of XML, which exceljs would inflate and parse
 * whole. The sizes are the archive's own word (a lying archive is caught by the inflater's
 * checks, not here); an archive this cannot read is left to exceljs to refuse.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/**
 * The sum of the entries' uncompressed sizes; Infinity for a ZIP64 archive (sizes past 4 GiB),
 * null when the bytes are not a ZIP archive this can read.
 */
export function inflatedSize(bytes: Buffer): number | null {
  const from = Math.max(0, bytes.length - EOCD_SEARCH);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
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
