/**
 * The Workshop sheet of the audit workbook: one row per decision and per deferred action of every
 * workshop, with the meeting's title, date and attendees, so the record of who decided what in
 * which meeting travels with the export. Present only when the workbook has workshops; read from
 * the file a workshop and a page of rows at a time (services/workshop/workshop-export.ts).
 */
import { DECISION_KIND_LABELS, type WorkshopMinutes } from '@shared/workshop';
import { SHEET_NAMES, sheet, text, type ExportCell, type ExportColumn, type ExportSheet } from './export-model-cells';

const COLUMNS: ExportColumn[] = [
  { header: 'Workshop', width: 30, wrap: true },
  { header: 'Held on', width: 12 },
  { header: 'Attendees', width: 40, wrap: true },
  { header: 'Group', width: 40, wrap: true },
  { header: 'Assets', width: 8 },
  { header: 'Layer', width: 28 },
  { header: 'Record', width: 16 },
  { header: 'Before', width: 50, wrap: true },
  { header: 'After', width: 50, wrap: true },
  { header: 'Reason', width: 40, wrap: true },
  { header: 'Owner', width: 20 },
  { header: 'Due', width: 12 },
  { header: 'Status', width: 22 },
  { header: 'By', width: 18 },
  { header: 'When', width: 22 }
];

/** What every row of one workshop repeats: the meeting. */
export interface WorkshopSheetHead {
  title: string;
  heldOn: string;
  /** The attendees' names, in the order the minutes list them. */
  attendees: readonly string[];
}

/** One row of the sheet: a decision (with its group's size, null if the group is gone) or a deferred action. */
export type WorkshopSheetRecord =
  | { head: WorkshopSheetHead; decision: WorkshopMinutes['decisions'][number]; groupAssets: number | null }
  | { head: WorkshopSheetHead; action: WorkshopMinutes['actions'][number] };

/**
 * The sheet's rows as the export reads them: how many first, then every workshop's decisions and
 * actions in order, read afresh on each call (a page at a time from the file).
 */
export interface WorkshopSheetSource {
  rowCount: number;
  records(): Iterable<WorkshopSheetRecord>;
}

function cells(record: WorkshopSheetRecord): ExportCell[] {
  const { head } = record;
  const meeting = [text(head.title), head.heldOn, text(head.attendees.join('; '))];
  if ('decision' in record) {
    const d = record.decision;
    return [...meeting, text(d.groupLabel), record.groupAssets, text(d.layerTitle), DECISION_KIND_LABELS[d.kind], text(d.before), text(d.after), text(d.reason), null, null, null, text(d.by), d.at];
  }
  const a = record.action;
  const status = a.closedAt === null ? 'open' : `closed ${a.closedAt.slice(0, 10)}`;
  return [...meeting, text(a.groupLabel), a.assets, text(a.layerTitle), 'Action', null, text(a.title), text(a.closeNote), text(a.owner), a.dueOn, status, null, a.createdAt];
}

export function workshopSheet(source: WorkshopSheetSource): ExportSheet {
  function* rows(): Iterable<ExportCell[]> {
    for (const record of source.records()) yield cells(record);
  }
  return sheet(SHEET_NAMES.workshop, COLUMNS, source.rowCount, rows);
}
