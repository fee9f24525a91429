/**
 * What the review shows besides the diff itself: the changes grouped by asset, and what Demarc
 * changed after the export was made (from the change log since the export's revision), which
 * turns a sheet's edit of the same asset into a conflict to settle.
 */
import type { PlannedChange } from '@core/roundtrip/roundtrip-diff';
import type { RoundTripAssetGroup, RoundTripChange } from '@shared/contract/roundtrip';
import type { ChangeLogEntry } from '@shared/domain';

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

function idsIn(value: unknown): number[] {
  const ids = (value as { ids?: unknown } | null)?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
}

/** Assets changed since the export (with the summaries that changed them), and other news. */
export function sinceExport(entries: readonly ChangeLogEntry[], exportRevision: number, revision: number): { byAsset: Map<number, string[]>; warnings: string[] } {
  const byAsset = new Map<number, string[]>();
  const warnings: string[] = [];
  if (exportRevision > revision) {
    warnings.push(`The export was made at revision ${exportRevision}, but this workbook is at revision ${revision}: it came from a copy of this workbook that moved on. Changes are compared with the workbook as it is now.`);
  }
  const other: string[] = [];
  for (const entry of entries) {
    const ids = entry.entity === 'asset' ? (entry.entityId !== null ? [Number(entry.entityId)] : [...new Set([...idsIn(entry.after), ...idsIn(entry.before)])]) : [];
    for (const id of ids) byAsset.set(id, [...(byAsset.get(id) ?? []), `${entry.at} ${entry.actor}: ${entry.summary}`]);
    if (entry.entity !== 'asset' && entry.entity !== 'mapping') other.push(`${entry.at} ${entry.actor}: ${entry.summary}`);
  }
  if (other.length > 0) {
    warnings.push(
      `Since the export the workbook changed beyond single assets (${other.length} change${other.length === 1 ? '' : 's'}: ${other.slice(0, 3).join('; ')}${other.length > 3 ? '…' : ''}); a cell still showing an old default may read as an edit: check those changes before applying.`
    );
  }
  return { byAsset, warnings };
}
