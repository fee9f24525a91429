/**
 * Bytes → text. Exports come as UTF-8 (with or without BOM), UTF-16LE with BOM (Windows
 * PowerShell 5.1 redirection), and windows-1252 (Excel "CSV" on Western Windows).
 * Line endings are left alone: the CSV parser and JSON.parse both accept CRLF and CR, and
 * rewriting them would corrupt quoted values that legitimately hold a CRLF.
 */
import { isUtf8 } from 'node:buffer';
import { detect as detectCharset } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', or a chardet/override name. */
  encoding: string;
  /** Set when the encoding was guessed rather than known (no BOM, not valid UTF-8). */
  warning: string | null;
}

/** How much of a large file the heuristics look at. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Encodings chardet names that we trust over our windows-1252 default: multi-byte and
 * non-Latin scripts, where a wrong guess would garble everything. Single-byte Latin guesses
 * (ISO-8859-x, windows-1250/1254/1257) are unreliable on short samples, so they are not here.
 */
const TRUSTED_HINTS = new Set([
  'shift_jis',
  'euc-jp',
  'iso-2022-jp',
  'gb18030',
  'big5',
  'euc-kr',
  'windows-1251',
  'koi8-r',
  'iso-8859-5',
  'windows-1253',
  'iso-8859-7',
  'windows-1255',
  'iso-8859-8',
  'windows-1256',
  'iso-8859-6'
]);

function hasPrefix(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. The side the NULs
 * fall on gives the byte order. Returns null when the pattern is not clear.
 */
export function sniffUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

function normaliseName(name: string): string {
  const lower = name.trim().toLowerCase();
  // ISO-8859-1 as declared on the web is really windows-1252 (WHATWG); the 0x80–0x9F range
  // holds € and smart quotes in every real file we have seen.
  if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'latin-1' || lower === 'cp1252') {
    return 'windows-1252';
  }
  if (lower === 'utf8') return 'utf-8';
  return lower;
}

/**
 * Decode a file's bytes. Order: explicit override, BOM, UTF-16 NUL pattern, strict UTF-8,
 * then chardet as a hint with windows-1252 as the default for single-byte text.
 * @param bytes the whole file
 * @param override an encoding name chosen by the user (any name iconv-lite knows)
 * @throws Error when the override names an encoding iconv-lite does not know
 */
export function decodeBytes(bytes: Buffer, override?: string): DecodedText {
  if (override) {
    const name = normaliseName(override);
    if (!iconv.encodingExists(name)) throw new Error(`Unknown encoding "${override}"`);
    const bom = name.startsWith('utf-8') && hasPrefix(bytes, [0xef, 0xbb, 0xbf]);
    return { text: iconv.decode(bytes, name), encoding: bom ? 'utf-8-bom' : name, warning: null };
  }
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: iconv.decode(bytes, 'utf-8'), encoding: 'utf-8-bom', warning: null };
  }
  if (hasPrefix(bytes, [0xff, 0xfe])) {
    return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'utf-16le', warning: null };
  }
  if (hasPrefix(bytes, [0xfe, 0xff])) {
    return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'utf-16be', warning: null };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: iconv.decode(bytes, utf16), encoding: utf16, warning: null };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8', warning: null };

  const hint = detectCharset(bytes.subarray(0, SAMPLE_BYTES));
  const hinted = hint ? normaliseName(hint) : null;
  const encoding = hinted && TRUSTED_HINTS.has(hinted) && iconv.encodingExists(hinted) ? hinted : 'windows-1252';
  return {
    text: iconv.decode(bytes, encoding),
    encoding,
    warning: `The file is not valid UTF-8; read it as ${encoding}. If accented characters look wrong, choose the encoding by hand.`
  };
}
