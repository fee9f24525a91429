/**
 * What the review shows besides the diff itself: the changes grouped by asset, and the edits made
 * in the Matrix's columns that are not read back, as warnings naming their cells.
 */
import type { RoundTripAssetGroup, RoundTripChange } from '@shared/contract/roundtrip';
import type { PlannedChange, UnreadEdit } from '@core/roundtrip/roundtrip-diff';
import { MATRIX_UNREAD, type UnreadColumn } from '@core/roundtrip/sheet-cells';

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

/** Listed cells per column kind before the rest are counted. */
const LISTED_UNREAD = 20;

/**
 * The edits made in the Matrix's columns that are not read back, named by cell in one warning per
 * kind of column (the first ones; the rest counted): never dropped silently.
 */
export function unreadWarnings(unread: readonly UnreadEdit[]): string[] {
  const why: Record<UnreadColumn, string> = {
    model: 'the model an asset is read under is changed in Demarc (Inventory › Model), where its layers, overrides and roles are moved with a preview',
    responsibility: "a layer's responsibility is read from the RACI sheet's Responsibility column",
    accountable: "a layer's Accountable is read from the RACI sheet's A column"
  };
  return (Object.keys(MATRIX_UNREAD) as UnreadColumn[]).flatMap((column) => {
    const edits = unread.filter((u) => u.column === column);
    if (edits.length === 0) return [];
    const listed = edits.slice(0, LISTED_UNREAD).map((u) => `${u.cell} (${u.assetName}, "${u.header}": ${u.sheet === null ? '(empty)' : JSON.stringify(u.sheet)})`);
    const more = edits.length > LISTED_UNREAD ? ` and ${edits.length - LISTED_UNREAD} more` : '';
    return [
      `${edits.length} edit${edits.length === 1 ? '' : 's'} in the Matrix's ${MATRIX_UNREAD[column].label} column${edits.length === 1 ? ' is' : 's are'} not read back, so not applied: ${listed.join('; ')}${more}. ${why[column][0]!.toUpperCase()}${why[column].slice(1)}.`
    ];
  });
}
