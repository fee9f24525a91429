/**
 * The parts of an xlsx the round trip reads, from its ZIP archive in place (zip-file.ts), each
 * parsed as XML by saxes as it inflates: the workbook's sheet list and date system, which cell
 * styles show dates, and the shared-strings table, kept as one buffer of UTF-8 (SharedStrings). Whatever the client — Demarc's exceljs export, Excel, LibreOffice — the same SpreadsheetML
 * is read: element names are matched without their namespace prefix. Every inflated byte counts
 * towards a limit: an archive that inflates past it is refused, naming the part.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ZipFile } from './zip-file';

/** An archive that inflates past the limit: the part where the count passed it, and what the archive declared. */
export interface InflationPast {
  entry: string;
  declared: number;
  byDeclaration: boolean;
}

export class InflatedPastLimit extends Error {
  constructor(readonly overrun: InflationPast) {
    super(`the archive inflates past the limit${overrun.entry ? ` in ${overrun.entry}` : ''}`);
  }
}

/** The XML parser of a part: saxes, without namespaces (names come as written) or positions. */
export type XmlParser = SaxesParser<{ xmlns: false; position: false }>;

/** An element as saxes hands it over: its name as written and its attributes. */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

/** What a part's parse is told, element by element (names without their namespace prefix). */
export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

/** An element's or attribute's name without its namespace prefix. */
export const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Excel's `_xHHHH_` escapes of characters XML cannot carry, decoded (as exceljs does). */
export const excelUnescape = (text: string): string => (text.length >= 7 && text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

export class XlsxArchive {
  private inflated = 0;

  constructor(
    readonly zip: ZipFile,
    private readonly limit: number
  ) {
    if (zip.declaredSize > limit) throw new InflatedPastLimit({ entry: '', declared: zip.declaredSize, byDeclaration: true });
  }

  has(part: string): boolean {
    return this.zip.entries.has(part);
  }

  /**
   * Parses `part` as XML, calling `handlers` as saxes meets each element and text; `afterChunk` is
   * awaited after each inflated chunk (to report progress and yield). False when the part is absent.
   */
  parse(part: string, handlers: XmlHandlers, afterChunk?: () => Promise<void> | void): Promise<boolean> {
    const { open, text, close } = handlers;
    return this.read(
      part,
      (parser) => {
        if (open) parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
        if (text) {
          parser.on('text', text);
          parser.on('cdata', text);
        }
        if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
      },
      afterChunk
    );
  }

  /**
   * Parses `part` with the handlers `attach` puts on the parser, which meet element names as written
   * (with their prefix, if any): for the sheets, where tens of millions of elements pass.
   */
  async read(part: string, attach: (parser: XmlParser) => void, afterChunk?: () => Promise<void> | void): Promise<boolean> {
    const entry = this.zip.entries.get(part);
    if (entry === undefined) return false;
    const parser: XmlParser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    attach(parser);
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.zip.chunks(entry)) {
      this.inflated += chunk.length;
      if (this.inflated > this.limit) throw new InflatedPastLimit({ entry: entry.name, declared: this.zip.declaredSize, byDeclaration: false });
      parser.write(decoder.decode(chunk, { stream: true }));
      await afterChunk?.();
    }
    parser.write(decoder.decode());
    parser.close();
    return true;
  }
}

/** An attribute by its local name (relationship ids come as r:id, or under another prefix). */
const attributeNamed = (attributes: Record<string, string>, name: string): string | undefined => {
  if (attributes[name] !== undefined) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
};

/** A part's relationships (Id → target path in the archive, and by type). */
async function relationships(archive: XlsxArchive, part: string): Promise<{ id: string; type: string; path: string }[]> {
  const slash = part.lastIndexOf('/');
  const dir = slash < 0 ? '' : part.slice(0, slash + 1);
  const found: { id: string; type: string; path: string }[] = [];
  await archive.parse(`${dir}_rels/${part.slice(slash + 1)}.rels`, {
    open: (name, a) => {
      if (name !== 'Relationship' || a.Target === undefined || a.TargetMode === 'External') return;
      found.push({ id: a.Id ?? '', type: a.Type ?? '', path: resolvePath(dir, a.Target) });
    }
  });
  return found;
}

/** A relationship's target as a path in the archive (relative to its part's folder, or absolute). */
function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export interface XlsxWorkbook {
  /** The sheets in the workbook's order, each with its part (null when its relationship is missing). */
  sheets: { name: string; part: string | null }[];
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

const isType = (type: string, kind: string): boolean => type.endsWith(`/${kind}`);

/** The workbook part, its sheets and where its shared strings and styles are; null when the archive has no workbook. */
export async function readWorkbook(archive: XlsxArchive): Promise<XlsxWorkbook | null> {
  const root = (await relationships(archive, '')).find((r) => isType(r.type, 'officeDocument'))?.path ?? 'xl/workbook.xml';
  const listed: { name: string; id: string }[] = [];
  let date1904 = false;
  const found = await archive.parse(root, {
    open: (name, a) => {
      if (name === 'sheet') listed.push({ name: a.name ?? '', id: attributeNamed(a, 'id') ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    }
  });
  if (!found) return null;
  const rels = await relationships(archive, root);
  const byId = new Map(rels.map((r) => [r.id, r.path]));
  return {
    sheets: listed.map((s) => ({ name: s.name, part: byId.get(s.id) ?? null })),
    sharedStrings: rels.find((r) => isType(r.type, 'sharedStrings'))?.path ?? null,
    styles: rels.find((r) => isType(r.type, 'styles'))?.path ?? null,
    date1904
  };
}

/** The built-in number formats that show a date or time (those exceljs knows by id). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format shows a date or time: a date letter outside quotes and brackets (exceljs's test). */
const isDateFormat = (code: string): boolean => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Per cell style (index in cellXfs), whether it shows a date: a number there is a date. */
export async function readDateStyles(archive: XlsxArchive, part: string | null): Promise<boolean[]> {
  if (part === null) return [];
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await archive.parse(part, {
    open: (name, a) => {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(a.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    }
  });
  return styleFormats.map((id) => {
    const custom = formats.get(id);
    return custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(custom);
  });
}

/**
 * The shared-strings table held compactly: every string's UTF-8 bytes end to end in one buffer, with
 * where each ends — outside the JavaScript heap, so the tens of MB of a large export's table are
 * not multiplied by the heap's growth. A string is decoded when a cell asks for it; the first
 * ones (the workbook's common words: headers, layer titles, responsibilities) are kept decoded.
 */
export class SharedStrings {
  private bytes = Buffer.alloc(64 * 1024);
  private ends = new Uint32Array(1024);
  private used = 0;
  private count = 0;
  private readonly decoded: (string | undefined)[] = [];

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    const length = Buffer.byteLength(text, 'utf8');
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
  }

  /** Lets go of the room kept for growth, once the table is read. */
  seal(): this {
    this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
    this.ends = this.ends.slice(0, this.count);
    return this;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const kept = this.decoded[index];
    if (kept !== undefined) return kept;
    const text = this.bytes.toString('utf8', index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
    if (index < KEPT_DECODED) this.decoded[index] = text;
    return text;
  }
}

/** Shared strings kept decoded: the first of the table, where a workbook's common words are. */
const KEPT_DECODED = 4096;

/**
 * The shared-strings table: each item's text runs joined (phonetic runs left out) — the cells of a
 * million-row sheet point into it by index.
 */
export async function readSharedStrings(archive: XlsxArchive, part: string | null): Promise<SharedStrings> {
  const strings = new SharedStrings();
  if (part === null) return strings;
  let text = '';
  let inText = false;
  let inPhonetic = false;
  await archive.parse(part, {
    open: (name) => {
      if (name === 't') inText = !inPhonetic;
      else if (name === 'si') text = '';
      else if (name === 'rPh') inPhonetic = true;
    },
    text: (value) => {
      if (inText) text += value;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(excelUnescape(text));
    }
  });
  return strings.seal();
}
