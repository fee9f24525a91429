/**
 * What one change-log entry changed, read back from what it logged: the way back — the row
 * operations, spelt as the edit's own operations are (src/main/services/edit-ops.ts), that take
 * the workbook from just after the entry to just before it — with the settings it replaced, a
 * provider's model it set, the sign-off it recorded, and what it changed without logging the
 * previous value (a gap, in words). This is the one reading of logged before values: the as-of
 * rewind (services/as-of-rewind.ts), the round trip's changes since an export
 * (roundtrip/since-export.ts) and a merge's ancestor values (merge/ancestor.ts) all start here.
 *
 * An entry is read by what it logged, not by its action alone, so an undo or redo (which logs the
 * original step's after and before swapped) reads as the edit it replays. Pure.
 */
import type { LayerNote, LayerOverride, Party, RaciAssignment, WorkbookSettings } from '@shared/domain';

/** What an entry is read from (a change-log entry, or one a merge reads from the other copy). */
export interface LoggedEntry {
  action: string;
  entity: string;
  entityId: string | null;
  summary?: string;
  before: unknown;
  after: unknown;
}

type Row = Record<string, unknown>;

/**
 * One operation of the way back. Those on what every reader needs are typed; the others (a
 * workshop's decision or action, what a merge brought — assets, sign-offs, models…) are kept as
 * logged, for the reader that knows them.
 */
export type BackOp =
  | { op: 'patchAssets'; ids: number[]; patch: Row }
  | { op: 'putOverride'; row: LayerOverride }
  | { op: 'deleteOverride'; assetId: number; layerId: string }
  | { op: 'putNote'; row: LayerNote }
  | { op: 'deleteNote'; assetId: number; layerId: string }
  | { op: 'putAssignments'; rows: RaciAssignment[] }
  | { op: 'deleteAssignments'; rows: RaciAssignment[] }
  | { op: 'putParty'; party: Party }
  | { op: 'deleteParty'; id: number }
  | { op: 'record'; logged: Row & { op: string } };

/**
 * An operation that reaches rows of assets, as the way back and an edit (EditOp) both spell it:
 * how each names the assets it reaches. A workshop action reaches the assets its group covers
 * (an edit's putAction/deleteAction; the way back keeps actions as logged records).
 */
export type AssetRowOp =
  | { op: 'patchAssets'; ids: readonly number[] }
  | { op: 'putOverride' | 'putNote'; row: { assetId: number } }
  | { op: 'deleteOverride' | 'deleteNote'; assetId: number }
  | { op: 'putAssignments' | 'deleteAssignments'; rows: readonly { assetId: number }[] }
  | { op: 'putAction' | 'deleteAction'; row: { assetIds: readonly number[] } };

const REACHES_ASSETS: Record<AssetRowOp['op'], true> = {
  patchAssets: true,
  putOverride: true,
  putNote: true,
  deleteOverride: true,
  deleteNote: true,
  putAssignments: true,
  deleteAssignments: true,
  putAction: true,
  deleteAction: true
};

/** Whether `op` (of the way back, or of an edit) reaches rows of assets. */
export function isAssetRowOp<T extends { op: string }>(op: T): op is Extract<T, { op: AssetRowOp['op'] }> {
  return Object.hasOwn(REACHES_ASSETS, op.op);
}

/** The ids of the assets an operation reaches. */
export function assetIdsOf(op: AssetRowOp): readonly number[] {
  switch (op.op) {
    case 'patchAssets':
      return op.ids;
    case 'putOverride':
    case 'putNote':
      return [op.row.assetId];
    case 'deleteOverride':
    case 'deleteNote':
      return [op.assetId];
    case 'putAssignments':
    case 'deleteAssignments':
      return op.rows.map((r) => r.assetId);
    case 'putAction':
    case 'deleteAction':
      return op.row.assetIds;
  }
}

/** What undoing one entry does. */
export interface EntryChange {
  /** The way back, in the order to apply it. */
  back: BackOp[];
  /** Settings as they were before the entry (only the keys it changed). */
  settings?: Partial<Omit<WorkbookSettings, 'userName'>>;
  /** A provider whose model the entry set: its model before (null: the default). */
  providerModel?: { provider: string; modelId: string | null };
  /** A sign-off the entry recorded (gone before it). */
  signOffId?: number;
  /** What the entry changed that its log does not say the previous value of. */
  gap?: string;
}

const isRecord = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const idsOf = (value: unknown): number[] => (Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : []);
const isOverride = (row: unknown): row is LayerOverride => isRecord(row) && 'responsibility' in row && typeof row.layerId === 'string' && typeof row.assetId === 'number';
const isNote = (row: unknown): row is LayerNote => isRecord(row) && 'note' in row && typeof row.layerId === 'string' && typeof row.assetId === 'number';
const isAssignment = (row: unknown): row is RaciAssignment =>
  isRecord(row) && typeof row.assetId === 'number' && typeof row.layerId === 'string' && typeof row.role === 'string' && typeof row.partyId === 'number';
const assignmentsOf = (value: unknown): RaciAssignment[] => (Array.isArray(value) ? value.filter(isAssignment) : []);
const isParty = (row: unknown): row is Party => isRecord(row) && 'kind' in row && typeof row.name === 'string' && typeof row.id === 'number';
const isOp = (row: unknown): row is Row & { op: string } => isRecord(row) && typeof row.op === 'string';
/** A list of logged operations (an edit that logged its way back as its operations). */
const isOpList = (value: unknown): value is (Row & { op: string })[] => Array.isArray(value) && value.length > 0 && value.every(isOp);

const MODEL_COLUMNS_GAP =
  'a change of model maps the service models of the assets it moves to the new model’s columns; those earlier service models are not in the log';
const SETTINGS_GAP = 'it changed settings it did not log as values';
const UNREADABLE_GAP = 'an operation it logged cannot be read';

/** A logged operation as a typed one (null: malformed). */
function backOp(op: Row & { op: string }): BackOp | null {
  switch (op.op) {
    case 'patchAssets':
      return Array.isArray(op.ids) && isRecord(op.patch) ? { op: 'patchAssets', ids: idsOf(op.ids), patch: op.patch } : null;
    case 'putOverride':
      return isOverride(op.row) ? { op: 'putOverride', row: op.row } : null;
    case 'putNote':
      return isNote(op.row) ? { op: 'putNote', row: op.row } : null;
    case 'deleteOverride':
    case 'deleteNote':
      return typeof op.assetId === 'number' && typeof op.layerId === 'string' ? { op: op.op, assetId: op.assetId, layerId: op.layerId } : null;
    case 'putAssignments':
    case 'deleteAssignments':
      return Array.isArray(op.rows) && op.rows.every(isAssignment) ? { op: op.op, rows: op.rows } : null;
    case 'putParty':
      return isParty(op.party) ? { op: 'putParty', party: op.party } : null;
    case 'deleteParty':
      return typeof op.id === 'number' ? { op: 'deleteParty', id: op.id } : null;
    default:
      return { op: 'record', logged: op };
  }
}

const movesModel = (patch: Row): boolean => 'modelId' in patch;

/** An edit's logged operations as its way back (a settings key with its value before is kept as logged, for the reader that knows the keys). */
function fromOps(ops: readonly (Row & { op: string })[]): EntryChange {
  const back: BackOp[] = [];
  let gap: string | undefined;
  for (const logged of ops) {
    if (logged.op === 'meta' && (typeof logged.key !== 'string' || typeof logged.value !== 'string')) {
      gap ??= SETTINGS_GAP;
      continue;
    }
    const op = backOp(logged);
    if (op === null) return { back: [], gap: UNREADABLE_GAP };
    if (op.op === 'patchAssets' && movesModel(op.patch)) gap ??= MODEL_COLUMNS_GAP;
    back.push(op);
  }
  return gap === undefined ? { back } : { back, gap };
}

/** The overrides and roles a model move or a bulk edit logged: removing what it added, restoring what it removed. */
function movedRows(before: Row, after: Row): BackOp[] {
  const overrides = (side: Row) => (Array.isArray(side.overrides) ? side.overrides.filter(isOverride) : []);
  return [
    ...overrides(after).map((o): BackOp => ({ op: 'deleteOverride', assetId: o.assetId, layerId: o.layerId })),
    ...overrides(before).map((row): BackOp => ({ op: 'putOverride', row })),
    { op: 'deleteAssignments', rows: assignmentsOf(after.assignments) },
    { op: 'putAssignments', rows: assignmentsOf(before.assignments) }
  ];
}

/** An asset edit (`assets.update`): `{ values, ids }` or `{ groups: [{ values, ids }] }`, with a model move's rows. */
function assetEdit(before: Row, after: Row): EntryChange {
  const groups = isRecord(before.values) ? [{ values: before.values, ids: before.ids }] : rowsOf(before.groups);
  const patches = groups.map((g): BackOp => ({ op: 'patchAssets', ids: idsOf(g.ids), patch: isRecord(g.values) ? g.values : {} }));
  const moves = [before, after].some((side) => (isRecord(side.values) ? movesModel(side.values) : rowsOf(side.groups).some((g) => isRecord(g.values) && movesModel(g.values))));
  return { back: [...movedRows(before, after), ...patches], ...(moves ? { gap: MODEL_COLUMNS_GAP } : {}) };
}

/** An entry that logged rows: a RACI cell's whole set, RACI rows moved (a bulk edit, a reassign), an override or a note, an asset edit. */
function fromRows(entry: LoggedEntry): EntryChange | null {
  const { before, after } = entry;
  const assetId = entry.entityId !== null && /^\d+$/.test(entry.entityId) ? Number(entry.entityId) : null;
  if ((isRecord(before) && ('values' in before || 'groups' in before)) || (isRecord(after) && ('values' in after || 'groups' in after)))
    return assetEdit(isRecord(before) ? before : {}, isRecord(after) ? after : {});
  // raci.set: the cell's rows before and after (each the whole set of that asset × layer).
  if (Array.isArray(before) && Array.isArray(after) && (before as unknown[]).every(isAssignment) && (after as unknown[]).every(isAssignment))
    return { back: [{ op: 'deleteAssignments', rows: assignmentsOf(after) }, { op: 'putAssignments', rows: assignmentsOf(before) }] };
  // An override or a note as it was, or none (the row after then names it).
  if (isOverride(before)) return { back: [{ op: 'deleteOverride', assetId: assetId ?? before.assetId, layerId: before.layerId }, { op: 'putOverride', row: before }] };
  if (isNote(before)) return { back: [{ op: 'deleteNote', assetId: assetId ?? before.assetId, layerId: before.layerId }, { op: 'putNote', row: before }] };
  if (before === null && isOverride(after)) return { back: [{ op: 'deleteOverride', assetId: after.assetId, layerId: after.layerId }] };
  if (before === null && isNote(after)) return { back: [{ op: 'deleteNote', assetId: after.assetId, layerId: after.layerId }] };
  if (!isRecord(before) || !isRecord(after)) return null;
  // raci.setMany, parties.reassign: the rows it removed and added, the owners it moved.
  if (Array.isArray(before.assignments) || Array.isArray(after.assignments)) {
    const back: BackOp[] = [
      { op: 'deleteAssignments', rows: assignmentsOf(after.assignments) },
      { op: 'putAssignments', rows: assignmentsOf(before.assignments) }
    ];
    if (typeof before.owner === 'number') back.push({ op: 'patchAssets', ids: idsOf(before.ownerOf), patch: { ownerPartyId: before.owner } });
    return { back };
  }
  return null;
}

function fromParty(entry: LoggedEntry): EntryChange | null {
  if (entry.before === null && isParty(entry.after)) return { back: [{ op: 'deleteParty', id: entry.after.id }] };
  if (isParty(entry.before)) return { back: [{ op: 'putParty', party: entry.before }] };
  return null;
}

/** Settings, the default model and a provider's model. */
function fromWorkbook(entry: LoggedEntry): EntryChange | null {
  const { before, after } = entry;
  if (!isRecord(before) || !isRecord(after)) return null;
  if (typeof before.provider === 'string' && 'modelId' in before)
    return { back: movedRows(before, after), providerModel: { provider: before.provider, modelId: typeof before.modelId === 'string' ? before.modelId : null }, gap: MODEL_COLUMNS_GAP };
  if (typeof before.defaultModelId === 'string' && 'overrides' in before)
    return { back: movedRows(before, after), settings: { defaultModelId: before.defaultModelId, defaultModelVersion: String(before.defaultModelVersion) }, gap: MODEL_COLUMNS_GAP };
  if (typeof before.organisation === 'string') {
    const { userName: _acting, ...settings } = before as unknown as WorkbookSettings;
    return { back: [], settings };
  }
  return null;
}

/** Actions that change nothing the report, the grid or the findings read. */
const NO_STATE = new Set(['workbook.create', 'workbook.copy', 'workbook.migrate', 'mapping.import', 'mapping.reset', 'workshops.start', 'workshops.regroup', 'workshops.pause', 'workshops.resume', 'workshops.finish']);

function importGap(entry: LoggedEntry): string | undefined {
  const counts = isRecord(entry.after) && isRecord(entry.after.counts) ? entry.after.counts : {};
  const updated = typeof counts.updated === 'number' ? counts.updated : 0;
  const notSeen = typeof counts.notSeen === 'number' ? counts.notSeen : 0;
  if (updated === 0 && notSeen === 0) return undefined;
  return `an import logs its counts, not each asset’s previous values: the imported fields of the ${updated} asset(s) it updated (name, type, tags, the classifier’s service model…) and the ${notSeen} "not seen" flag(s) it set are shown as they are now`;
}

/**
 * What undoing `entry` does (see the module comment). Assets an import created are not undone
 * here: a reader leaves out the assets created after its moment.
 */
export function entryChange(entry: LoggedEntry): EntryChange {
  if (NO_STATE.has(entry.action)) return { back: [] };
  if (entry.action === 'import.apply') {
    const gap = importGap(entry);
    return { back: [], ...(gap === undefined ? {} : { gap }) };
  }
  if (entry.entity === 'sign-off' && entry.action === 'signOffs.add') return { back: [], signOffId: Number(entry.entityId) };
  const { before, after } = entry;
  // An edit that logged its way back as its operations: a list, or `{ ops }` beside what it names (a round trip, a merge, a workshop decision).
  if (isOpList(before)) return fromOps(before);
  if (Array.isArray(before) && before.length === 0 && isOpList(after)) return { back: [] };
  if (isRecord(before) && Array.isArray(before.ops) && before.ops.every(isOp)) return fromOps(before.ops);
  const change = entry.entity === 'party' ? (fromParty(entry) ?? fromRows(entry)) : entry.entity === 'workbook' ? fromWorkbook(entry) : fromRows(entry);
  return change ?? { back: [], gap: `Demarc cannot undo a "${entry.action}" entry from what it logged${entry.summary === undefined ? '' : ` (${entry.summary})`}` };
}
