/**
 * Reading a large top-level JSON array element by element.
 *
 * Why: `JSON.parse` of a 75 MB `az resource list` keeps every full object alive at once
 * (≈380 MB RSS for 100k resources, measured). The CLI pretty-prints, so each element ends with
 * a newline, the element's own indentation and `}` — a sequence that cannot occur inside a
 * JSON string (raw newlines are not allowed there) nor at any other depth. Cutting on it with
 * Buffer.indexOf and parsing each element alone keeps only the rows (≈120 MB) and is as fast
 * as one big parse. Every piece is still validated by JSON.parse and the separators between
 * pieces are checked, so the fast path accepts exactly valid JSON; any surprise (minified
 * input, odd layout, a syntax error) returns false and the caller parses the text whole.
 */
import { yieldToLoop } from '../reader-types';

export interface VisitControl {
  signal?: AbortSignal;
  onProgress?: (rowsRead: number) => void;
}

const YIELD_EVERY = 2000;

/** The encodings the fast path reads directly (others are transcoded to UTF-8 first). */
export type ArrayEncoding = 'utf8' | 'utf16le';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Visit each object of a pretty-printed top-level JSON array held as bytes (UTF-8, or the
 * UTF-16LE that Windows PowerShell writes, read in place rather than transcoded).
 * Returns false, having possibly visited some elements, when the layout is not the expected
 * one; the caller must then discard what it collected and parse the text whole.
 * @throws the signal's reason when aborted
 */
export async function visitPrettyArray(
  bytes: Buffer,
  visit: (element: unknown, index: number) => void,
  control: VisitControl = {},
  encoding: ArrayEncoding = 'utf8'
): Promise<boolean> {
  const w = encoding === 'utf8' ? 1 : 2;
  const end = bytes.length - (bytes.length % w);
  const unit =
    w === 1
      ? (i: number): number => bytes[i] ?? -1
      : (i: number): number => (i + 1 < end ? bytes.readUInt16LE(i) : -1);
  const skipSpace = (i: number): number => {
    while (i < end && isSpace(unit(i))) i += w;
    return i;
  };
  const find = (needle: Buffer, from: number): number => {
    // In UTF-16 a match must start on a code-unit boundary.
    for (let hit = bytes.indexOf(needle, from); hit >= 0; hit = bytes.indexOf(needle, hit + 1)) {
      if (hit % w === 0) return hit;
    }
    return -1;
  };

  let i = skipSpace(0);
  if (unit(i) !== 0x5b /* [ */) return false;
  i = skipSpace(i + w);
  if (unit(i) === 0x5d /* ] */) return skipSpace(i + w) === end;
  if (unit(i) !== 0x7b /* { */) return false;
  let lineStart = i - w;
  while (lineStart >= 0 && unit(lineStart) !== 0x0a) lineStart -= w;
  if (lineStart < 0) return false;
  const indent = bytes.subarray(lineStart + w, i).toString(encoding);
  if (!/^[ \t]*$/.test(indent)) return false;
  const marker = Buffer.from(`\n${indent}}`, encoding);

  let index = 0;
  let start = i;
  for (;;) {
    const hit = find(marker, start);
    if (hit < 0) return false;
    const stop = hit + marker.length;
    let element: unknown;
    try {
      element = JSON.parse(bytes.toString(encoding, start, stop));
    } catch {
      return false;
    }
    visit(element, index);
    index++;
    if (index % YIELD_EVERY === 0) {
      control.onProgress?.(index);
      await yieldToLoop();
      control.signal?.throwIfAborted();
    }
    let k = skipSpace(stop);
    if (unit(k) === 0x2c /* , */) {
      k = skipSpace(k + w);
      if (unit(k) !== 0x7b) return false;
      start = k;
      continue;
    }
    if (unit(k) === 0x5d) return skipSpace(k + w) === end;
    return false;
  }
}
