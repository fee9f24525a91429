/**
 * The logical-content SHA-256 printed on the Cover: a hash of what the workbook says, not of its
 * bytes (a zip's bytes change with timestamps and compression; the content does not), and not of
 * when or by whom it was exported.
 *
 * Definition, so anyone can recompute it from the xlsx itself: SHA-256 (hex) of UTF-8 JSON lines.
 * For each sheet in workbook order (a sheet continued on "RACI (2)"... counts as one): a line
 * `[sheet name, [headers]]`, then one line per row, the JSON array of its cells (text, number, or
 * null when empty). The Cover's export rows (exported at, exported by, the change-log chain head, the hash itself)
 * and the hidden identity sheet are left out. Arrays of primitives have one JSON form, so the serialisation is stable.
 *
 * It hashes the workbook's rows rather than the whole report because that is what an auditor holds
 * and can check. The xlsx writer feeds it the rows as it streams them (content is hashed once, in
 * the same pass that writes it); nothing larger than a few hundred lines is ever one string.
 */
import { createHash, type Hash } from 'node:crypto';
import { COVER_EXPORT_ITEMS, SHEET_NAMES, buildExportModel } from '@core/export-model';
import type { ExportCell, ExportModel, ExportSheet, ExportSource, ExportTally, SignOffExport } from '@core/export-model';

/**
 * Rows turned into JSON at a time. One JSON.stringify of a batch of rows costs about half of one
 * call per row (measured on the RACI table's rows), and the batch's text is the rows' lines but
 * for the separators, which are swapped for line breaks (jsonLines).
 */
const ROWS_PER_BATCH = 256;

/** Where a row's JSON ends and the next one's begins in the JSON of a batch of rows. */
const SEAM = '],[';

const EXPORT_ITEMS: ReadonlySet<unknown> = new Set(Object.values(COVER_EXPORT_ITEMS));

/** Where lines wait while the hasher defers them (line-spool.ts is one). */
export interface DeferredLines {
  /** Appends `text`: whole lines, each followed by a line break. */
  addLines(text: string): void;
  /** The lines added, in order, as UTF-8 bytes with a line break after each. */
  chunks(): Iterable<Uint8Array>;
}

/**
 * `rows` as the hash's lines: each row's JSON followed by a line break, the same text as
 * JSON.stringify of each row, from one JSON.stringify of them all. In `[row,row,…]` the rows meet
 * at `],[`, which outside a string appears nowhere else (a cell is text, a number or null); a
 * cell's text may hold it, and then there are more of them than seams: such a batch is turned
 * into JSON row by row.
 */
export function jsonLines(rows: readonly (readonly ExportCell[])[]): string {
  if (rows.length === 0) return '';
  const text = JSON.stringify(rows);
  let seams = 0;
  for (let at = text.indexOf(SEAM); at !== -1; at = text.indexOf(SEAM, at + SEAM.length)) seams += 1;
  if (seams !== rows.length - 1) return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  return `${text.slice(1, -1).replaceAll(SEAM, ']\n[')}\n`;
}

/**
 * The content hash, fed a sheet and its rows at a time, in workbook order. A sheet that must be
 * hashed first but can only be computed last (the Cover counts what follows it) is fed after the
 * lines that follow it have been deferred: `defer` sets lines aside, `resume` hashes again from
 * there, and `hashDeferred` then hashes what was set aside, in its place after them. Rows are
 * kept until a batch is full: a row handed over must not change afterwards.
 */
export class ContentHasher {
  private readonly hash: Hash = createHash('sha256');
  private rows: (readonly ExportCell[])[] = [];
  private isCover = false;
  private skipped = false;
  private deferred: DeferredLines | null = null;

  /** Lines from now on go to `to` instead of the hash, until `resume`. */
  defer(to: DeferredLines): void {
    this.flush();
    this.deferred = to;
  }

  /** Lines go to the hash again; returns where the deferred ones wait. */
  resume(): DeferredLines {
    const deferred = this.deferred;
    if (deferred === null) throw new Error('the content hash was not deferring');
    this.flush();
    this.deferred = null;
    return deferred;
  }

  /** Hashes `deferred`'s lines here, after the lines hashed so far. */
  hashDeferred(deferred: DeferredLines): void {
    if (this.deferred !== null) throw new Error('the content hash is still deferring');
    this.flush();
    for (const chunk of deferred.chunks()) this.hash.update(chunk);
  }

  /** Starts a sheet (its first part; continuation parts are not sheets of their own here). */
  sheet(sheet: Pick<ExportSheet, 'name' | 'columns'>): void {
    this.flush();
    // The identity sheet describes the export (and carries this hash), like the Cover's export rows.
    this.skipped = sheet.name === SHEET_NAMES.identity;
    if (this.skipped) return;
    this.isCover = sheet.name === SHEET_NAMES.cover;
    this.emit(`${JSON.stringify([sheet.name, sheet.columns.map((c) => c.header)])}\n`);
  }

  row(row: readonly ExportCell[]): void {
    if (this.skipped || (this.isCover && EXPORT_ITEMS.has(row[0]))) return;
    this.rows.push(row);
    if (this.rows.length >= ROWS_PER_BATCH) this.flush();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    this.emit(jsonLines(this.rows));
    this.rows = [];
  }

  private emit(lines: string): void {
    if (this.deferred !== null) this.deferred.addLines(lines);
    else this.hash.update(lines, 'utf8');
  }

  /** The hex digest; the hasher is spent. */
  digest(): string {
    if (this.deferred !== null) throw new Error('the content hash is still deferring');
    this.flush();
    return this.hash.digest('hex');
  }
}

/** SHA-256 (hex) of a row model's content, as defined above: one pass over every sheet's rows. */
export function modelContentHash(model: ExportModel): string {
  const hasher = new ContentHasher();
  for (const sheet of model.sheets) {
    hasher.sheet(sheet);
    for (const row of sheet.rows()) hasher.row(row);
  }
  return hasher.digest();
}

/**
 * The logical-content SHA-256 of the workbook exported from `source` and its sign-offs (one more
 * pass over its pages), given the tally of a first pass: what the Cover of its xlsx export shows.
 */
export function sourceContentHash(source: ExportSource, tally: ExportTally, signOffs?: SignOffExport): string {
  return modelContentHash(buildExportModel(source, tally, { exportedAt: '', exportedBy: '', ...(signOffs ? { signOffs } : {}) }));
}
