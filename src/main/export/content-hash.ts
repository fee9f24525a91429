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
 * and can check, and because it is several times cheaper than a canonical dump of the report.
 * Computed in main (node:crypto), in chunks, so no 100 MB string is ever built.
 */
import { createHash } from 'node:crypto';
import { COVER_EXPORT_ITEMS, SHEET_NAMES, buildExportModel, type SignOffExport } from '@core/export-model';
import type { ExportModel } from '@core/export-model';
import type { ChangeLogEntry } from '@shared/domain';
import type { Report } from '@shared/report';

/** Lines handed to the hash at a time. */
const LINES_PER_UPDATE = 256;

const EXPORT_ITEMS: ReadonlySet<unknown> = new Set(Object.values(COVER_EXPORT_ITEMS));

/** SHA-256 (hex) of a row model's content, as defined above. */
export function modelContentHash(model: ExportModel): string {
  const hash = createHash('sha256');
  const lines: string[] = [];
  const flush = (): void => {
    lines.push('');
    hash.update(lines.join('\n'), 'utf8');
    lines.length = 0;
  };
  for (const sheet of model.sheets) {
    // The identity sheet describes the export (and carries this hash), like the Cover's export rows.
    if (sheet.name === SHEET_NAMES.identity) continue;
    lines.push(JSON.stringify([sheet.name, sheet.columns.map((c) => c.header)]));
    const isCover = sheet.name === SHEET_NAMES.cover;
    for (const row of sheet.rows()) {
      if (isCover && EXPORT_ITEMS.has(row[0])) continue;
      lines.push(JSON.stringify(row));
      if (lines.length >= LINES_PER_UPDATE) flush();
    }
  }
  if (lines.length > 0) flush();
  return hash.digest('hex');
}

/** The logical-content SHA-256 of the workbook exported from `report`, `changeLog` and its sign-offs. */
export function logicalContentHash(report: Report, changeLog: readonly ChangeLogEntry[], signOffs?: SignOffExport): string {
  return modelContentHash(buildExportModel(report, changeLog, { exportedAt: '', exportedBy: '', ...(signOffs ? { signOffs } : {}) }));
}
