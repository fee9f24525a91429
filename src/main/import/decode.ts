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

export interface EncodingChoice {
  /** The iconv-lite name to decode with. */
  codec: string;
  /** The name reported to the user: 'utf-8-bom' keeps the BOM visible. */
  encoding: string;
  /** Bytes of BOM at the start of the file. */
  bomLength: number;
  warning: string | null;
}

/**
 * Choose an encoding without decoding the file. Order: explicit override, BOM, UTF-16 NUL
 * pattern, strict UTF-8, then chardet as a hint with windows-1252 as the single-byte default.
 * @param bytes the whole file
 * @param override an encoding name chosen by the user (any name iconv-lite knows)
 * @throws Error when the override names an encoding iconv-lite does not know
 */
export function chooseEncoding(bytes: Buffer, override?: string): EncodingChoice {
  const utf8Bom = hasPrefix(bytes, [0xef, 0xbb, 0xbf]);
  if (override) {
    const codec = normaliseName(override);
    if (!iconv.encodingExists(codec)) throw new Error(`Unknown encoding "${override}"`);
    const bom = codec === 'utf-8' && utf8Bom;
    return { codec, encoding: bom ? 'utf-8-bom' : codec, bomLength: bom ? 3 : 0, warning: null };
  }
  if (utf8Bom) return { codec: 'utf-8', encoding: 'utf-8-bom', bomLength: 3, warning: null };
  if (hasPrefix(bytes, [0xff, 0xfe]))
    return { codec: 'utf-16le', encoding: 'utf-16le', bomLength: 2, warning: null };
  if (hasPrefix(bytes, [0xfe, 0xff]))
    return { codec: 'utf-16be', encoding: 'utf-16be', bomLength: 2, warning: null };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { codec: utf16, encoding: utf16, bomLength: 0, warning: null };
  if (isUtf8(bytes)) return { codec: 'utf-8', encoding: 'utf-8', bomLength: 0, warning: null };

  const hint = detectCharset(bytes.subarray(0, SAMPLE_BYTES));
  const hinted = hint ? normaliseName(hint) : null;
  const codec = hinted && TRUSTED_HINTS.has(hinted) && iconv.encodingExists(hinted) ? hinted : 'windows-1252';
  return {
    codec,
    encoding: codec,
    bomLength: 0,
    warning: `The file is not valid UTF-8; read it as ${codec}. If accented characters look wrong, choose the encoding by hand.`
  };
}

/** Decode with a chosen encoding; a BOM is dropped. */
export function decodeWith(bytes: Buffer, choice: EncodingChoice): string {
  const codec = choice.codec;
  if (codec === 'utf-8') return bytes.toString('utf8', choice.bomLength);
  if (!iconv.encodingExists(codec)) throw new Error(`Unknown encoding "${choice.codec}"`);
  // iconv-lite strips a leading U+FEFF whatever the codec (an override may keep a BOM in bytes).
  return iconv.decode(bytes.subarray(choice.bomLength), codec);
}

/**
 * Decode a file's bytes: `chooseEncoding` then `decodeWith`.
 * @throws Error when the override names an encoding iconv-lite does not know
 */
export function decodeBytes(bytes: Buffer, override?: string): DecodedText {
  const choice = chooseEncoding(bytes, override);
  return { text: decodeWith(bytes, choice), encoding: choice.encoding, warning: choice.warning };
}

/** Decode the first `maxBytes` of a file, for detection (a character cut at the end is harmless). */
export function decodeSample(bytes: Buffer, choice: EncodingChoice, maxBytes: number): string {
  const end = Math.min(bytes.length, choice.bomLength + maxBytes);
  return decodeWith(bytes.subarray(0, end), choice);
}

/**
 * Re-encode a file as UTF-8 bytes chunk by chunk, never holding the whole text as a string:
 * a 150 MB UTF-16 export would otherwise cost 150 MB of string on top of its bytes.
 */
export function transcodeToUtf8(bytes: Buffer, choice: EncodingChoice): Buffer {
  const body = bytes.subarray(choice.bomLength);
  if (choice.codec === 'utf-8') return body;
  const codec = choice.codec;
  if (!iconv.encodingExists(codec)) throw new Error(`Unknown encoding "${choice.codec}"`);
  const decoder = iconv.getDecoder(codec, { stripBOM: true });
  // Worst case UTF-8 needs 3 bytes per UTF-16 unit (2 bytes) or per single byte. Untouched
  // pages of a large allocation are never resident: the slack costs address space, not memory.
  const factor = codec.startsWith('utf-16') ? 1.5 : 3;
  const target = Buffer.allocUnsafe(Math.max(16, Math.ceil(body.length * factor)));
  let written = 0;
  const step = 1 << 20;
  for (let i = 0; i < body.length; i += step) {
    written += target.write(decoder.write(body.subarray(i, i + step)), written, 'utf8');
  }
  written += target.write(decoder.end() ?? '', written, 'utf8');
  return target.subarray(0, written);
}
