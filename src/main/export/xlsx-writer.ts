/**
 * The audit workbook (xlsx), written with exceljs's streaming writer so a 100k-asset × 10-layer
 * workbook (a million RACI rows) stays within a few hundred MB: the rows come from the pure row
 * model (core/export-model.ts) a page of the report at a time, and wait while the zip lags. This
 * file owns the workbook-level concerns: document properties, the content hash (computed as the
 * rows stream), the temp-file + rename discipline, progress and cancellation.
 */
import type { DiffReport } from '@shared/audit-diff';
import type { WorkshopSheetSource } from '@core/export-model-workshop';
import type { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import type { Worksheet, stream } from 'exceljs';
import { SHEET_NAMES, buildExportModel, coverSheet, exportProperties, identitySheet } from '@core/export-model';
import type { ExportIdentity, ExportProperties, ExportSource, SignOffExport } from '@core/export-model';
import { writeFileAtomically, type AtomicWriteResult } from './atomic-file';
import { ContentHasher } from './content-hash';
import { loadExcelJs } from './exceljs-load';
import { LineSpool } from './line-spool';
import { reserveFirstSheetIds, uncompressedBacklog, writerInternals } from './exceljs-internals';
import { appPropertiesXml } from './xlsx-app-properties';
import { XlsxFirstPass } from './xlsx-first-pass';
import { addSheetPictures, type SheetPicture } from './xlsx-picture';
import { EXCEL_MAX_ROWS, writeSheet, type SheetWriteContext } from './xlsx-sheet';
import { skipEmptyStyleLookups } from './xlsx-styles';

/** XML allowed to wait for compression before the writer pauses (a few deflate chunks). */
const MAX_BACKLOG_BYTES = 1 << 20;

export interface WriteXlsxOptions {
  /** Where the workbook goes; written atomically (temp file in the same directory, then rename). */
  path: string;
  /** ISO timestamp written as the created/modified properties and on the Cover. */
  exportedAt: string;
  exportedBy: string;
  /** The change log's chain head, printed on the Cover. */
  changeLogChainHead?: string | null;
  /** The workbook id and revision, written on the hidden identity sheet (absent: no such sheet). */
  identity?: ExportIdentity;
  /** Sign-offs: the Sign-offs sheet and the "signed off by / on" columns. */
  signOffs?: SignOffExport;
  /** The comparison with a baseline the user picked: the "Changes since" sheet. */
  changesSince?: DiffReport;
  /** Data rows written so far, of the total. Called every few hundred rows and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the export; no file appears at `path` and the temp file is removed. */
  signal?: AbortSignal;
  /** Rows per sheet, header included (Excel's limit by default; smaller in tests). */
  maxRowsPerSheet?: number;
  /** The workshops' decisions and actions, for the Workshop sheet (none: no sheet). */
  workshops?: WorkshopSheetSource;
  /** Pictures for the Cover, each on a printed page of its own after the Cover's rows. */
  coverPictures?: readonly SheetPicture[];
}

export interface WriteXlsxResult {
  path: string;
  /** Sheet names in workbook order, including continuation parts and the hidden Lists sheet. */
  sheets: string[];
  /** Data rows written across all sheets (headers excluded). */
  rows: number;
  /** SHA-256 (hex) of the file's bytes, for the change log and for `sha256sum` checks. */
  sha256: string;
  /** The logical-content SHA-256 shown on the Cover (see content-hash.ts). */
  contentSha256: string;
}

/**
 * Resolves when `consumer` has taken all it was given ('drain'), or after a few milliseconds when
 * there is none yet (the zip has not reached this sheet) or the event does not come.
 */
function drained(consumer: EventEmitter | null): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      consumer?.removeListener('drain', done);
      resolve();
    };
    const timer = setTimeout(done, consumer ? 20 : 2);
    consumer?.once('drain', done);
  });
}

function setDocumentProperties(workbook: stream.xlsx.WorkbookWriter, p: ExportProperties): void {
  workbook.title = p.title;
  workbook.subject = p.subject;
  workbook.creator = p.creator;
  workbook.lastModifiedBy = p.lastModifiedBy;
  workbook.company = p.company;
  workbook.keywords = p.keywords;
  workbook.description = p.description;
  workbook.created = new Date(p.created);
  workbook.modified = new Date(p.modified);
}

/** A sheet's part names, by the sheet's place in the workbook. */
type PartNames = string[][];

/** What the export sets aside in files while it writes (both removed by writeXlsx, whatever happens). */
interface Scratch {
  firstPass: XlsxFirstPass;
  /** The content hash's lines of the sheets written in the first pass. */
  hashSpool: LineSpool;
}

async function streamWorkbook(
  sink: Writable,
  input: XlsxInput,
  opts: WriteXlsxOptions,
  { firstPass, hashSpool }: Scratch
): Promise<{ sheets: string[]; rows: number; contentSha256: string }> {
  // Text is written inline, each string with its row (xlsx-inline-strings.ts): a shared-strings
  // table would hold every distinct string of the workbook until the end.
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const { zip, styles } = writerInternals(workbook);
  skipEmptyStyleLookups(styles, ExcelJS.ValueType.Date);
  const options = {
    exportedAt: opts.exportedAt,
    exportedBy: opts.exportedBy,
    changeLogChainHead: opts.changeLogChainHead ?? null,
    ...(opts.identity ? { identity: opts.identity } : {}),
    ...(opts.signOffs ? { signOffs: opts.signOffs } : {}),
    ...(opts.changesSince ? { changesSince: opts.changesSince } : {})
  };
  try {
    // The sheets up to the Matrix are written in the first pass, which tallies as it goes; the
    // rest from a model built on the complete tally.
    const early = buildExportModel(firstPass.firstSource(), firstPass.tally, options, opts.workshops);
    const [coverDraft] = early.sheets;
    if (coverDraft?.name !== SHEET_NAMES.cover) throw new Error('the row model must begin with the Cover');
    const matrixAt = early.sheets.findIndex((sheet) => sheet.name === SHEET_NAMES.matrix);
    if (matrixAt < 1) throw new Error('the row model must have a Matrix after the Cover');
    // The Cover comes first but shows the hash of everything: it is written last, under the first
    // sheet ids (one per part: its rows are known, only the hash's value changes).
    const maxRowsPerSheet = opts.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
    const coverParts = Math.max(1, Math.ceil(coverDraft.rowCount / Math.max(1, maxRowsPerSheet - 1)));
    const releaseCoverIds = reserveFirstSheetIds(workbook, coverParts);
    const parts: PartNames = early.sheets.map(() => []);
    workbook.addApp = () => {
      zip.append(appPropertiesXml(early.properties.company, parts.flat()), { name: 'docProps/app.xml' });
      return Promise.resolve();
    };
    // Until the first pass has counted them, the Matrix and RACI rows are the planned ones.
    const planned = new Map<string, number>([
      [SHEET_NAMES.matrix, input.planned.assets],
      [SHEET_NAMES.raci, input.planned.raciRows]
    ]);
    let total = early.sheets.reduce((n, s) => n + (planned.get(s.name) ?? s.rowCount), 0);
    let done = 0;
    const tick = async (rows: number, worksheet: Worksheet): Promise<void> => {
      done += rows;
      opts.onProgress?.(Math.min(done, total), total);
      // Yield so the zip can compress what was written, and wait while it lags behind: exceljs
      // does not propagate backpressure, so without this the sheet's XML piles up in memory.
      await nextTurn();
      opts.signal?.throwIfAborted();
      for (let backlog = uncompressedBacklog(worksheet); backlog.bytes > MAX_BACKLOG_BYTES;) {
        await drained(backlog.consumer);
        opts.signal?.throwIfAborted();
        backlog = uncompressedBacklog(worksheet);
      }
    };
    const hasher = new ContentHasher();
    const ctx: SheetWriteContext = {
      workbook,
      taken: new Set<string>([SHEET_NAMES.cover]),
      maxRowsPerSheet,
      listRanges: early.listRanges,
      tick,
      onRow: (row) => hasher.row(row)
    };
    // The Cover is hashed first but counts what the first pass reads: the lines of the sheets
    // written in that pass wait in a file, and are hashed after the Cover's.
    hasher.defer(hashSpool);
    for (let i = 1; i <= matrixAt; i++) {
      const sheet = early.sheets[i]!;
      hasher.sheet(sheet);
      parts[i] = await writeSheet(sheet, ctx);
    }
    if (!firstPass.done) throw new Error('the first pass did not read every page');
    const model = buildExportModel(firstPass.laterSource(), firstPass.tally, options, opts.workshops);
    if (model.sheets.map((s) => s.name).join('\n') !== early.sheets.map((s) => s.name).join('\n')) {
      throw new Error('the row model changed its sheets during the export');
    }
    total = model.sheets.reduce((n, s) => n + s.rowCount, 0);
    hasher.resume();
    const cover = model.sheets[0]!;
    hasher.sheet(cover);
    for (const row of cover.rows()) hasher.row(row);
    hasher.hashDeferred(hashSpool);
    hashSpool.dispose();
    // The identity sheet shows the hash too, and only small sheets (Lists) follow it: those are
    // hashed before it is written, and written after it without hashing them again.
    const rest = model.sheets.slice(matrixAt + 1);
    const identityAt = rest.findIndex((sheet) => sheet.name === SHEET_NAMES.identity);
    const hashedBeforeWrite = identityAt < 0 ? [] : rest.slice(identityAt + 1);
    for (const [i, sheet] of rest.entries()) {
      if (i === identityAt) break;
      hasher.sheet(sheet);
      parts[matrixAt + 1 + i] = await writeSheet(sheet, ctx);
    }
    for (const sheet of hashedBeforeWrite) {
      hasher.sheet(sheet);
      for (const row of sheet.rows()) hasher.row(row);
    }
    const contentSha256 = hasher.digest();
    const final = { ...options, workbookSha256: contentSha256 };
    if (identityAt >= 0) {
      const identity = identitySheet(final);
      const after = identity === null ? [] : [identity];
      for (const [j, sheet] of [...after, ...hashedBeforeWrite].entries()) {
        parts[matrixAt + 1 + identityAt + j] = await writeSheet(sheet, { ...ctx, onRow: undefined });
      }
    }
    const tally = firstPass.tally;
    const finalCover = coverSheet(tally.head, tally.cover, input.source.changeLogCount, final);
    releaseCoverIds();
    parts[0] = await writeSheet(finalCover, {
      ...ctx,
      taken: new Set(parts.flat()),
      onRow: undefined,
      beforeCommit: (worksheet, lastRow) => addSheetPictures(workbook, zip, worksheet, lastRow, opts.coverPictures ?? [])
    });
    setDocumentProperties(workbook, exportProperties(tally.head, final));
    await workbook.commit();
    return { sheets: parts.flat(), rows: done, contentSha256 };
  } catch (error) {
    // Stop the zip so nothing more is queued towards the (discarded) temp file.
    zip.abort();
    throw error;
  }
}

/** Rows of the Matrix and the RACI table counted before the export (the progress total until the first pass has counted them). */
export interface PlannedRows {
  assets: number;
  raciRows: number;
}

/** What the workbook is written from: the report's pages and change log, and the rows planned. */
export interface XlsxInput {
  source: ExportSource;
  planned: PlannedRows;
}

/**
 * Writes the RACI workbook to `opts.path`: Cover, Responsibility model, Matrix, RACI (continued on
 * "RACI (2)"... past the row limit), By party, Findings, Change log, and a hidden Lists sheet
 * backing the drop-downs. Deterministic: the same report, change log and `exportedAt` give the
 * same cells and document properties. Rejects with the abort reason when `opts.signal` aborts,
 * leaving no file behind.
 */
export async function writeXlsx(input: XlsxInput, opts: WriteXlsxOptions): Promise<WriteXlsxResult> {
  opts.signal?.throwIfAborted();
  let written = { sheets: [] as string[], rows: 0, contentSha256: '' };
  // Removed here rather than by the writing itself: when the disk write fails first, the writing
  // may be left unfinished (atomic-file.ts), and these files must not outlive the export.
  const scratch: Partial<Scratch> = {};
  let file: AtomicWriteResult;
  try {
    file = await writeFileAtomically(opts.path, opts.signal, async (sink) => {
      scratch.firstPass = new XlsxFirstPass(input.source, opts.path);
      scratch.hashSpool = new LineSpool(opts.path);
      written = await streamWorkbook(sink, input, opts, { firstPass: scratch.firstPass, hashSpool: scratch.hashSpool });
    });
  } finally {
    scratch.firstPass?.dispose();
    scratch.hashSpool?.dispose();
  }
  return { path: opts.path, sheets: written.sheets, rows: written.rows, sha256: file.sha256, contentSha256: written.contentSha256 };
}
