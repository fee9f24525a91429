/**
 * The Workshop sheet of the audit export, read from the file: each workshop's meeting (title, date,
 * attendees by name), its groups' sizes counted in SQL, then its decisions and actions in pages of
 * `pageSize` rows. The engine state is never loaded and no asset list is parsed: what is held at
 * once is one workshop's groups and one page of rows. The rows are the minutes' own
 * (workshop-minutes.ts), said the same way (groupNaming, partyNameOf).
 */
import type { WorkshopSheetHead, WorkshopSheetRecord, WorkshopSheetSource } from '@core/export-model-workshop';
import type { Party } from '@shared/domain';
import { loadModels } from '../../engine/input';
import { listParties } from '../../store/repos/parties';
import { actionPage, countWorkshopRecords, decisionPage, listGroupSizes } from '../../store/repos/workshop-pages';
import { listAttendeeIds, listWorkshops } from '../../store/repos/workshops';
import type { OpenWorkbook } from '../context';
import { attendeesOf, groupNaming, partyNameOf } from './workshop-view';

/** Decisions or actions read per query. */
const ROWS_PER_PAGE = 1000;

/** Keyset pages of rows with an id, until a page comes back short. */
function* paged<T extends { id: number }>(page: (afterId: number, limit: number) => T[], pageSize: number): Generator<T> {
  for (let afterId = 0; ; ) {
    const rows = page(afterId, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** The Workshop sheet's source, or undefined when the workbook has no workshop (no sheet). */
export function workshopSheetSource(wb: OpenWorkbook, pageSize = ROWS_PER_PAGE): WorkshopSheetSource | undefined {
  const workshops = listWorkshops(wb.db);
  if (workshops.length === 0) return undefined;
  function* records(): Generator<WorkshopSheetRecord> {
    const partyById = new Map<number, Party>(listParties(wb.db).map((p) => [p.id, p]));
    const models = loadModels(wb.db);
    for (const workshop of workshops) {
      const head: WorkshopSheetHead = {
        title: workshop.title,
        heldOn: workshop.heldOn,
        attendees: attendeesOf(partyById, listAttendeeIds(wb.db, workshop.id)).map((a) => a.name)
      };
      const groups = listGroupSizes(wb.db, workshop.id);
      const sizeAt = new Map(groups.map((g) => [g.position, g.assets]));
      const { groupLabel, layerTitle } = groupNaming(groups, (group) => models[group.modelId]);
      for (const d of paged((afterId, limit) => decisionPage(wb.db, workshop.id, afterId, limit), pageSize)) {
        const decision = { ...d, groupLabel: groupLabel(d.groupPosition), layerTitle: layerTitle(d.groupPosition, d.layerId) };
        yield { head, decision, groupAssets: sizeAt.get(d.groupPosition) ?? null };
      }
      for (const a of paged((afterId, limit) => actionPage(wb.db, workshop.id, afterId, limit), pageSize)) {
        const action = { ...a, owner: partyNameOf(partyById, a.ownerPartyId), groupLabel: groupLabel(a.groupPosition), layerTitle: layerTitle(a.groupPosition, a.layerId) };
        yield { head, action };
      }
    }
  }
  return { rowCount: countWorkshopRecords(wb.db), records };
}
