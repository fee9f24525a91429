/**
 * The export identity of an xlsx read straight from its ZIP archive: the hidden identity sheet is
 * found through xl/workbook.xml and its relationships and inflated alone (with the shared strings
 * its cells point to), so recognising a million-row export does not parse its million rows, as a
 * streaming read (which meets the identity sheet last) would. Whatever this cannot follow — not a
 * ZIP it can read, parts named otherwise — answers `undefined`, and the caller reads the
 * file the long way (xlsx-roundtrip-reader.ts); it never decides alone that a file is no export.
 */
import { inflateRawSync } from 'node:zlib';
import { SHEET_NAMES } from '@core/export-model';
import type { ReadCell } from '@core/roundtrip/sheet-cells';
import type { RoundTripIdentity } from '@shared/contract/roundtrip';
import { identityOf } from './xlsx-roundtrip-reader';
import { bufferReader, entryDataStart, NotAZip, readCentralDirectory, type ZipEntry } from './zip-file';

/** A part larger than this once inflated is not one this reads (the shared strings of a huge export are far smaller). */
const MAX_PART = 256 * 2 ** 20;

/** The archive's entries by name, from its central directory; null when it cannot be read here. */
function entries(bytes: Buffer): Map<string, ZipEntry> | null {
  try {
    return new Map(readCentralDirectory(bufferReader(bytes), bytes.length).entries.map((entry) => [entry.name.replace(/^\//, ''), entry]));
  } catch (error) {
    if (error instanceof NotAZip) return null;
    throw error;
  }
}

/** One part's text; null when it is absent, too large, or stored in a way this does not read. */
function part(bytes: Buffer, all: Map<string, ZipEntry>, name: string): string | null {
  return partBytes(bytes, all, name)?.toString('utf8') ?? null;
}

/** One part's bytes, inflated; null when it is absent, too large, or stored in a way this does not read. */
function partBytes(bytes: Buffer, all: Map<string, ZipEntry>, name: string): Buffer | null {
  const entry = all.get(name);
  if (entry === undefined || entry.size > MAX_PART) return null;
  let start: number;
  try {
    start = entryDataStart(bufferReader(bytes), entry);
  } catch {
    return null;
  }
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return null;
  return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities (and Excel's `_xHHHH_` escapes) decoded. */
function xmlValue(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
      name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? whole)
    )
    .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attribute = (tag: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
/** The text runs of a string item or inline string, joined (phonetic runs left out). */
const runs = (xml: string): string => xmlValue([...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));

/** The path of the identity sheet's part, from the workbook's sheet list and its relationships. */
function identitySheetPart(bytes: Buffer, all: Map<string, ZipEntry>): string | null | undefined {
  const workbook = part(bytes, all, 'xl/workbook.xml');
  const rels = part(bytes, all, 'xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) return undefined;
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => xmlValue(attribute(tag, 'name') ?? '') === SHEET_NAMES.identity);
  if (sheet === undefined) return null;
  const id = /\s[\w]+:id="([^"]*)"/.exec(sheet)?.[1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => attribute(tag, 'Id') === id);
  const target = rel === undefined ? null : attribute(rel, 'Target');
  if (target === null) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The identity of a Demarc export held in `bytes`: the identity, null when the workbook has no
 * identity sheet (or it is no identity), undefined when this could not tell (read the file instead).
 */
export function zipIdentity(bytes: Buffer): RoundTripIdentity | null | undefined {
  try {
    const all = entries(bytes);
    if (all === null) return undefined;
    const path = identitySheetPart(bytes, all);
    if (path === null || path === undefined) return path;
    const xml = part(bytes, all, path);
    if (xml === null) return undefined;
    const rows = [...xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
      [...row[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => ({ column: /^[A-Z]+/.exec(attribute(c[1]!, 'r') ?? '')?.[0] ?? null, type: attribute(c[1]!, 't'), body: c[2] ?? '' }))
    );
    const wanted = new Set(rows.flatMap((cells) => cells.filter((c) => c.type === 's').map((c) => Number(/<v>([\s\S]*?)<\/v>/.exec(c.body)?.[1]))));
    const shared = new Map<number, string>();
    if (wanted.size > 0) {
      const strings = partBytes(bytes, all, 'xl/sharedStrings.xml');
      if (strings === null) return undefined;
      // Items found by their bytes, and only the wanted ones decoded: the table of a large export is tens of MB.
      let index = 0;
      const last = Math.max(...wanted);
      for (let at = strings.indexOf('<si'); at >= 0 && index <= last; at = strings.indexOf('<si', at + 3)) {
        const next = strings[at + 3];
        if (next !== 0x3e && next !== 0x2f) continue; // "<si>" or "<si/>", not another element
        if (wanted.has(index) && next === 0x3e) {
          const end = strings.indexOf('</si>', at);
          shared.set(index, runs(strings.toString('utf8', at + 4, end < 0 ? strings.length : end)));
        } else if (wanted.has(index)) shared.set(index, '');
        index += 1;
      }
    }
    const valueOf = (cell: { type: string | null; body: string } | undefined): ReadCell['value'] => {
      if (cell === undefined) return null;
      if (cell.type === 'inlineStr') return runs(cell.body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(cell.body)?.[1];
      if (v === undefined) return null;
      if (cell.type === 's') return shared.get(Number(v)) ?? null;
      if (cell.type === 'str' || cell.type === 'e') return xmlValue(v);
      if (cell.type === 'b') return v === '1';
      return Number(v);
    };
    const items = new Map<string, ReadCell['value']>();
    for (const cells of rows) {
      // Label in column A, value in B (cells without a reference are in order).
      const at = (column: string, i: number) => cells.find((c) => c.column === column) ?? (cells[i]?.column === null ? cells[i] : undefined);
      const label = valueOf(at('A', 0));
      if (typeof label === 'string') items.set(label, valueOf(at('B', 1)));
    }
    return identityOf(items);
  } catch {
    return undefined;
  }
}
