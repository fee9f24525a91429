/** The Sign-offs sheet of the RACI workbook. Pure. */
import type { ExportCell, ExportColumn, ExportSheet, SignOffExport } from './export-model-cells';
import { SHEET_NAMES, sheet, text } from './export-model-cells';

/** Every sign-off: scope, who, when, statement, and whether it still holds — stale since when, by whom, and why. */
export function signOffsSheet(signOffs: SignOffExport | undefined): ExportSheet {
  const list = signOffs?.list ?? [];
  const columns: ExportColumn[] = [
    { header: 'Scope', width: 36, wrap: true },
    { header: 'Assets', width: 9 },
    { header: 'Signed by', width: 22 },
    { header: 'Signed on', width: 12 },
    { header: 'Statement', width: 50, wrap: true },
    { header: 'Note', width: 30, wrap: true },
    { header: 'Recorded at', width: 22 },
    { header: 'Recorded by', width: 18 },
    { header: 'Status', width: 10 },
    { header: 'Stale since', width: 22 },
    { header: 'Changed by', width: 18 },
    { header: 'Why', width: 60, wrap: true }
  ];
  function* rows(): Iterable<ExportCell[]> {
    for (const s of list) {
      const stale = s.stale;
      const why =
        stale === null
          ? null
          : `${stale.changes.join(', ')} changed on ${stale.assetName}${stale.assets > 1 ? ` and ${stale.assets - 1} more asset(s)` : ''}${stale.since ? ` (${stale.since.summary})` : ''}`;
      yield [
        text(s.scopeLabel),
        s.assets,
        text(s.partyName),
        text(s.signedOn),
        text(s.statement),
        text(s.note),
        text(s.recordedAt),
        text(s.recordedBy),
        stale === null ? 'Valid' : 'Stale',
        text(stale?.since?.at ?? null),
        text(stale?.since?.actor ?? null),
        text(why)
      ];
    }
  }
  return sheet(SHEET_NAMES.signOffs, columns, list.length, rows);
}
