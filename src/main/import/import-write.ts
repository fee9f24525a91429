/**
 * Applies an import plan in ONE write (transaction + one change-log entry when the inventory
 * changed): inserts new assets, updates what changed in existing ones (never a manual service
 * model, owner, review, RACI or override), flags absent assets in the files' scope as not seen
 * (never deletes), records the runs.
 * Aborting between batches throws inside the transaction, so everything rolls back.
 */
import type { ImportCounts } from '@shared/contract/import';
import { prepareImportStatements } from '../store/repos/asset-import';
import type { OpenWorkbook, ServiceContext } from '../services/context';
import { importedFields, type ImportPlan } from './import-plan';
import { write } from '../services/write';
import { withBulkWriteCache } from '../store/workbook-file';

export interface ImportRunFile {
  fileName: string;
  /** xlsx: the sheet read. */
  sheet: string | null;
  sha256: string;
  format: string;
  encoding: string;
  counts: ImportCounts;
}

export interface WriteImportOptions {
  signal?: AbortSignal;
  /** Called every batch with the assets written so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface WrittenImport {
  runIds: number[];
  summary: string;
}

const BATCH = 2000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Imported 173 assets from X.csv: 170 new, 3 updated, 0 unchanged, 2 not seen, 1 merged" */
export function importSummary(files: readonly ImportRunFile[], counts: ImportCounts): string {
  const names = files.length === 1 ? (files[0]?.fileName ?? '') : `${files.length} files (${files.map((f) => f.fileName).join(', ')})`;
  const total = counts.new + counts.updated + counts.unchanged;
  return (
    `Imported ${plural(total, 'asset')} from ${names}: ${counts.new} new, ${counts.updated} updated, ` +
    `${counts.unchanged} unchanged, ${counts.notSeen} not seen, ${counts.merged} merged`
  );
}

export function writeImport(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  plan: ImportPlan,
  files: readonly ImportRunFile[],
  options: WriteImportOptions = {}
): WrittenImport {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const sql = prepareImportStatements(wb.db);
  const total = plan.planned.length;

  return withBulkWriteCache(wb.db, () => write(wb, ctx, (at, actor) => {
    const runIds = files.map((file) =>
      sql.insertRun({
        fileName: file.fileName,
        sheet: file.sheet,
        sha256: file.sha256,
        format: file.format,
        encoding: file.encoding,
        counts: JSON.stringify(file.counts),
        actor,
        at
      })
    );
    let done = 0;
    for (const p of plan.planned) {
      if (done % BATCH === 0) {
        signal?.throwIfAborted();
        onProgress?.(done, total);
      }
      done++;
      const runId = runIds[p.asset.fileIndex] ?? null;
      if (p.existing === null) {
        sql.insertAsset({ key: p.asset.key, fields: importedFields(p.asset, p.final, null), ownerPartyId: p.ownerPartyId, at, runId });
      } else if (p.status === 'updated') {
        sql.updateAsset(p.existing.id, importedFields(p.asset, p.final, p.existing), runId, at);
      } else {
        sql.markSeen(runId, p.existing.id);
      }
    }
    signal?.throwIfAborted();
    for (const id of plan.notSeenIds) sql.markNotSeen(id);
    onProgress?.(total, total);
    signal?.throwIfAborted();
    const summary = importSummary(files, plan.counts);
    // The run is kept (import_runs) whatever it found; only a run that changed the inventory is
    // a change: re-importing an unchanged file leaves the change log, and so the export, as it was.
    return {
      result: { runIds, summary },
      change: !plan.changesContent ? null : {
        action: 'import.apply',
        entity: 'import',
        entityId: runIds[0] === undefined ? null : String(runIds[0]),
        summary,
        after: {
          counts: plan.counts,
          files: files.map((file, i) => ({ ...file, importRunId: runIds[i] ?? null })),
          ownersAssigned: plan.owners.assigned
        }
      },
      touched: { inventory: true }
    };
  }));
}
