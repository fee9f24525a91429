/**
 * What the review shows besides the diff itself: the changes grouped by asset, and the edits made
 * in the columns that are not read back, as warnings naming their cells.
 */
import type { RoundTripAssetGroup, RoundTripChange } from '@shared/contract/roundtrip';
import type { PlannedChange } from '@core/roundtrip/roundtrip-diff';

/**
 * The changes by asset (in asset id order, as the export lists them), without the planning detail;
 * in a group the Matrix's changes (owner, service model) come first, then the RACI's in row order.
 */
export function groupChanges(changes: readonly PlannedChange[]): RoundTripAssetGroup[] {
  const groups = new Map<number, RoundTripAssetGroup>();
  for (const { value: _value, ...change } of changes) {
    const group = groups.get(change.assetId) ?? { assetId: change.assetId, assetName: change.assetName, changes: [] as RoundTripChange[] };
    groups.set(change.assetId, group);
    group.changes.push(change);
  }
  const assetLevel = (c: RoundTripChange) => (c.layerId === null ? 0 : 1);
  for (const group of groups.values()) group.changes.sort((a, b) => assetLevel(a) - assetLevel(b));
  return [...groups.values()].sort((a, b) => a.assetId - b.assetId);
}

/** The edits made in columns that are not read back, as warnings naming their cells (declared with the columns). */
export { unreadWarnings } from '@core/roundtrip/unread';
