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

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function skipSpace(bytes: Buffer, i: number): number {
  while (i < bytes.length && isSpace(bytes[i])) i++;
  return i;
}

/**
 * Visit each object of a pretty-printed top-level JSON array held as UTF-8 bytes.
 * Returns false, having possibly visited some elements, when the layout is not the expected
 * one; the caller must then discard what it collected and parse the text whole.
 * @throws the signal's reason when aborted
 */
export async function visitPrettyArray(
  bytes: Buffer,
  visit: (element: unknown, index: number) => void,
  control: VisitControl = {}
): Promise<boolean> {
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== 0x5b /* [ */) return false;
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === 0x5d /* ] */) return skipSpace(bytes, i + 1) === bytes.length;
  if (bytes[i] !== 0x7b /* { */) return false;
  const lineStart = bytes.lastIndexOf(0x0a, i);
  if (lineStart < 0) return false;
  const indent = bytes.subarray(lineStart + 1, i);
  if (!indent.every((b) => b === 0x20 || b === 0x09)) return false;
  const marker = Buffer.concat([Buffer.from('\n'), indent, Buffer.from('}')]);

  let index = 0;
  let start = i;
  for (;;) {
    const hit = bytes.indexOf(marker, start);
    if (hit < 0) return false;
    const end = hit + marker.length;
    let element: unknown;
    try {
      element = JSON.parse(bytes.toString('utf8', start, end));
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
    let k = skipSpace(bytes, end);
    if (bytes[k] === 0x2c /* , */) {
      k = skipSpace(bytes, k + 1);
      if (bytes[k] !== 0x7b) return false;
      start = k;
      continue;
    }
    if (bytes[k] === 0x5d) return skipSpace(bytes, k + 1) === bytes.length;
    return false;
  }
}
