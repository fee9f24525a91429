/**
 * The round trip: an edited RACI export comes back. The preview reads it (streaming), diffs it
 * against the workbook as it is, marks conflicts with what Demarc changed since the export, and
 * keeps the result under a token; the apply writes the accepted changes as one edit — one
 * transaction, one change-log entry naming the file and its SHA-256, one undo step — or nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { closeSync, createReadStream, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { PlannedChange } from '@core/roundtrip/roundtrip-diff';
import { RACI_READ } from '@core/roundtrip/sheet-cells';
import { SinceExport } from '@core/roundtrip/since-export';
import type { ParsedInput } from '@shared/contract';
import type { RoundTripDetection, RoundTripIdentity, RoundTripPreview, RoundTripResult } from '@shared/contract/roundtrip';
import { DemarcError } from '@shared/errors';
import { zipIdentity } from '../export/xlsx-identity';
import { InflatedPastLimit } from '../export/xlsx-parts';
import { readRoundTripIdentity, readRoundTripXlsx } from '../export/xlsx-roundtrip-reader';
import { readRaciCsv } from '../import/raci-csv-reader';
import { inflatedSize, inflationMessage, inflationOverrun } from '../import/zip-size';
import { openRegularFile, readUserFile } from '../security/user-files';
import { changesAfter, lastChangeId } from '../store/repos/change-log';
import { META_KEYS, readMeta } from '../store/repos/meta';
import type { OpenWorkbook, ServiceContext } from './context';
import { writeEdit } from './history';
import { groupChanges, unreadWarnings } from './roundtrip-review';
import { planRoundTrip } from './roundtrip-plan';
import { PagedComparison } from './roundtrip-read';
import { actorOf } from './write';

/** A preview waiting for its apply (kept by the OpenWorkbook, by token). */
export interface PreparedRoundTrip {
  fileName: string;
  fileSha256: string;
  /** The workbook's revision when the preview was made: an apply after another write is refused. */
  revision: number;
  changes: PlannedChange[];
}

const KEPT_PREVIEWS = 3;

/** The file's bytes, through the checks every user file takes (a regular file, under the inventory's size limit). */
const readBytes = (path: string): Promise<Buffer> => readUserFile(path, 'inventory');

/**
 * The most XML an edited export may inflate to. The streaming reader holds a row at a time, so the
 * bound is time, not memory: Demarc's own export of 100,000 assets × 10 layers is about 250 bytes
 * of sheet XML per RACI row plus the Matrix and shared strings (~0.5 GiB), and Excel's rewrite adds
 * to it; a file past four times that is no export of ours.
 */
export const ROUNDTRIP_INFLATED_LIMIT = 2048 * 1024 * 1024;

const EXPORT_ADVICE = 'an export of Demarc stays well under it';

/** Refuses an xlsx that inflates past the limit — counted while inflating, not taken from the archive's word. */
async function refuseOverrun(bytes: Buffer, fileName: string): Promise<void> {
  const overrun = await inflationOverrun(bytes, ROUNDTRIP_INFLATED_LIMIT);
  if (overrun !== null) throw new DemarcError('BAD_FILE', inflationMessage(fileName, overrun, ROUNDTRIP_INFLATED_LIMIT, EXPORT_ADVICE));
}

const ZIP_SIGNATURE = 0x04034b50;
const isZip = (bytes: Buffer): boolean => bytes.length > 4 && bytes.readUInt32LE(0) === ZIP_SIGNATURE;

/**
 * An xlsx read in place from disk (never held whole: a 100k-asset export is 60 MB), after the checks
 * every user file takes, its SHA-256 taken in a pass of its own; a CSV is read whole (its encoding
 * is sniffed from all of it).
 */
function openEdited(path: string): { format: 'xlsx'; fd: number; size: number; sha256: () => Promise<string>; close: () => void } | { format: 'csv' } {
  const { fd, size } = openRegularFile(path, 'inventory');
  const head = Buffer.alloc(4);
  if (size <= 4 || readSync(fd, head, 0, 4, 0) < 4 || head.readUInt32LE(0) !== ZIP_SIGNATURE) {
    closeSync(fd);
    return { format: 'csv' };
  }
  const sha256 = async () => {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream('', { fd, start: 0, autoClose: false, highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  };
  return { format: 'xlsx', fd, size, sha256, close: () => closeSync(fd) };
}

function workbookIdentity(wb: OpenWorkbook): { workbookId: string; revision: number } {
  return { workbookId: readMeta(wb.db).get(META_KEYS.workbookId) ?? '', revision: lastChangeId(wb.db) };
}

/** Whether `path` is a Demarc RACI export, and of this workbook. */
export async function detectRoundTrip(wb: OpenWorkbook, path: string): Promise<RoundTripDetection> {
  const bytes = await readBytes(path);
  if (!isZip(bytes)) {
    // A CSV whose header cannot be read is simply not a RACI table: the inventory import will say why.
    const csv = /\.(csv|txt|tsv)$/i.test(path) ? await readRaciCsv(bytes, basename(path), null).catch(() => null) : null;
    return { isExport: csv?.recognised ?? false, identity: null, sameWorkbook: null };
  }
  // From the archive's identity sheet alone (which inflates no part past its declared size); the
  // long way (a streaming read of everything, its inflated size counted first) only when that cannot tell.
  const declared = inflatedSize(bytes);
  if (declared !== null && declared > ROUNDTRIP_INFLATED_LIMIT) await refuseOverrun(bytes, basename(path));
  let identity = zipIdentity(bytes);
  if (identity === undefined) {
    await refuseOverrun(bytes, basename(path));
    identity = await readRoundTripIdentity(Readable.from([bytes])).catch(() => null);
  }
  return { isExport: identity !== null, identity, sameWorkbook: identity === null ? null : identity.workbookId === workbookIdentity(wb).workbookId };
}

export interface RoundTripRunOptions {
  signal?: AbortSignal;
  onRows?: (rows: number) => void;
  /** Assets compared with the workbook at once (the default page; smaller in tests). */
  pageSize?: number;
  /** Layers of assets' own kept between the Matrix and the RACI sheets (roundtrip-kept.ts; smaller in tests). */
  keptLayers?: number;
}

/** Reads an edited export (xlsx, or the RACI CSV) and answers its diff against the open workbook; writes nothing. */
export async function previewRoundTrip(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: Omit<ParsedInput<'roundtrip.preview'>, 'path'> & { path: string },
  options: RoundTripRunOptions = {}
): Promise<RoundTripPreview> {
  const opened = openEdited(input.path);
  const bytes = opened.format === 'csv' ? await readBytes(input.path) : null;
  const fileName = basename(input.path);
  let fileSha256 = bytes === null ? '' : createHash('sha256').update(bytes).digest('hex');
  const workbook = workbookIdentity(wb);
  const compared = new PagedComparison(wb, ctx, input.createParties, options.pageSize, options.keptLayers);
  const onRows = async (rows: number) => {
    options.onRows?.(rows);
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
  };
  const format = opened.format;
  const warnings: string[] = [];
  let identity: RoundTripIdentity | null = null;
  try {
    if (opened.format === 'xlsx') {
      // Every inflated byte counted as it is read: past the limit, refused naming the part.
      identity = (await readRoundTripXlsx(opened, compared.handler, onRows, ROUNDTRIP_INFLATED_LIMIT)).identity;
      fileSha256 = await opened.sha256();
    } else {
      const csv = await readRaciCsv(bytes!, fileName, compared.handler, onRows);
      if (!csv.recognised) {
        throw new DemarcError('BAD_FILE', `${fileName} is not a RACI table Demarc exported: its header row does not name the RACI columns (${Object.values(RACI_READ).join(', ')}).`);
      }
      warnings.push(
        `${fileName} is a CSV (${csv.encoding}, delimiter ${JSON.stringify(csv.delimiter)}): it cannot say which workbook or revision it came from, so it is compared with this workbook as it is now, by asset id, and changes made in Demarc since the export cannot be told apart. Owners and service models are not in the CSV.`,
        ...csv.warnings
      );
    }
  } catch (error) {
    if (error instanceof InflatedPastLimit) throw new DemarcError('BAD_FILE', inflationMessage(fileName, error.overrun, ROUNDTRIP_INFLATED_LIMIT, EXPORT_ADVICE));
    if (error instanceof DemarcError) throw error;
    if (options.signal?.aborted) throw new DemarcError('CANCELLED', 'Reading the edited export was cancelled; nothing was written.');
    throw new DemarcError('BAD_FILE', `${fileName} could not be read as ${format === 'xlsx' ? 'an xlsx workbook' : 'a CSV'}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (opened.format === 'xlsx') opened.close();
  }
  if (format === 'xlsx' && identity === null) {
    throw new DemarcError('BAD_FILE', `${fileName} is not a Demarc RACI export: it has no hidden "Demarc" sheet with the export's identity. To import an inventory, choose it in File › Import as an inventory.`);
  }
  if (identity !== null && identity.workbookId !== workbook.workbookId && !input.anyWorkbook) {
    throw new DemarcError(
      'BAD_FILE',
      `${fileName} was exported from another workbook (id ${identity.workbookId}; this one is ${workbook.workbookId}). Nothing was read into this workbook. To apply it by asset id anyway, insist (--any-workbook).`,
      { otherWorkbook: identity.workbookId }
    );
  }
  const headerProblems = compared.problems;
  if (format === 'xlsx' && compared.raciSheets === 0 && !headerProblems.some((p) => p.cell.startsWith('RACI'))) {
    headerProblems.push({ cell: 'RACI!1', message: `${fileName} has no RACI sheet (it was renamed or deleted): name it "RACI" again.` });
  }
  const exportRevision = identity?.revision ?? workbook.revision;
  if (exportRevision > workbook.revision) {
    warnings.push(`The export was made at revision ${exportRevision}, but this workbook is at revision ${workbook.revision}: it came from a copy of this workbook that moved on. Changes are compared with the workbook as it is now.`);
  }
  const since = new SinceExport(exportRevision < workbook.revision ? changesAfter(wb.db, exportRevision) : []);
  const { changes, demarcOnly, unread } = compared.settle(since);
  const differ = compared.differ;
  const token = randomUUID();
  wb.roundTripPreviews.set(token, { fileName, fileSha256, revision: workbook.revision, changes });
  for (const key of [...wb.roundTripPreviews.keys()].slice(0, -KEPT_PREVIEWS)) wb.roundTripPreviews.delete(key);
  const errors = [...headerProblems, ...differ.errors];
  const groups = groupChanges(changes);
  const newParties = [...differ.newParties.values()];
  return {
    token,
    path: input.path,
    fileName,
    fileSha256,
    format,
    identity,
    workbook,
    revisionMoved: exportRevision !== workbook.revision,
    counts: {
      rows: differ.rows,
      changes: changes.length,
      assets: groups.length,
      conflicts: changes.filter((c) => c.conflict !== null).length,
      apart: differ.apart.length,
      errors: errors.length,
      newParties: newParties.length,
      demarcOnly
    },
    groups,
    apart: differ.apart,
    errors,
    warnings: [...warnings, ...since.warnings, ...unreadWarnings(unread)],
    newParties,
    canApply: errors.length === 0
  };
}

/** Applies a preview's accepted changes as one undoable edit; refuses as a whole, writing nothing. */
export function applyRoundTrip(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'roundtrip.apply'>): RoundTripResult {
  const prepared = wb.roundTripPreviews.get(input.token);
  if (prepared === undefined) throw new DemarcError('NOT_FOUND', 'This review is no longer open: read the edited file again.');
  if (lastChangeId(wb.db) !== prepared.revision) {
    throw new DemarcError('RULE_VIOLATION', `The workbook changed after ${prepared.fileName} was reviewed: review it again, so nothing is applied over a change you have not seen.`);
  }
  const rejected = new Set(input.reject);
  const open: PlannedChange[] = [];
  const accepted = prepared.changes.filter((change) => {
    if (rejected.has(change.id)) return false;
    if (change.conflict === null) return true;
    const choice = input.resolve[change.id] ?? input.onConflict;
    if (choice === undefined) open.push(change);
    return choice === 'sheet';
  });
  if (open.length > 0) {
    throw new DemarcError(
      'RULE_VIOLATION',
      `${open.length} conflict${open.length === 1 ? '' : 's'} left open (changed in the sheet and, since the export, in Demarc): ${open.slice(0, 5).map((c) => `${c.cell} (${c.assetName}, ${c.field})`).join('; ')}${open.length > 5 ? '…' : ''}. Keep the sheet's or the workbook's value for each; nothing was written.`,
      { conflicts: open.map((c) => c.id) }
    );
  }
  const skipped = prepared.changes.length - accepted.length;
  if (accepted.length === 0) return { applied: 0, rejected: skipped, summary: `Nothing applied from ${prepared.fileName}: every change was rejected.`, newParties: [] };
  const state = wb.engine.state(ctx);
  const at = ctx.clock();
  const edit = planRoundTrip(state, accepted, actorOf(wb, ctx), at);
  if (edit.problems.length > 0) {
    throw new DemarcError('RULE_VIOLATION', `Refused: ${edit.problems.map((p) => p.message).join(' ')} Nothing was written.`, { problems: edit.problems });
  }
  const count = `${accepted.length} change${accepted.length === 1 ? '' : 's'}`;
  const summary = `Applied ${count} on ${edit.assetIds.length} asset${edit.assetIds.length === 1 ? '' : 's'} from ${prepared.fileName} (SHA-256 ${prepared.fileSha256})`;
  writeEdit(wb, ctx, {
    action: 'roundtrip.apply',
    entity: 'asset',
    entityId: edit.assetIds.length === 1 ? String(edit.assetIds[0]) : null,
    summary,
    forward: edit.forward,
    backward: edit.backward,
    // The operations that undo it: what a later round trip rewinds through (core/roundtrip/since-export.ts).
    before: { file: prepared.fileName, sha256: prepared.fileSha256, ids: edit.assetIds, ops: edit.backward },
    after: {
      file: prepared.fileName,
      sha256: prepared.fileSha256,
      changes: accepted.length,
      ids: edit.assetIds,
      cells: accepted.map((c) => ({ cell: c.cell, field: c.field, before: c.before, after: c.after })),
      // The way forward: what an undo of this apply rewinds through.
      ops: edit.forward
    }
  });
  wb.roundTripPreviews.delete(input.token);
  return { applied: accepted.length, rejected: skipped, summary, newParties: edit.createdParties.map((p) => p.name) };
}
