/**
 * The export use case: the open workbook's report (the same one `demarc report --json` prints),
 * its change log and its user name, handed to the xlsx or CSV writer.
 *
 * Export is a read and records no change-log entry. Logging one would move the workbook's last
 * change, so the next export of an unchanged workbook would state another "exported at" and
 * differ; the export's own facts (path, SHA-256) are returned to the caller and printed instead.
 */
import { workshopSheetSource } from './workshop/workshop-export';
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { ExportFormat, ExportResult, ExportSince, ExportedAtChoice } from '@shared/contract/export';
import type { PictureFormat } from '@shared/contract/picture';
import type { MinutesFormat } from '@shared/contract/workshop';
import { DemarcError } from '@shared/errors';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ExportTally, type ExportSource, type SignOffExport } from '@core/export-model';
import { changesSheetName } from '@core/export-model-changes';
import { writeRaciCsv } from '../export/csv-writer';
import { checkWritablePath } from '../security/user-files';
import { sourceContentHash } from '../export/content-hash';
import type { SheetPicture } from '../export/xlsx-picture';
import { writeXlsx, type PlannedRows } from '../export/xlsx-writer';
import { readModelId } from '@core/model-references';
import { loadModels } from '../engine/input';
import { countAssetsByModelChoice } from '../store/repos/assets';
import { changeLogChainHead } from './change-log-head';
import { diffWorkbook } from './audit-diff';
import { picturePng } from './picture';
import { signOffExport } from './sign-off-export';
import { countSignOffs } from '../store/repos/sign-offs';
import { countChanges, lastChangeId, listChangeLines, type ChangeLine } from '../store/repos/change-log';
import { META_KEYS, readMeta, readSettings } from '../store/repos/meta';
import { actorName, type OpenWorkbook, type ServiceContext } from './context';
import { workbookReport } from './report';

export type ExportPhase = 'preparing' | 'writing' | 'done';

/** The Cover picture's width in pixels: about 220 dpi on the printed page. */
const COVER_PICTURE_WIDTH = 1600;

export interface ExportRequest {
  format: ExportFormat;
  path: string;
  exportedAt: ExportedAtChoice;
  /** Aborting stops the export: it rejects with CANCELLED and leaves no file behind. */
  signal?: AbortSignal;
  onProgress?: (phase: ExportPhase, done: number, total: number | null) => void;
  /** Rows per sheet, header included (Excel's limit by default; smaller in tests). */
  maxRowsPerSheet?: number;
  /** A baseline (a day, or an earlier export's path as granted): adds the "Changes since" sheet (xlsx only). */
  since?: ExportSince;
}

/**
 * The absolute target path: a path without an extension gets the format's, a path with another
 * extension is refused (a `.csv` file holding a zip would confuse everyone downstream).
 */
export function exportTargetPath(path: string, format: ExportFormat | PictureFormat | MinutesFormat, workbookPath?: string): string {
  const absolute = resolve(path);
  const ext = extname(absolute).toLowerCase();
  const target = ext === '' ? `${absolute}.${format}` : absolute;
  if (ext !== '' && ext !== `.${format}`) {
    throw new DemarcError('INVALID_INPUT', `${absolute} ends in ${ext}: an ${format} export must end in .${format}.`);
  }
  if (workbookPath !== undefined && resolve(workbookPath) === target) {
    throw new DemarcError('INVALID_INPUT', `${target} is the open workbook itself: choose another file.`);
  }
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DemarcError('NOT_FOUND', `Cannot export to ${target}: the folder ${folder} does not exist.`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new DemarcError('INVALID_INPUT', `Cannot export to ${target}: it is a folder.`);
  }
  // Its name fits the file system, and what is there now is a regular file (not a pipe or a device).
  checkWritablePath(target);
  return target;
}

/** The "exported at" instant: the last change (stable across repeated exports) or now. */
export function exportedAtFor(choice: ExportedAtChoice, lastChangeAt: string | null, ctx: ServiceContext): string {
  return choice === 'last-change' && lastChangeAt !== null ? lastChangeAt : ctx.clock();
}

export function failure(error: unknown, target: string, signal: AbortSignal | undefined): DemarcError {
  if (error instanceof DemarcError) return error;
  if (signal?.aborted) return new DemarcError('CANCELLED', 'Export cancelled: no file was written.');
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'ENOENT' || code === 'EISDIR') {
    return new DemarcError('BAD_FILE', `Could not write ${target}: ${message}`);
  }
  return new DemarcError('INTERNAL', `Export to ${target} failed: ${message}`);
}

/** The Cover's pictures: the demarcation line of each model in use, over the whole workbook. */
async function coverPicturesOf(wb: OpenWorkbook, ctx: ServiceContext, modelIds: readonly string[]): Promise<SheetPicture[]> {
  const pictures: SheetPicture[] = [];
  for (const modelId of modelIds) {
    const { png, width, height, drawing } = await picturePng(wb, ctx, { modelId }, 'light', COVER_PICTURE_WIDTH);
    pictures.push({ png, width, height, description: drawing.description, name: drawing.title });
  }
  return pictures;
}

/** Change-log entries per page of the export's pass over the log. */
const CHANGES_PER_PAGE = 2000;

/**
 * The open workbook as the export reads it: the report a page at a time and the change log a page
 * at a time, each pass read afresh from the file (nothing of the size of the inventory is held).
 */
export function exportSource(wb: OpenWorkbook, ctx: ServiceContext): ExportSource {
  const report = workbookReport(wb, ctx);
  function* changeLog(): Generator<ChangeLine> {
    for (let afterId = 0; ; ) {
      const page = listChangeLines(wb.db, afterId, CHANGES_PER_PAGE);
      yield* page;
      if (page.length < CHANGES_PER_PAGE) return;
      afterId = page[page.length - 1]!.id;
    }
  }
  return { ...report, changeLog, changeLogCount: countChanges(wb.db) };
}

/**
 * The CSV export's first pass: the tally its row count and content hash need, taken a page at a
 * time before any row is written, yielding between pages so the app keeps answering and a cancel
 * is heard. (The xlsx writer tallies in its own first pass, xlsx-first-pass.ts.)
 */
async function tallyPass(source: ExportSource, signal: AbortSignal | undefined): Promise<ExportTally> {
  const tally = new ExportTally(source.head);
  for (const page of source.pages()) {
    tally.addAssets(page.assets);
    tally.addFindings(page.findings);
    await nextTurn();
    signal?.throwIfAborted();
  }
  return tally;
}

/**
 * The Matrix's and the RACI table's rows, counted in SQL before the export reads a page: one per
 * asset, and one per layer of the model each asset is read under (readModelId). The progress
 * total until the writer's first pass has counted them.
 */
export function plannedRows(wb: OpenWorkbook, ctx: ServiceContext): PlannedRows {
  const settings = readSettings(wb.db, actorName(ctx));
  const models = loadModels(wb.db);
  let assets = 0;
  let raciRows = 0;
  for (const choice of countAssetsByModelChoice(wb.db)) {
    assets += choice.count;
    raciRows += choice.count * (models[readModelId(choice, settings, models)]?.layers.length ?? 0);
  }
  return { assets, raciRows };
}

/**
 * The sign-offs the export shows, their statuses and who signed each asset × layer off, read from
 * the file a page at a time (sign-off-export.ts). Without any, the Sign-offs sheet is empty and no
 * asset is signed off, which is what an absent SignOffExport writes: no pass is made.
 */
function exportedSignOffs(wb: OpenWorkbook, ctx: ServiceContext): SignOffExport | undefined {
  return countSignOffs(wb.db) === 0 ? undefined : signOffExport(wb, ctx);
}

/** Exports the open workbook to `req.path` (see the contract's export.run). */
export async function exportWorkbook(wb: OpenWorkbook, ctx: ServiceContext, req: ExportRequest): Promise<ExportResult> {
  const started = performance.now();
  const target = exportTargetPath(req.path, req.format, wb.path);
  const progress = req.onProgress;
  progress?.('preparing', 0, null);
  const source = exportSource(wb, ctx);
  const exportedAt = exportedAtFor(req.exportedAt, source.head.workbook.lastChangeAt, ctx);
  const exportedBy = readSettings(wb.db, actorName(ctx)).userName;
  const signOffs = exportedSignOffs(wb, ctx);
  if (req.since !== undefined && req.format !== 'xlsx') {
    throw new DemarcError('INVALID_INPUT', `A "Changes since" sheet needs the xlsx export: ${target} is a ${req.format} file (use demarc diff --json for the comparison alone).`);
  }
  // The comparison is read before anything is written: a baseline that is not an export is refused first.
  const changesSince = req.since === undefined ? undefined : await diffWorkbook(wb, ctx, req.since);
  const onProgress = (done: number, total: number) => progress?.('writing', done, total);
  const signal = req.signal;
  try {
    if (req.format === 'xlsx') {
      const coverPictures = await coverPicturesOf(wb, ctx, source.head.models.map((m) => m.id));
      // Read a workshop and a page of its rows at a time, as the sheet is written.
      const workshops = workshopSheetSource(wb);
      // The tally is taken by the writer's first pass, which writes the Matrix as it reads.
      const written = await writeXlsx({ source, planned: plannedRows(wb, ctx) }, {
        path: target,
        exportedAt,
        exportedBy,
        changeLogChainHead: changeLogChainHead(wb),
        identity: { workbookId: readMeta(wb.db).get(META_KEYS.workbookId) ?? '', revision: lastChangeId(wb.db) },
        signOffs,
        ...(changesSince ? { changesSince } : {}),
        coverPictures,
        ...(workshops ? { workshops } : {}),
        onProgress,
        ...(signal ? { signal } : {}),
        ...(req.maxRowsPerSheet ? { maxRowsPerSheet: req.maxRowsPerSheet } : {})
      });
      progress?.('done', written.rows, written.rows);
      return {
        path: target,
        format: 'xlsx',
        sheets: written.sheets,
        rows: written.rows,
        sha256: written.contentSha256,
        fileSha256: written.sha256,
        exportedAt,
        durationMs: Math.round(performance.now() - started),
        ...(changesSince === undefined
          ? {}
          : {
              changesSince: {
                sheet: changesSheetName(changesSince),
                entries: changesSince.entries,
                chainWhole: changesSince.chain.whole,
                baselineMatches: changesSince.baseline?.matches ?? null
              }
            })
      };
    }
    const tally = await tallyPass(source, signal);
    const written = await writeRaciCsv(source, tally.raciRows, { path: target, onProgress, signOffs, ...(signal ? { signal } : {}) });
    progress?.('done', written.rows, written.rows);
    return {
      path: target,
      format: 'csv',
      sheets: ['RACI'],
      rows: written.rows,
      sha256: sourceContentHash(source, tally, signOffs),
      fileSha256: written.sha256,
      exportedAt,
      durationMs: Math.round(performance.now() - started)
    };
  } catch (error) {
    throw failure(error, target, signal);
  }
}
