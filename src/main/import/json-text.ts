/**
 * JSON helpers: where a syntax error is (line and column from JSON.parse's message), and a
 * cheap look at the start of a file to tell the shapes apart without parsing it all.
 */

/** 1-based line and column of a character offset; CRLF, CR and LF each end a line. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * Turn a JSON.parse SyntaxError into a message naming line and column. V8 gives a character
 * position ("at position 123", newer versions also "line 4 column 7"); an unexpected end has
 * no position, so it is placed at the end of the text.
 */
export function describeJsonError(error: unknown, text: string): JsonSyntaxProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const lc = /line (\d+) column (\d+)/.exec(raw);
  const pos = /at position (\d+)/.exec(raw);
  const offset = pos ? Number(pos[1]) : lc ? null : text.length;
  const where = lc
    ? { line: Number(lc[1]), column: Number(lc[2]) }
    : lineColumnAt(text, offset ?? text.length);
  const reason = raw
    .replace(/\s*(in JSON )?at position \d+.*$/, '')
    .replace(/\s*\(line \d+ column \d+\)/, '');
  // An error at the very end ("Unexpected end", "Unterminated string") means the file was cut.
  const atEnd = /end of JSON input/i.test(raw) || (offset !== null && offset >= text.trimEnd().length);
  return {
    ...where,
    message: `The JSON is malformed at line ${where.line}, column ${where.column}: ${reason}${atEnd ? ' (the file looks truncated)' : ''}`
  };
}

export interface JsonSniff {
  top: 'array' | 'object' | 'other';
  /** Keys of the top-level object, in order, as far as the sample goes. */
  keys: string[];
  /** The first element of the top-level array, when it fits in the sample. */
  first: unknown;
}

/**
 * Look at the first characters of a JSON document: the top-level container, the top-level
 * keys and the first array element. Only structure is tracked; values are not parsed except
 * the first element, which is cut out and parsed alone.
 */
export function sniffJson(sample: string): JsonSniff {
  const start = sample.search(/\S/);
  const opener = start < 0 ? '' : sample[start];
  const top = opener === '[' ? 'array' : opener === '{' ? 'object' : 'other';
  const keys: string[] = [];
  let first: unknown = undefined;
  if (top === 'other') return { top, keys, first };
  let depth = 0;
  let elementStart = -1;
  for (let i = start; i < sample.length; i++) {
    const ch = sample[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < sample.length && sample[j] !== '"') j += sample[j] === '\\' ? 2 : 1;
      if (j >= sample.length) break;
      if (top === 'object' && depth === 1 && /^\s*:/.test(sample.slice(j + 1, j + 8))) {
        keys.push(JSON.parse(sample.slice(i, j + 1)) as string);
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      depth++;
      if (top === 'array' && depth === 2) elementStart = i;
    } else if (ch === '}' || ch === ']') {
      if (top === 'array' && depth === 2 && elementStart >= 0) {
        try {
          first = JSON.parse(sample.slice(elementStart, i + 1));
        } catch {
          first = undefined;
        }
        break;
      }
      depth--;
      if (depth === 0) break;
    } else if (top === 'array' && depth === 1 && ch !== ',' && !/\s/.test(ch ?? '')) {
      // A scalar first element (a list of names): not an inventory shape, but say what it is.
      first = sample.slice(i, i + 40);
      break;
    }
  }
  return { top, keys, first };
}

export type JsonDocument = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/** JSON held as bytes in one of the encodings Node decodes natively. */
export interface JsonBytes {
  bytes: Buffer;
  encoding: 'utf8' | 'utf16le';
}

/** Parse a whole JSON document, or say where it is malformed. */
export function parseJsonDocument(json: JsonBytes): JsonDocument {
  const text = json.bytes.toString(json.encoding);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: describeJsonError(error, text) };
  }
}
