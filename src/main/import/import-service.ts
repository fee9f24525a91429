/**
 * Inventory import: files → readers → rows merged by import key → classified assets → a plan
 * against the workbook → one all-or-nothing write. A preview is kept under a token so the apply
 * writes exactly what was previewed (re-planned against the workbook as it is then).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readUserFile } from '../security/user-files';
import { basename } from 'node:path';
import { resolveDisplayKind, resolveDisplayType, resolveRegion } from '@core/classify';
import { resolveArnResource } from '@core/classify-providers';
import type { ParsedInput, ProgressEvent } from '@shared/contract';
import {
  formatRowError,
  type ImportFilePreview,
  type ImportPreview,
  type ImportResult
} from '@shared/contract/import';
import { DemarcError } from '@shared/errors';
import {
  IMPORT_FORMAT_LABELS,
  type ImportFormat,
  type ReadResult
} from '@shared/import';
import { attributeReadings, emptyAttributeTally } from './attribute-reading';
import { readInventory } from './read-inventory';
import { listParties } from '../store/repos/parties';
import { readSettings } from '../store/repos/meta';
import { loadModels } from '../engine/input';
import { rowsWrittenSinceOpen } from '../store/workbook-file';
import type { OpenWorkbook, ServiceContext } from '../services/context';
import { assetClassifier, mergeRows, type ImportedAsset, type MergeResult } from './import-merge';
import { loadExistingAssets, planImport, sampleOf, scopeSubscription, type FileScope, type ImportPlan } from './import-plan';
import { writeImport, type ImportRunFile } from './import-write';

/** The files to read and how: the contract's preview input, with the paths chosen. */
export type ImportRequest = Omit<ParsedInput<'import.preview'>, 'paths'> & { paths: string[] };

export interface ImportRunOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

/** One file as read: what the preview shows of it, without its rows. */
interface FileRead {
  path: string;
  fileName: string;
  sha256: string;
  read: Omit<ReadResult, 'rows'>;
}

/** A read, merged and classified import, waiting for its apply (kept by the OpenWorkbook). */
export interface PreparedImport {
  files: FileRead[];
  merge: MergeResult;
  rowsPerFile: number[];
  /** What each file covers ("not seen" is scoped to it). */
  scopes: FileScope[];
  /** The last plan made of it, and the workbook's write count then (see currentPlan). */
  planned?: { plan: ImportPlan; rowsWritten: number };
}

const YIELD_EVERY = 5000;
const KEPT_PREVIEWS = 3;

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function readOne(path: string, request: ImportRequest, options: ImportRunOptions): Promise<{ file: FileRead; rows: ReadResult['rows'] }> {
  const bytes = await readUserFile(path, 'inventory');
  const fileName = basename(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = await readInventory(bytes, {
    fileName,
    ...(request.format ? { format: request.format } : {}),
    ...(request.encoding ? { encoding: request.encoding } : {}),
    ...(request.mapping ? { mapping: request.mapping } : {}),
    ...(request.sheet ? { sheet: request.sheet } : {}),
    ...(request.provider ? { provider: request.provider } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done) => options.onProgress?.({ operation: 'import', phase: 'reading', done, total: null }),
    resolveDisplayType,
    resolveRegion,
    resolveDisplayKind,
    resolveArnResource
  });
  const { rows, ...read } = result;
  return { file: { path, fileName, sha256, read }, rows };
}

/** Reads every file, merges the rows and classifies each asset once. */
async function prepareImport(request: ImportRequest, options: ImportRunOptions): Promise<PreparedImport> {
  const { signal, onProgress } = options;
  const merge: MergeResult = { assets: new Map(), mergedPerFile: [], warningsPerFile: [], attributesPerFile: [] };
  const files: FileRead[] = [];
  const rowsPerFile: number[] = [];
  const scopes: FileScope[] = [];
  for (const [index, path] of request.paths.entries()) {
    signal?.throwIfAborted();
    const { file, rows } = await readOne(path, request, options);
    files.push(file);
    rowsPerFile.push(rows.length);
    scopes.push({ source: file.read.format, subscriptions: new Set(rows.map((row) => scopeSubscription(row.subscription))), sheet: file.read.sheet ?? null });
    mergeRows(merge, rows, index);
  }
  signal?.throwIfAborted();
  const total = merge.assets.size;
  let done = 0;
  const classify = assetClassifier();
  for (const asset of merge.assets.values()) {
    asset.classification = classify(asset);
    if (++done % YIELD_EVERY === 0) {
      onProgress?.({ operation: 'import', phase: 'classifying', done, total });
      await yieldToEvents();
      signal?.throwIfAborted();
    }
  }
  onProgress?.({ operation: 'import', phase: 'classifying', done: total, total });
  return { files, merge, rowsPerFile, scopes };
}

function activeParties(wb: OpenWorkbook): Map<string, number> {
  const byName = new Map<string, number>();
  for (const party of listParties(wb.db)) {
    if (!party.active) continue;
    byName.set(party.name.trim().toLowerCase(), party.id);
    if (party.email) byName.set(party.email.trim().toLowerCase(), party.id);
  }
  return byName;
}

/**
 * The plan of a prepared import against the workbook as it is now: the preview's own when nothing
 * has been written since (an apply right after its preview plans once), else planned afresh.
 */
function currentPlan(wb: OpenWorkbook, prepared: PreparedImport): ImportPlan {
  const rowsWritten = rowsWrittenSinceOpen(wb.db);
  if (prepared.planned?.rowsWritten === rowsWritten) return prepared.planned.plan;
  const plan = planFor(wb, prepared);
  prepared.planned = { plan, rowsWritten };
  return plan;
}

function planFor(wb: OpenWorkbook, prepared: PreparedImport): ImportPlan {
  return planImport({
    assets: prepared.merge.assets.values() as Iterable<ImportedAsset>,
    fileCount: prepared.files.length,
    rowsPerFile: prepared.rowsPerFile,
    mergedPerFile: prepared.merge.mergedPerFile,
    errorsPerFile: prepared.files.map((f) => f.read.errors.length),
    fileScopes: prepared.scopes,
    existing: loadExistingAssets(wb.db),
    activeParties: activeParties(wb),
    models: loadModels(wb.db),
    settings: readSettings(wb.db, '')
  });
}

const EDITABLE_MAPPING = new Set<ImportFormat>(['generic-csv', 'xlsx', 'governance-csv', 'portal-csv', 'get-azresource-csv', 'azure-migrate-csv', 'snipe-it-csv', 'az-json-projection']);

function filePreview(file: FileRead, index: number, plan: ImportPlan, merge: MergeResult): ImportFilePreview {
  const r = file.read;
  const mapping = r.mapping ?? {};
  return {
    file: file.path,
    fileName: file.fileName,
    sha256: file.sha256,
    format: r.format,
    formatLabel: IMPORT_FORMAT_LABELS[r.format],
    encoding: r.encoding,
    delimiter: r.delimiter ?? null,
    columns: r.columns ?? [],
    mapping,
    mappingEditable: EDITABLE_MAPPING.has(r.format) && (r.columns?.length ?? 0) > 0,
    sheet: r.sheet ?? null,
    sheets: r.sheets ?? [],
    counts: plan.countsPerFile[index]!,
    classification: plan.classificationPerFile[index]!,
    sample: sampleOf(plan, index),
    errors: r.errors,
    warnings: [...r.warnings, ...(merge.warningsPerFile[index] ?? [])],
    attributes: attributeReadings(merge.attributesPerFile[index] ?? emptyAttributeTally(), mapping),
    complete: r.complete
  };
}

function remember(wb: OpenWorkbook, token: string, prepared: PreparedImport): void {
  const kept = wb.importPreviews;
  kept.set(token, prepared);
  // Old previews hold their assets in memory: keep only the latest few.
  while (kept.size > KEPT_PREVIEWS) kept.delete(kept.keys().next().value!);
}

/** Reads the files and says what an apply would do; nothing is written. */
export async function previewImport(wb: OpenWorkbook, request: ImportRequest, options: ImportRunOptions = {}): Promise<ImportPreview> {
  const prepared = await prepareImport(request, options);
  const plan = currentPlan(wb, prepared);
  const token = randomUUID();
  const files = prepared.files.map((file, i) => filePreview(file, i, plan, prepared.merge));
  const canApply = refusal(prepared) === null;
  if (canApply) remember(wb, token, prepared);
  return { token, files, counts: plan.counts, classification: plan.classification, owners: plan.owners, canApply };
}

/** Why an import cannot be applied (row errors, an incomplete read, no rows), or null. */
function refusal(prepared: PreparedImport): DemarcError | null {
  const errors = prepared.files.flatMap((f) => f.read.errors.map((e) => ({ file: f.fileName, ...e })));
  if (errors.length > 0) {
    const first = errors.slice(0, 5).map((e) => formatRowError(e.file, e));
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    return new DemarcError('BAD_FILE', `Nothing was imported: ${errors.length} row error${errors.length === 1 ? '' : 's'}${more}.\n${first.join('\n')}`, {
      errors: errors.slice(0, 100)
    });
  }
  const incomplete = prepared.files.find((f) => !f.read.complete);
  if (incomplete) return new DemarcError('BAD_FILE', `${incomplete.fileName}: the file could not be read to its end; nothing was imported.`);
  const empty = prepared.files.find((_, i) => (prepared.rowsPerFile[i] ?? 0) === 0);
  if (empty) return new DemarcError('BAD_FILE', `${empty.fileName}: no assets found; nothing was imported.`);
  return null;
}

async function applyPrepared(wb: OpenWorkbook, ctx: ServiceContext, prepared: PreparedImport, options: ImportRunOptions): Promise<ImportResult> {
  const refused = refusal(prepared);
  if (refused) throw refused;
  options.signal?.throwIfAborted();
  await yieldToEvents();
  options.signal?.throwIfAborted();
  const plan = currentPlan(wb, prepared);
  const files: ImportRunFile[] = prepared.files.map((f, i) => ({
    fileName: f.fileName,
    sheet: f.read.sheet ?? null,
    sha256: f.sha256,
    format: f.read.format,
    encoding: f.read.encoding,
    counts: plan.countsPerFile[i]!
  }));
  const written = writeImport(wb, ctx, plan, files, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ operation: 'import', phase: 'writing', done, total })
  });
  return {
    counts: plan.counts,
    classification: plan.classification,
    importRunId: written.runIds[0]!,
    importRunIds: written.runIds,
    summary: written.summary,
    ownersAssigned: plan.owners.assigned
  };
}

/** Applies a preview by its token: all or nothing. */
export async function applyImportToken(wb: OpenWorkbook, ctx: ServiceContext, token: string, options: ImportRunOptions = {}): Promise<ImportResult> {
  const prepared = wb.importPreviews.get(token);
  if (prepared === undefined) {
    throw new DemarcError('NOT_FOUND', 'This import preview is no longer available (it was applied, replaced or the workbook was reopened): preview the files again.');
  }
  const result = await applyPrepared(wb, ctx, prepared, options);
  wb.importPreviews.delete(token);
  return result;
}

/** Reads and applies files at once (the CLI): all or nothing. */
export async function applyImport(wb: OpenWorkbook, ctx: ServiceContext, request: ImportRequest, options: ImportRunOptions = {}): Promise<ImportResult> {
  const prepared = await prepareImport(request, options);
  return applyPrepared(wb, ctx, prepared, options);
}

/** Turns an abort into the CANCELLED error the router reports. */
export function cancelledError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted && !(error instanceof DemarcError)) return new DemarcError('CANCELLED', 'The import was cancelled; nothing was written.');
  return error;
}
