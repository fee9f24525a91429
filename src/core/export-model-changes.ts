/**
 * The "Changes since <date>" sheet: the comparison of two dates (the same DiffReport `demarc diff`
 * prints) as one table an auditor can filter — per asset, each change with its layer, what it was
 * before and after, who made it and when, and the asset's changes counted by kind; then the
 * workbook's own changes; then the assets added, removed and not seen by the imports. Its columns
 * are declared once here, each with the cell it shows; the rows are produced lazily. Pure.
 */
import { DIFF_KIND_LABELS, diffCountsText, type DiffChange, type DiffReport } from '@shared/audit-diff';
import { sheet, text, type ExportCell, type ExportColumn, type ExportSheet } from './export-model-cells';

/** One line of the sheet before it becomes cells. */
export interface ChangeSheetLine {
  /** The asset's name; "Workbook" for a change to the workbook as a whole. */
  asset: string;
  assetId: number | null;
  layer: string | null;
  /** A kind of change ("RACI", "Override"…) or what happened to the asset ("Asset added"…). */
  change: string;
  before: string | null;
  after: string | null;
  summary: string | null;
  by: string | null;
  at: string | null;
  entryId: number | null;
  /** The asset's changes counted by kind ("RACI 2, Owner 1"), on each of its lines. */
  assetChanges: string | null;
}

/** What the sheet names a change to the workbook as a whole. */
export const WORKBOOK_ROW = 'Workbook';

/** What happened to an asset itself in the window, as the Change column says it. */
export const ASSET_EVENTS = { added: 'Asset added', removed: 'Asset removed', notSeen: 'Not seen by the imports' } as const;

/** The sheet's columns: header, width, and the cell each shows of a line. Declared once. */
export const CHANGES_COLUMNS: readonly (ExportColumn & { cell: (line: ChangeSheetLine) => ExportCell })[] = [
  { header: 'Asset', width: 32, cell: (l) => text(l.asset) },
  { header: 'Asset id', width: 9, cell: (l) => l.assetId },
  { header: 'Layer', width: 26, cell: (l) => text(l.layer) },
  { header: 'Change', width: 16, cell: (l) => l.change },
  { header: 'Before', width: 36, wrap: true, cell: (l) => text(l.before) },
  { header: 'After', width: 36, wrap: true, cell: (l) => text(l.after) },
  { header: 'Summary', width: 60, wrap: true, cell: (l) => text(l.summary) },
  { header: 'By', width: 18, cell: (l) => text(l.by) },
  { header: 'At', width: 22, cell: (l) => text(l.at) },
  { header: 'Entry', width: 8, cell: (l) => l.entryId },
  { header: 'Changes of this asset', width: 30, wrap: true, cell: (l) => text(l.assetChanges) }
];

/** The sheet's name: "Changes since" and the window's first day (UTC). */
export function changesSheetName(report: DiffReport): string {
  return `Changes since ${report.from.slice(0, 10)}`;
}

function changeLine(asset: string, assetId: number | null, c: DiffChange, assetChanges: string | null): ChangeSheetLine {
  return {
    asset,
    assetId,
    layer: c.layer,
    change: DIFF_KIND_LABELS[c.kind],
    before: c.before,
    after: c.after,
    summary: c.summary,
    by: c.actor,
    at: c.at,
    entryId: c.entryId,
    assetChanges
  };
}

const event = (asset: string, assetId: number | null, change: string, summary: string | null = null): ChangeSheetLine => ({
  asset,
  assetId,
  layer: null,
  change,
  before: null,
  after: null,
  summary,
  by: null,
  at: null,
  entryId: null,
  assetChanges: null
});

/** Every line of the sheet, in order: assets (by name) and their changes, the workbook's, then added, removed, not seen. */
export function* changeSheetLines(report: DiffReport): Generator<ChangeSheetLine> {
  for (const asset of report.assets) {
    const counted = diffCountsText(asset.counts);
    for (const c of asset.changes) yield changeLine(asset.name, asset.assetId, c, counted);
  }
  for (const c of report.workbook) yield changeLine(WORKBOOK_ROW, null, c, null);
  for (const a of report.added) yield event(a.name, a.assetId, ASSET_EVENTS.added);
  for (const a of report.removed) yield event(a.name, a.assetId, ASSET_EVENTS.removed);
  if (report.notSeen > 0)
    yield event(WORKBOOK_ROW, null, ASSET_EVENTS.notSeen, `${report.notSeen} asset${report.notSeen === 1 ? '' : 's'} the imports in this window no longer listed (flagged, kept in the workbook)`);
}

/** Lines the sheet has (known before it is written: progress is planned on it). */
export function changeSheetLineCount(report: DiffReport): number {
  return (
    report.assets.reduce((n, a) => n + a.changes.length, 0) +
    report.workbook.length +
    report.added.length +
    report.removed.length +
    (report.notSeen > 0 ? 1 : 0)
  );
}

/** The Changes since sheet of a comparison. */
export function changesSinceSheet(report: DiffReport): ExportSheet {
  const columns = CHANGES_COLUMNS.map(({ cell: _cell, ...column }) => column);
  function* rows(): Iterable<ExportCell[]> {
    for (const line of changeSheetLines(report)) yield CHANGES_COLUMNS.map((c) => c.cell(line));
  }
  return { ...sheet(changesSheetName(report), columns, changeSheetLineCount(report), rows), frozenColumns: 1 };
}

/** The Cover's item naming the comparison. */
export const CHANGES_COVER_ITEM = 'Changes since';

/** The Cover's line about the comparison: the window, the entries, counts, people, and whether the log and baseline hold. */
export function changesCoverText(report: DiffReport): string {
  const range = report.entries === 0 ? 'no entries' : `entries #${report.firstEntryId}–#${report.lastEntryId}`;
  const people = report.byActor.map((a) => `${a.actor} ${a.entries}`).join(', ');
  return [
    `${report.from} to ${report.to} (${range}): ${diffCountsText(report.counts)}${people === '' ? '' : `; by ${people}`}`,
    `${report.assets.length} assets changed, ${report.added.length} added, ${report.removed.length} removed`,
    ...(report.baseline === null ? [] : [`since the export ${report.baseline.path} (head ${report.baseline.head}): ${report.baseline.matches ? 'it agrees with this history' : `MISMATCH — ${report.baseline.message}`}`]),
    report.chain.whole ? 'change log whole' : `change log BROKEN (${report.chain.message ?? ''}): read from an altered log`
  ].join('. ');
}
