/**
 * What undoing one change-log entry does to the workbook, read from the before and after it logged:
 * the edit operations (the same `EditOp`s undo and redo replay) that take the workbook from just
 * after the entry back to just before it, the settings it changed, the sign-off it recorded — or,
 * when the entry does not log the previous values, why it cannot be undone ("a gap"). The workbook
 * as it was at a moment is the workbook now with every later entry undone, newest first (as-of.ts).
 *
 * An entry is read by what it logged, not by its action alone, so an undo or redo (which logs the
 * original step's after and before swapped) is undone the same way as the edit it replays. Pure.
 */
import type { ChangeLogEntry, LayerNote, LayerOverride, Party, RaciAssignment, WorkbookSettings } from '@shared/domain';
import type { AssetPatch } from '../store/asset-fields';
import type { EditOp } from './edit-ops';

/** What undoing one entry does. */
export interface EntryRewind {
  ops: EditOp[];
  /** Settings as they were before the entry (only the keys it changed). */
  settings?: Partial<Omit<WorkbookSettings, 'userName'>>;
  /** A provider whose model the entry set: its model before (null: the default). */
  providerModel?: { provider: string; modelId: string | null };
  /** A sign-off the entry recorded (gone before it). */
  signOffId?: number;
  /** What the entry changed that its log does not say the previous value of (shown as it is now). */
  gap?: string;
}

type Row = Record<string, unknown>;
const isRecord = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const idsOf = (value: unknown): number[] => (Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : []);
const isOverride = (row: unknown): row is LayerOverride => isRecord(row) && 'responsibility' in row && 'layerId' in row;
const isNote = (row: unknown): row is LayerNote => isRecord(row) && 'note' in row && 'layerId' in row;
const isAssignment = (row: Row): boolean => 'role' in row && 'partyId' in row && 'layerId' in row;
const isParty = (row: unknown): row is Party => isRecord(row) && 'kind' in row && 'name' in row && typeof row.id === 'number';
const overridesOf = (value: unknown): LayerOverride[] => (Array.isArray(value) ? (value as unknown[]).filter(isOverride) : []);
const isEditOp = (row: unknown): row is EditOp => isRecord(row) && typeof row.op === 'string';

const MODEL_COLUMNS_GAP =
  'a change of model maps the service models of the assets it moves to the new model’s columns; those earlier service models are not in the log';

/** The overrides and roles a model move logged: undone by removing what it added and restoring what it removed. */
function movedRows(before: Row, after: Row): EditOp[] {
  return [
    ...overridesOf(after.overrides).map((o): EditOp => ({ op: 'deleteOverride', assetId: o.assetId, layerId: o.layerId })),
    ...overridesOf(before.overrides).map((row): EditOp => ({ op: 'putOverride', row })),
    { op: 'deleteAssignments', rows: rowsOf(after.assignments) as unknown as RaciAssignment[] },
    { op: 'putAssignments', rows: rowsOf(before.assignments) as unknown as RaciAssignment[] }
  ];
}

/** A bulk asset edit (`assets.update`): `{ values, ids }` or `{ groups: [{ values, ids }] }`, with a model move's rows. */
function assetEditRewind(before: Row, after: Row): EntryRewind {
  const patches: EditOp[] = isRecord(before.values)
    ? [{ op: 'patchAssets', ids: idsOf(before.ids), patch: before.values as AssetPatch }]
    : rowsOf(before.groups).map((g): EditOp => ({ op: 'patchAssets', ids: idsOf(g.ids), patch: (isRecord(g.values) ? g.values : {}) as AssetPatch }));
  const movesModel = [before, after].some((side) =>
    isRecord(side.values) ? 'modelId' in side.values : rowsOf(side.groups).some((g) => isRecord(g.values) && 'modelId' in g.values)
  );
  return { ops: [...movedRows(before, after), ...patches], ...(movesModel ? { gap: MODEL_COLUMNS_GAP } : {}) };
}

/** An edit of one asset: RACI rows (a cell's whole set, or a bulk edit's removed and added rows), an override or a note. */
function assetRewind(entry: ChangeLogEntry): EntryRewind | null {
  const { before, after } = entry;
  const assetId = entry.entityId === null ? null : Number(entry.entityId);
  if ((isRecord(before) && ('values' in before || 'groups' in before)) || (isRecord(after) && ('values' in after || 'groups' in after)))
    return assetEditRewind(isRecord(before) ? before : {}, isRecord(after) ? after : {});
  // raci.set: the cell's rows before and after (each the whole set of that asset × layer).
  if (Array.isArray(before) && Array.isArray(after) && [...rowsOf(before), ...rowsOf(after)].every(isAssignment)) {
    return { ops: [{ op: 'deleteAssignments', rows: rowsOf(after) as unknown as RaciAssignment[] }, { op: 'putAssignments', rows: rowsOf(before) as unknown as RaciAssignment[] }] };
  }
  // raci.setMany: the rows it removed and added.
  if (isRecord(before) && isRecord(after) && Array.isArray(before.assignments) && typeof before.layerId === 'string')
    return { ops: [{ op: 'deleteAssignments', rows: rowsOf(after.assignments) as unknown as RaciAssignment[] }, { op: 'putAssignments', rows: rowsOf(before.assignments) as unknown as RaciAssignment[] }] };
  // An override or a note as it was (when there was none, the entry logged the operations that remove it).
  if (isOverride(before)) return { ops: [{ op: 'deleteOverride', assetId: assetId ?? before.assetId, layerId: before.layerId }, { op: 'putOverride', row: before }] };
  if (isNote(before)) return { ops: [{ op: 'deleteNote', assetId: assetId ?? before.assetId, layerId: before.layerId }, { op: 'putNote', row: before }] };
  return null;
}

function partyRewind(entry: ChangeLogEntry): EntryRewind | null {
  const { before, after } = entry;
  if (before === null && isParty(after)) return { ops: [{ op: 'deleteParty', id: after.id }] };
  if (isParty(before)) return { ops: [{ op: 'putParty', party: before }] };
  // parties.reassign: the owner and roles moved from one party to another.
  if (isRecord(before) && isRecord(after) && typeof before.owner === 'number') {
    return {
      ops: [
        { op: 'deleteAssignments', rows: rowsOf(after.assignments) as unknown as RaciAssignment[] },
        { op: 'putAssignments', rows: rowsOf(before.assignments) as unknown as RaciAssignment[] },
        { op: 'patchAssets', ids: idsOf(before.ownerOf), patch: { ownerPartyId: before.owner } }
      ]
    };
  }
  return null;
}

/** Settings, the default model and a provider's model. */
function workbookRewind(entry: ChangeLogEntry): EntryRewind | null {
  const { before, after } = entry;
  if (!isRecord(before) || !isRecord(after)) return null;
  if (typeof before.provider === 'string' && 'modelId' in before)
    return { ops: movedRows(before, after), providerModel: { provider: before.provider, modelId: typeof before.modelId === 'string' ? before.modelId : null }, gap: MODEL_COLUMNS_GAP };
  if (typeof before.defaultModelId === 'string' && 'overrides' in before)
    return { ops: movedRows(before, after), settings: { defaultModelId: before.defaultModelId, defaultModelVersion: String(before.defaultModelVersion) }, gap: MODEL_COLUMNS_GAP };
  if (typeof before.organisation === 'string') {
    const { userName: _acting, ...settings } = before as unknown as WorkbookSettings;
    return { ops: [], settings };
  }
  return null;
}

/** Actions that change nothing the report, the grid or the findings read. */
const NO_STATE = new Set(['workbook.create', 'workbook.copy', 'workbook.migrate', 'mapping.import', 'mapping.reset', 'workshops.start', 'workshops.regroup', 'workshops.pause', 'workshops.resume', 'workshops.finish']);

function importGap(entry: ChangeLogEntry): string | undefined {
  const counts = isRecord(entry.after) && isRecord(entry.after.counts) ? entry.after.counts : {};
  const updated = typeof counts.updated === 'number' ? counts.updated : 0;
  const notSeen = typeof counts.notSeen === 'number' ? counts.notSeen : 0;
  if (updated === 0 && notSeen === 0) return undefined;
  return `an import logs its counts, not each asset’s previous values: the imported fields of the ${updated} asset(s) it updated (name, type, tags, the classifier’s service model…) and the ${notSeen} "not seen" flag(s) it set are shown as they are now`;
}

/**
 * How to undo one entry (see the module comment). Assets an import created are not undone here:
 * the caller leaves out every asset created after the moment.
 */
export function rewindOf(entry: ChangeLogEntry): EntryRewind {
  if (NO_STATE.has(entry.action)) return { ops: [] };
  if (entry.action === 'import.apply') {
    const gap = importGap(entry);
    return { ops: [], ...(gap === undefined ? {} : { gap }) };
  }
  if (entry.entity === 'sign-off' && entry.action === 'signOffs.add') return { ops: [], signOffId: Number(entry.entityId) };
  // A step that logged its own operations (an edit with no before of its own).
  if (Array.isArray(entry.before) && entry.before.length > 0 && entry.before.every(isEditOp)) {
    const ops = entry.before.filter((op) => op.op !== 'meta');
    return ops.length === entry.before.length ? { ops } : { ops, gap: 'it changed settings it did not log as values' };
  }
  const rewind = entry.entity === 'asset' ? assetRewind(entry) : entry.entity === 'party' ? partyRewind(entry) : entry.entity === 'workbook' ? workbookRewind(entry) : null;
  return rewind ?? { ops: [], gap: `Demarc cannot undo a "${entry.action}" entry from what it logged (${entry.summary})` };
}
