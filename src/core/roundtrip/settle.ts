/**
 * The three-way settling of a round trip's candidates, cell by cell. Each candidate is a cell whose
 * value in the sheet (S) differs from Demarc's now (D); the value at the export (E) says who moved:
 *
 *   E = D            only the sheet changed it          → a change, applied cleanly
 *   E ≠ D, S = E     only Demarc changed it             → no change (Demarc's value stands)
 *   E ≠ D, S ≠ E     both changed it                    → a conflict showing E, D and S
 *   E unknown        an entry since the export may have changed it without saying how
 *                                                       → a conflict (E shown as not recorded)
 *
 * The columns that are not read back (unread.ts: the Matrix's Model and layer columns, Published,
 * the attributes) are settled alike: an edit there (S ≠ D and S ≠ E) is named in a warning. Pure.
 */
import type { ReportAsset, ReportModel } from '@shared/report';
import type { PlannedChange, UnreadEdit } from './roundtrip-diff';
import { sameUnread, unreadShown } from './unread';
import type { SinceExport } from './since-export';
import { sameShown, shownValue } from './shown';

export interface Settled {
  changes: PlannedChange[];
  /** Cells Demarc changed since the export that the sheet still shows as exported: Demarc's value stands. */
  demarcOnly: number;
  unread: UnreadEdit[];
}

/**
 * @param atExport the report entry of an asset as it was at the export; undefined when the change
 *                 log holds nothing that changed it (it is as it is now)
 */
export function settle(
  candidates: readonly PlannedChange[],
  unread: readonly UnreadEdit[],
  since: SinceExport,
  atExport: (assetId: number) => ReportAsset | undefined,
  models: ReadonlyMap<string, ReportModel>
): Settled {
  const changes: PlannedChange[] = [];
  let demarcOnly = 0;
  for (const c of candidates) {
    const unknown = since.unknownFor(c.assetId, c.layerId, c.field);
    const then = atExport(c.assetId);
    const changedBy = () => {
      const named = since.changedBy(c.assetId, c.layerId);
      return [...(named.length > 0 ? named : since.changedBy(c.assetId, null)), ...unknown];
    };
    if (unknown.length > 0) {
      changes.push({ ...c, conflict: { atExport: null, atExportKnown: false, inDemarc: c.before, inSheet: c.after, changedBy: changedBy() } });
      continue;
    }
    if (then === undefined) {
      changes.push(c);
      continue;
    }
    const layer = c.layerId === null ? null : (then.layers.find((l) => l.layerId === c.layerId) ?? null);
    const exported = shownValue(models.get(then.modelId), then, layer, c.field);
    if (sameShown(exported, c.before)) changes.push(c);
    else if (sameShown(c.after, exported)) demarcOnly += 1;
    else changes.push({ ...c, conflict: { atExport: exported, atExportKnown: true, inDemarc: c.before, inSheet: c.after, changedBy: changedBy() } });
  }
  const kept = unread.filter((u) => {
    const then = atExport(u.assetId);
    if (then === undefined) return true;
    const layer = u.layerId === null ? null : (then.layers.find((l) => l.layerId === u.layerId) ?? null);
    return !sameUnread(u.sheet, unreadShown(then, layer, u.column));
  });
  return { changes, demarcOnly, unread: kept };
}
