/**
 * Saved sets — a named scope kept in the workbook (shared/saved-set.ts):
 *
 * - `resolveSavedSet(db, filter)`: the filter with its `set` replaced by what the set holds. Every
 *   reader that takes a filter from outside calls it before matching (the engine's grid queries,
 *   bulk edits, workshops, the picture, framework scopes, sign-offs); the core refuses to match a
 *   filter that still names a set, so none can skip it silently.
 * - `listSavedSets`, `savedSetDetail`: with how many assets each holds now and its words.
 * - `saveSavedSet`, `renameSavedSet`, `deleteSavedSet`: each one undoable edit with one
 *   change-log entry (entity 'saved-set').
 */
import { FINDING_TITLES } from '@core/finding-messages';
import { scopeLabel } from '@core/picture/scope-label';
import { SAVED_SET_EXAMPLES, type SavedSetDetail } from '@shared/contract/saved-sets';
import type { ParsedInput } from '@shared/contract';
import { DemarcError } from '@shared/errors';
import type { AssetFilter } from '@shared/filter';
import type { SavedSet } from '@shared/saved-set';
import { matchingAssets } from '../engine/query';
import { modelOf, type EngineState } from '../engine/state';
import { findSavedSetByName, listSavedSetRows, nextSavedSetId, type SavedSetRow } from '../store/repos/saved-sets';
import { requireSavedSet, resolveSavedSet } from './saved-set-filter';
import type { Db } from '../store/workbook-file';
import { actorName, type OpenWorkbook, type ServiceContext } from './context';
import { writeEdit } from './history';

/** A filter in words, as the grid's menus would say it. */
export function filterWords(state: EngineState, filter: AssetFilter, setName?: string | null): string {
  const { findingCode, ...scope } = filter;
  const model = modelOf(state, { modelId: null, provider: null });
  const owner = typeof scope.owner === 'number' ? (state.partyById.get(scope.owner)?.name ?? null) : null;
  const words = Object.keys(scope).length === 0 && findingCode !== undefined ? '' : scopeLabel(scope, model, owner, setName);
  return findingCode === undefined ? words : [words, `With finding “${FINDING_TITLES[findingCode]}”`].filter((w) => w !== '').join(' · ');
}

function assetsOf(state: EngineState, db: Db, row: SavedSetRow): number[] {
  if (row.kind === 'selection') return (row.assetIds ?? []).filter((id) => state.assetById.has(id));
  return matchingAssets(state, resolveSavedSet(db, row.filter ?? {})).map((a) => a.id);
}

function viewOf(state: EngineState, db: Db, row: SavedSetRow): SavedSet {
  const label = row.kind === 'selection' ? `${(row.assetIds ?? []).length} chosen asset${row.assetIds?.length === 1 ? '' : 's'}` : filterWords(state, row.filter ?? {});
  return { id: row.id, name: row.name, kind: row.kind, filter: row.filter, label, assets: assetsOf(state, db, row).length, createdAt: row.createdAt, createdBy: row.createdBy };
}

export function listSavedSets(wb: OpenWorkbook, ctx: ServiceContext): SavedSet[] {
  const state = wb.engine.state(ctx);
  return listSavedSetRows(wb.db).map((row) => viewOf(state, wb.db, row));
}

export function savedSetDetail(wb: OpenWorkbook, ctx: ServiceContext, id: number): SavedSetDetail {
  const state = wb.engine.state(ctx);
  const row = requireSavedSet(wb.db, id);
  const examples = assetsOf(state, wb.db, row)
    .slice(0, SAVED_SET_EXAMPLES)
    .map((assetId) => state.assetById.get(assetId)?.name ?? `#${assetId}`);
  return { ...viewOf(state, wb.db, row), examples };
}

function requireFreeName(db: Db, name: string, except?: number): void {
  const taken = findSavedSetByName(db, name);
  if (taken !== null && taken.id !== except) throw new DemarcError('ALREADY_EXISTS', `name: a saved set is already called “${taken.name}”; choose another name, or rename or delete that one.`);
}

export function saveSavedSet(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'savedSets.save'>): SavedSet {
  const state = wb.engine.state(ctx);
  requireFreeName(wb.db, input.name);
  const id = nextSavedSetId(wb.db);
  const base = { id, name: input.name, createdAt: ctx.clock(), createdBy: actorName(ctx) };
  let row: SavedSetRow;
  if (input.source.kind === 'selection') {
    const ids = [...new Set(input.source.ids)].sort((a, b) => a - b);
    const missing = ids.find((assetId) => !state.assetById.has(assetId));
    if (missing !== undefined) throw new DemarcError('NOT_FOUND', `source.ids: there is no asset #${missing} in this workbook.`);
    row = { ...base, kind: 'selection', filter: null, assetIds: ids };
  } else {
    // A filter naming another set keeps what that set holds, so deleting it later changes nothing here.
    const filter = Object.fromEntries(Object.entries(resolveSavedSet(wb.db, input.source.filter)).filter(([, v]) => v !== undefined)) as AssetFilter;
    if (Object.keys(filter).length === 0) throw new DemarcError('INVALID_INPUT', 'source.filter: it is empty, which is the whole workbook; set at least one condition to save.');
    row = { ...base, kind: 'filter', filter, assetIds: null };
  }
  const view = viewOf(state, wb.db, row);
  writeEdit(wb, ctx, {
    action: 'savedSets.save',
    entity: 'saved-set',
    entityId: String(id),
    summary: `Saved the set “${row.name}”: ${view.label} (${view.assets} asset${view.assets === 1 ? '' : 's'} now)`,
    forward: [{ op: 'putSavedSet', row }],
    backward: [{ op: 'deleteSavedSet', id }]
  });
  return viewOf(state, wb.db, requireSavedSet(wb.db, id));
}

export function renameSavedSet(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'savedSets.rename'>): SavedSet {
  const state = wb.engine.state(ctx);
  const row = requireSavedSet(wb.db, input.id);
  if (row.name !== input.name) {
    requireFreeName(wb.db, input.name, row.id);
    writeEdit(wb, ctx, {
      action: 'savedSets.rename',
      entity: 'saved-set',
      entityId: String(row.id),
      summary: `Renamed the saved set “${row.name}” to “${input.name}”`,
      forward: [{ op: 'putSavedSet', row: { ...row, name: input.name } }],
      backward: [{ op: 'putSavedSet', row }],
      before: { name: row.name },
      after: { name: input.name }
    });
  }
  return viewOf(state, wb.db, requireSavedSet(wb.db, row.id));
}

export function deleteSavedSetById(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'savedSets.delete'>): { id: number; name: string } {
  const row = requireSavedSet(wb.db, input.id);
  writeEdit(wb, ctx, {
    action: 'savedSets.delete',
    entity: 'saved-set',
    entityId: String(row.id),
    summary: `Deleted the saved set “${row.name}”`,
    forward: [{ op: 'deleteSavedSet', id: row.id }],
    backward: [{ op: 'putSavedSet', row }]
  });
  return { id: row.id, name: row.name };
}
