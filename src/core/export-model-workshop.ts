/**
 * The Workshop sheet of the audit workbook: one row per decision and per deferred action of every
 * workshop, with the meeting's title, date and attendees, so the record of who decided what in
 * which meeting travels with the export. Present only when the workbook has workshops.
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

export function workshopSheet(workshops: readonly WorkshopMinutes[]): ExportSheet {
  const rowCount = workshops.reduce((n, m) => n + m.decisions.length + m.actions.length, 0);
  function* rows(): Iterable<ExportCell[]> {
    for (const m of workshops) {
      const w = m.workshop;
      const attendees = text(w.attendees.map((a) => a.name).join('; '));
      const assetsOf = (position: number) => m.groups.find((g) => g.position === position)?.assets ?? null;
      for (const d of m.decisions) {
        yield [text(w.title), w.heldOn, attendees, text(d.groupLabel), assetsOf(d.groupPosition), text(d.layerTitle), DECISION_KIND_LABELS[d.kind], text(d.before), text(d.after), text(d.reason), null, null, null, text(d.by), d.at];
      }
      for (const a of m.actions) {
        const status = a.closedAt === null ? 'open' : `closed ${a.closedAt.slice(0, 10)}`;
        yield [text(w.title), w.heldOn, attendees, text(a.groupLabel), a.assets, text(a.layerTitle), 'Action', null, text(a.title), text(a.closeNote), text(a.owner), a.dueOn, status, null, a.createdAt];
      }
    }
  }
  return sheet(SHEET_NAMES.workshop, COLUMNS, rowCount, rows);
}
