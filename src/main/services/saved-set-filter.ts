/**
 * A saved set named in a filter (`{ set: id }`), resolved to a plain filter before anything
 * matches: the engine's grid queries, bulk edits, workshops, the picture, framework scopes and
 * sign-offs call `resolveSavedSet` on every filter they take from outside. The core refuses to
 * match a filter that still names a set, so no reader can skip it silently.
 */
import { resolveSetInFilter, type SavedSetContent } from '@core/saved-sets';
import { DemarcError } from '@shared/errors';
import type { AssetFilter } from '@shared/filter';
import type { PictureScope } from '@shared/picture';
import { getSavedSetRow, listSavedSetRows, type SavedSetRow } from '../store/repos/saved-sets';
import type { Db } from '../store/workbook-file';

const contentOf = (row: SavedSetRow): SavedSetContent => (row.kind === 'selection' ? { kind: 'selection', ids: row.assetIds ?? [] } : { kind: 'filter', filter: row.filter ?? {} });

export function requireSavedSet(db: Db, id: number): SavedSetRow {
  const row = getSavedSetRow(db, id);
  if (row === null) throw new DemarcError('NOT_FOUND', `set: there is no saved set #${id} in this workbook (deleted?); saved sets: ${listSavedSetRows(db).map((s) => `#${s.id} “${s.name}”`).join(', ') || 'none'}.`);
  return row;
}

/** The filter with its saved set (if any) replaced by the set's content (see the module comment). */
export function resolveSavedSet(db: Db, filter: AssetFilter): AssetFilter {
  if (filter.set === undefined) return filter;
  const row = requireSavedSet(db, filter.set);
  const resolved = resolveSetInFilter(filter, contentOf(row), row.name);
  if (typeof resolved === 'string') throw new DemarcError('INVALID_INPUT', `set: ${resolved}`);
  return resolved;
}

/** A picture scope with its saved set resolved; a set that filters by findings is refused (the picture counts from SQL, findings live in memory). */
export function resolvePictureScope(db: Db, scope: PictureScope): PictureScope {
  const { findingCode, ...rest } = resolveSavedSet(db, scope);
  if (findingCode !== undefined) throw new DemarcError('INVALID_INPUT', `set: the saved set #${scope.set ?? ''} keeps a finding filter (${findingCode}), which the picture cannot count; use a set without one.`);
  return rest;
}

/** The name of the saved set a scope names (null: none named, or deleted since). */
export function savedSetName(db: Db, scope: { set?: number | undefined }): string | null {
  return scope.set === undefined ? null : (getSavedSetRow(db, scope.set)?.name ?? null);
}
