/**
 * The pieces of exceljs 4.4's streaming writer that its typings leave out. Each accessor
 * checks the shape at run time, so an exceljs upgrade that moves them fails loudly here instead of
 * silently writing a poorer workbook; the read-back tests cover what each one is used for.
 * exceljs is pinned exactly (package.json), and tests/main/export/exceljs-internals.test.ts tries
 * every accessor on the installed version: an upgrade fails there by name.
 */
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import type { DataValidation, Worksheet, stream } from 'exceljs';
import type { StyleManager } from './xlsx-styles';

/** The archiver instance the streaming writer zips into. */
export interface ZipArchive {
  append(source: string | Readable, data: { name: string }): unknown;
  abort(): unknown;
}

/** A worksheet's data-validation map: a range address ("G2:G900") → one rule. */
export interface SheetValidations {
  add(address: string, validation: DataValidation): unknown;
}

interface WriterInternals {
  zip?: Partial<ZipArchive>;
  styles?: Partial<StyleManager>;
}

/** The zip archive and style manager of a streaming workbook writer. */
export function writerInternals(workbook: stream.xlsx.WorkbookWriter): { zip: ZipArchive; styles: StyleManager } {
  const { zip, styles } = workbook as unknown as WriterInternals;
  if (typeof zip?.append !== 'function' || typeof zip.abort !== 'function') {
    throw new Error('exceljs streaming writer: zip archive not found (exceljs version changed?)');
  }
  if (typeof styles?.addStyleModel !== 'function') {
    throw new Error('exceljs streaming writer: style manager not found (exceljs version changed?)');
  }
  return { zip: zip as ZipArchive, styles: styles as StyleManager };
}

/**
 * A streamed worksheet's data validations. The streaming writer keeps them in a map written at
 * commit; adding one rule per column range (rather than `cell.dataValidation` per cell) keeps a
 * million-row sheet's rules to a handful of `<dataValidation sqref="G2:G1048576">` elements.
 */
export function sheetValidations(worksheet: Worksheet): SheetValidations {
  const { dataValidations } = worksheet as unknown as { dataValidations?: Partial<SheetValidations> };
  if (typeof dataValidations?.add !== 'function') {
    throw new Error('exceljs streaming worksheet: dataValidations not found (exceljs version changed?)');
  }
  return dataValidations as SheetValidations;
}

const RESERVED = Object.freeze({ reserved: 'sheet id kept for a sheet written last' });

/**
 * Holds sheet ids 1..count of a fresh streaming workbook for a sheet written last, in `count`
 * parts. exceljs orders the workbook's sheets by id, and streams each sheet's XML into the zip as
 * it is written, so a sheet that must come first but can only be written last (the Cover, which
 * shows the hash of everything after it) is added once the others are done, under the ids kept
 * here (exceljs gives a new sheet the lowest free id). Returns the release, to call just before
 * adding that sheet's parts.
 */
export function reserveFirstSheetIds(workbook: stream.xlsx.WorkbookWriter, count: number): () => void {
  const sheets = (workbook as unknown as { _worksheets?: unknown[] })._worksheets;
  if (!Array.isArray(sheets) || sheets.length !== 0) {
    throw new Error('exceljs streaming writer: worksheet list not found or not empty (exceljs version changed?)');
  }
  for (let id = 1; id <= count; id++) sheets[id] = RESERVED;
  return () => {
    for (let id = 1; id <= count; id++) {
      if (sheets[id] !== RESERVED) throw new Error('exceljs streaming writer: a reserved sheet id was taken');
      sheets[id] = undefined;
    }
  };
}

/** Node's stream state; archiver's readable-stream 2.x has no writableLength getter. */
interface PipeInternals {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

interface StreamBufInternals {
  buffers?: { length?: number }[];
  pipes?: PipeInternals[];
}

/**
 * Bytes of a streamed worksheet's XML waiting for the zip, and the stream that consumes them (it
 * emits 'drain' when it has taken everything): what the sheet's StreamBuf still holds
 * plus what sits in the pass-through archiver reads the entry from (archiver then feeds deflate
 * with proper backpressure). exceljs writes into that pass-through without honouring backpressure,
 * so the writer watches this number and waits when it grows; without that a million-row sheet
 * piles up hundreds of MB of XML in memory.
 */
export function uncompressedBacklog(worksheet: Worksheet): { bytes: number; consumer: EventEmitter | null } {
  const { stream } = worksheet as unknown as { stream?: StreamBufInternals };
  if (!Array.isArray(stream?.buffers) || !Array.isArray(stream.pipes)) {
    throw new Error('exceljs streaming worksheet: stream buffers not found (exceljs version changed?)');
  }
  let bytes = 0;
  for (const buffer of stream.buffers) bytes += buffer.length ?? 0;
  for (const pipe of stream.pipes) {
    bytes += (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
  }
  const consumer = stream.pipes[0];
  return { bytes, consumer: consumer instanceof EventEmitter ? consumer : null };
}

/** What a streamed worksheet needs to carry a drawing (exceljs 4.4 streams background images only). */
export interface SheetDrawingInternals {
  /** Adds a relationship to the sheet's rels part; returns its id (rId…). */
  addRelationship(rel: { Type: string; Target: string }): string;
  /** Page breaks written at commit: a break after row `id`. */
  rowBreaks: { id: number; max: number; man: number }[];
  /** Writes `xml` where the sheet's XML may hold a <drawing>: after the row breaks, before legacy drawings. */
  writeBeforeLegacyDrawing(xml: string): void;
}

interface WorksheetWriterInternals {
  _sheetRelsWriter?: { addRelationship?: (rel: { Type: string; Target: string }) => string };
  rowBreaks?: unknown;
  _writeLegacyData?: () => void;
  _write?: (text: string) => void;
}

/** The parts of a streamed worksheet a drawing needs, checked at run time. */
export function sheetDrawingInternals(worksheet: Worksheet): SheetDrawingInternals {
  const ws = worksheet as unknown as WorksheetWriterInternals;
  const rels = ws._sheetRelsWriter;
  const legacy = ws._writeLegacyData;
  const write = ws._write;
  if (typeof rels?.addRelationship !== 'function' || !Array.isArray(ws.rowBreaks) || typeof legacy !== 'function' || typeof write !== 'function') {
    throw new Error('exceljs streaming worksheet: drawing internals not found (exceljs version changed?)');
  }
  return {
    addRelationship: (rel) => rels.addRelationship!.call(rels, rel),
    rowBreaks: ws.rowBreaks as SheetDrawingInternals['rowBreaks'],
    writeBeforeLegacyDrawing: (xml) => {
      ws._writeLegacyData = () => {
        write.call(ws, xml);
        legacy.call(ws);
      };
    }
  };
}

interface WorkbookMediaInternals {
  addImage?: (image: { buffer: Buffer; extension: 'png' }) => number;
  getImage?: (id: number) => { name?: unknown } | undefined;
  addContentTypes?: () => Promise<void>;
}

/** Adds an image to the streamed workbook's media; returns its part name (image0.png…). */
export function addWorkbookImage(workbook: stream.xlsx.WorkbookWriter, png: Buffer): string {
  const wb = workbook as unknown as WorkbookMediaInternals;
  if (typeof wb.addImage !== 'function' || typeof wb.getImage !== 'function') {
    throw new Error('exceljs streaming writer: media not found (exceljs version changed?)');
  }
  const name = wb.getImage.call(workbook, wb.addImage.call(workbook, { buffer: png, extension: 'png' }))?.name;
  if (typeof name !== 'string') throw new Error('exceljs streaming writer: image name not found (exceljs version changed?)');
  return name;
}

/**
 * Adds `<Override>` entries to the [Content_Types].xml the writer emits at commit (exceljs's
 * streaming writer lists no drawings).
 */
export function addContentTypeOverrides(workbook: stream.xlsx.WorkbookWriter, zip: ZipArchive, overrides: readonly { partName: string; contentType: string }[]): void {
  const wb = workbook as unknown as WorkbookMediaInternals;
  const original = wb.addContentTypes;
  if (typeof original !== 'function') throw new Error('exceljs streaming writer: content types not found (exceljs version changed?)');
  const extra = overrides.map((o) => `<Override PartName="${o.partName}" ContentType="${o.contentType}"/>`).join('');
  wb.addContentTypes = () => {
    const append = zip.append.bind(zip);
    zip.append = (source, data) => {
      const patched = data.name === '[Content_Types].xml' && typeof source === 'string' ? source.replace('</Types>', `${extra}</Types>`) : source;
      if (patched === source && data.name === '[Content_Types].xml') throw new Error('exceljs streaming writer: [Content_Types].xml not patched');
      return append(patched, data);
    };
    try {
      return original.call(workbook);
    } finally {
      zip.append = append;
    }
  };
}

/**
 * Skips a worksheet of the streaming reader without parsing its rows: its part's bytes are read
 * through and dropped. A worksheet the reader met before the shared strings waits in a temp file
 * that the reader deletes as soon as the caller moves on; left unread, the stream it opened on that
 * file fails (ENOENT) with nobody listening, so a skipped sheet must still be read through.
 */
export async function skipWorksheet(worksheet: unknown): Promise<void> {
  const iterator = (worksheet as { iterator?: unknown }).iterator;
  if (iterator === null || typeof iterator !== 'object' || !(Symbol.asyncIterator in iterator)) {
    throw new Error('exceljs internals changed: a streamed worksheet has no iterator over its part');
  }
  for await (const chunk of iterator as AsyncIterable<unknown>) void chunk;
}
