/**
 * Saving a comparison of two dates on its own: as JSON (the DiffReport `demarc diff --json`
 * prints, the documented format) or as an xlsx holding the "Changes since" sheet the audit export
 * adds. Read only; the file appears whole or not at all.
 */
import { changesSheetName, changesSinceSheet } from '@core/export-model-changes';
import type { ParsedInput } from '@shared/contract';
import type { DiffExportResult } from '@shared/contract/audit';
import { writeFileAtomically } from '../export/atomic-file';
import { writeSheetsXlsx } from '../export/xlsx-sheets-file';
import { readSettings } from '../store/repos/meta';
import { diffWorkbook } from './audit-diff';
import { actorName, type OpenWorkbook, type ServiceContext } from './context';
import { exportTargetPath, failure } from './export-service';

type DiffQuery = ParsedInput<'audit.diff'>;

/** Writes the comparison `query` to `path` (as granted) in `format`. */
export async function exportDiff(wb: OpenWorkbook, ctx: ServiceContext, query: DiffQuery, format: 'xlsx' | 'json', path: string): Promise<DiffExportResult> {
  const target = exportTargetPath(path, format, wb.path);
  // The comparison first: a baseline that is not an export is refused before any file appears.
  const report = await diffWorkbook(wb, ctx, query);
  const holds = { chainWhole: report.chain.whole, baselineMatches: report.baseline?.matches ?? null };
  try {
    if (format === 'json') {
      const written = await writeFileAtomically(target, undefined, (sink) => {
        sink.end(`${JSON.stringify(report, null, 2)}\n`);
        return Promise.resolve();
      });
      return { path: target, format, sheet: null, entries: report.entries, fileSha256: written.sha256, ...holds };
    }
    const written = await writeSheetsXlsx(target, [changesSinceSheet(report)], {
      title: changesSheetName(report),
      creator: readSettings(wb.db, actorName(ctx)).userName,
      created: ctx.clock()
    });
    return { path: target, format, sheet: written.sheets[0] ?? null, entries: report.entries, fileSha256: written.sha256, ...holds };
  } catch (error) {
    throw failure(error, target, undefined);
  }
}
