/**
 * The logical-content SHA-256 printed on the Cover: a hash of what the workbook says, not of its
 * bytes (a zip's bytes change with timestamps and compression; the content does not).
 *
 * Definition: SHA-256 (hex) of the UTF-8 canonical JSON of `{ changeLog, report }`: object keys
 * sorted by code unit, no whitespace, array order kept, `undefined` members left out and
 * non-finite numbers written as `null` (as JSON.stringify does). Anyone holding the report JSON
 * and the change log can recompute it with a canonical-JSON tool (RFC 8785 agrees for this data).
 *
 * Computed in main (node:crypto) rather than core, and fed in chunks so a 100k-asset report is
 * never turned into one 300 MB string.
 */
import { createHash } from 'node:crypto';
import type { ChangeLogEntry } from '../../shared/domain';
import type { Report } from '../../shared/report';

/** Text handed to the hash in pieces of about this many UTF-16 units. */
const CHUNK = 1 << 16;

/** SHA-256 (hex) of the canonical JSON of `{ changeLog, report }`. */
export function logicalContentHash(report: Report, changeLog: readonly ChangeLogEntry[]): string {
  const hash = createHash('sha256');
  const out = { text: '' };
  const emit = (piece: string): void => {
    out.text += piece;
    if (out.text.length >= CHUNK) {
      hash.update(out.text, 'utf8');
      out.text = '';
    }
  };
  writeCanonical({ changeLog, report }, emit);
  hash.update(out.text, 'utf8');
  return hash.digest('hex');
}

/** Canonical JSON of a value, written through `emit` (exported for tests). */
export function canonicalJson(value: unknown): string {
  let text = '';
  writeCanonical(value, (piece) => {
    text += piece;
  });
  return text;
}

function writeCanonical(value: unknown, emit: (piece: string) => void): void {
  if (value === null || typeof value !== 'object') {
    emit(primitive(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    emit('[');
    value.forEach((item: unknown, i) => {
      if (i > 0) emit(',');
      writeCanonical(item === undefined || typeof item === 'function' ? null : item, emit);
    });
    emit(']');
    return;
  }
  const record = value as Record<string, unknown>;
  emit('{');
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    emit(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    writeCanonical(member, emit);
  }
  emit('}');
}

function primitive(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    default:
      return undefined;
  }
}
