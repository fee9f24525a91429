/**
 * Saved sets: a named scope kept in the workbook, saved from the inventory grid or the CLI. A
 * `filter` set keeps the filter and so follows the inventory (new assets that match are in it);
 * a `selection` set keeps the asset ids chosen when it was saved. A set is used wherever a filter
 * is (`{ set: id }`), as a workshop's scope and as a sign-off's scope.
 */
import type { AssetFilter } from './filter';

export const SAVED_SET_KINDS = ['filter', 'selection'] as const;
export type SavedSetKind = (typeof SAVED_SET_KINDS)[number];

export const SAVED_SET_KIND_LABELS: Record<SavedSetKind, string> = {
  filter: 'Filter (follows the inventory)',
  selection: 'Chosen assets'
};

/** A saved set as lists show it. */
export interface SavedSet {
  id: number;
  name: string;
  kind: SavedSetKind;
  /** The kept filter (kind 'filter'); null for a selection. */
  filter: AssetFilter | null;
  /** What it holds in words ("Type microsoft.web/sites · Tag env=prod", "42 chosen assets"). */
  label: string;
  /** Assets in it now (a filter's matches today; a selection's assets still in the workbook). */
  assets: number;
  createdAt: string;
  createdBy: string;
}
