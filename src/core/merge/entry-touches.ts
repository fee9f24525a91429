/**
 * What one change-log entry changed, as slot touches (see slots.ts), read from what each kind of
 * write records. The entry's row ids are its own copy's: `lookups` turns them into keys. An
 * entry of a kind this does not know touches everything, so whatever differs becomes a conflict
 * for a person rather than a silent choice.
 */
import { UPGRADE_ACTION } from '../audit/chain';
import { mappingChangeSlots, type MappingChanges } from './mapping-slots';
import { CONTROL_MAPPING, slot } from './slots';

export interface EntryForTouches {
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** Set on an entry brought in by a merge: its touches, already spelt by keys. */
  originTouches: readonly string[] | null;
}

export interface SideLookups {
  /** The key of an asset id of this copy. */
  assetKey: (id: number) => string | null;
  /** The lower-cased name of a party id of this copy. */
  partyName: (id: number) => string | null;
  /** The asset fields an import writes. */
  importedFields: readonly string[];
  /** The key of a workshop id of this copy (keyed-records.ts); absent: every workshop. */
  workshopKey?: (id: number) => string | null;
}

const EVERYTHING = ['*'];

/** The action of a merge's own entry. */
export const MERGE_ACTION = 'workbook.merge';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const rowsOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : isRecord(v) ? [v] : []);
const idsOf = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

/** Touches of a list of EditOps (an edit's forward or backward operations, as undo and redo log them). */
function touchesOfOps(ops: readonly Record<string, unknown>[], l: SideLookups, out: Set<string>): boolean {
  for (const op of ops) {
    const asset = (id: unknown) => (typeof id === 'number' ? l.assetKey(id) : null);
    switch (op.op) {
      case 'patchAssets':
        for (const id of idsOf(op.ids)) {
          const key = asset(id);
          if (key !== null) for (const field of Object.keys(isRecord(op.patch) ? op.patch : {})) out.add(slot.assetField(key, field));
        }
        break;
      case 'putOverride':
      case 'deleteOverride': {
        const row = isRecord(op.row) ? op.row : op;
        const key = asset(row.assetId);
        if (key !== null) out.add(slot.override(key, String(row.layerId)));
        break;
      }
      case 'putNote':
      case 'deleteNote': {
        const row = isRecord(op.row) ? op.row : op;
        const key = asset(row.assetId);
        if (key !== null) out.add(slot.note(key, String(row.layerId)));
        break;
      }
      case 'putAssignments':
      case 'deleteAssignments':
        for (const row of rowsOf(op.rows)) {
          const key = asset(row.assetId);
          if (key !== null) out.add(slot.raci(key, String(row.layerId), String(row.role)));
        }
        break;
      case 'putParty':
      case 'deleteParty': {
        const id = isRecord(op.party) ? op.party.id : op.id;
        const name = typeof id === 'number' ? l.partyName(id) : null;
        const named = isRecord(op.party) && typeof op.party.name === 'string' ? op.party.name.toLowerCase() : null;
        for (const n of [name, named]) if (n !== null) out.add(slot.party(n)).add(`${slot.party(n)}|*`);
        break;
      }
      case 'meta':
        out.add(slot.setting('*'));
        break;
      default:
        return false;
    }
  }
  return true;
}

function assetIds(entry: EntryForTouches): number[] {
  const ids = isRecord(entry.after) ? idsOf(entry.after.ids) : [];
  if (ids.length === 0 && entry.entityId !== null && /^\d+$/.test(entry.entityId)) ids.push(Number(entry.entityId));
  return ids;
}

function raciTouches(entry: EntryForTouches, l: SideLookups, out: Set<string>): void {
  const key = l.assetKey(Number(entry.entityId));
  if (key === null) return;
  const rows = [...rowsOf(entry.before), ...rowsOf(entry.after)];
  if (rows.length === 0) out.add(`asset|${key}|raci|*`);
  for (const row of rows) out.add(slot.raci(key, String(row.layerId), String(row.role)));
}

/** Names of saved sets an entry's rows or records name (a save, a rename, a delete, their undo and redo). */
function savedSetNames(entry: EntryForTouches): string[] {
  const names = new Set<string>();
  for (const side of [entry.before, entry.after]) {
    for (const row of rowsOf(side)) {
      const named = isRecord(row.row) ? row.row : row;
      if (typeof named.name === 'string') names.add(named.name.trim().toLowerCase());
    }
  }
  return [...names];
}

/**
 * Workshops and saved sets. A workshop's start, regroup, pause, resume and finish touch the
 * workshop; its decisions touch what they changed (the RACI roles or the override of the layer on
 * the group's assets) — the decision and any action deferred are records, carried as they are —
 * and closing an action changes a record only. Null: not such an entry.
 */
function recordTouches(entry: EntryForTouches, l: SideLookups): string[] | null {
  const { before, after } = entry;
  if (entry.entity === 'saved-set') {
    const names = savedSetNames(entry);
    return names.length === 0 ? [slot.savedSet('*')] : names.map(slot.savedSet);
  }
  if (entry.entity === 'workshop') {
    const key = entry.entityId !== null && /^\d+$/.test(entry.entityId) ? (l.workshopKey?.(Number(entry.entityId)) ?? null) : null;
    return [slot.workshop(key ?? '*')];
  }
  const decision = isRecord(after) && typeof after.workshopId === 'number' ? after : isRecord(before) && typeof before.workshopId === 'number' ? before : null;
  if (decision !== null && typeof decision.kind === 'string' && typeof decision.layerId === 'string') {
    const layer = decision.layerId;
    const roles = Array.isArray(decision.roles) ? decision.roles.filter((r): r is string => typeof r === 'string') : null;
    const out: string[] = [];
    for (const id of idsOf(decision.ids)) {
      const key = l.assetKey(id);
      if (key === null) continue;
      if (decision.kind === 'override') out.push(slot.override(key, layer));
      else if (decision.kind === 'raci') out.push(...(roles === null ? [`asset|${key}|raci|${layer}|*`] : roles.map((role) => slot.raci(key, layer, role))));
    }
    return out;
  }
  if (isRecord(after) && typeof after.actionId === 'number' && 'closedAt' in after) return [];
  return null;
}

/** The slots an entry touched. */
export function touchesOfEntry(entry: EntryForTouches, l: SideLookups): string[] {
  if (entry.originTouches !== null) return [...entry.originTouches];
  const out = new Set<string>();
  const before = entry.before;
  const after = entry.after;
  switch (entry.action) {
    case 'workbook.create':
    case 'workbook.copy':
    case UPGRADE_ACTION:
      return [];
    case MERGE_ACTION:
      return isRecord(after) && Array.isArray(after.decided) ? after.decided.filter((s): s is string => typeof s === 'string') : EVERYTHING;
    case 'assets.update': {
      const fields = isRecord(after) && isRecord(after.values) ? Object.keys(after.values) : [];
      for (const id of assetIds(entry)) {
        const key = l.assetKey(id);
        if (key === null) continue;
        if (fields.length === 0) out.add(`asset|${key}|field|*`);
        for (const field of fields) out.add(slot.assetField(key, field));
      }
      return [...out];
    }
    case 'raci.set':
      raciTouches(entry, l, out);
      return [...out];
    case 'overrides.set':
    case 'overrides.clear': {
      const key = l.assetKey(Number(entry.entityId));
      const row = isRecord(after) ? after : isRecord(before) ? before : null;
      if (key !== null) out.add(row === null ? `asset|${key}|override|*` : slot.override(key, String(row.layerId)));
      return [...out];
    }
    case 'notes.set': {
      const key = l.assetKey(Number(entry.entityId));
      const row = isRecord(after) ? after : isRecord(before) ? before : null;
      if (key !== null) out.add(row === null ? `asset|${key}|note|*` : slot.note(key, String(row.layerId)));
      return [...out];
    }
    case 'parties.reassign':
      if (isRecord(before) && isRecord(after)) {
        for (const id of idsOf(before.ownerOf)) {
          const key = l.assetKey(id);
          if (key !== null) out.add(slot.assetField(key, 'ownerPartyId'));
        }
        for (const row of [...rowsOf(before.assignments), ...rowsOf(after.assignments)]) {
          const key = typeof row.assetId === 'number' ? l.assetKey(row.assetId) : null;
          if (key !== null) out.add(slot.raci(key, String(row.layerId), String(row.role)));
        }
        return [...out];
      }
      return EVERYTHING;
    case 'import.apply':
      for (const field of l.importedFields) out.add(slot.assetField('*', field));
      if (isRecord(after) && typeof after.ownersAssigned === 'number' && after.ownersAssigned > 0) out.add(slot.assetField('*', 'ownerPartyId'));
      return [...out];
    case 'models.import':
      return entry.entityId === null ? ['model|*'] : [slot.model(entry.entityId)];
    case 'mapping.import':
    case 'mapping.reset':
      // The controls it changed (logged since merges compare per control), else all of the mapping.
      if (isRecord(after) && isRecord(after.changed) && Array.isArray(after.changed.ccm) && Array.isArray(after.changed.nist)) return mappingChangeSlots(after.changed as unknown as MappingChanges);
      return [slot.setting(CONTROL_MAPPING), `${slot.setting(CONTROL_MAPPING)}|*`];
    case 'models.setDefault':
      return [slot.setting('defaultModel'), 'asset|*|override|*', 'asset|*|raci|*'];
    case 'settings.update':
      return [slot.setting('*')];
    default:
      break;
  }
  const records = recordTouches(entry, l);
  if (records !== null) return records;
  // An undo or redo of a merge switches the merge off or on (lineage.ts): no change of its own.
  if (entry.action.startsWith('history.') && entry.entity === 'workbook' && isRecord(after) && typeof after.merge === 'string') return [];
  if (entry.entity === 'party' && entry.entityId !== null) {
    const name = l.partyName(Number(entry.entityId));
    const named = isRecord(after) && typeof after.name === 'string' ? after.name.toLowerCase() : null;
    for (const n of [name, named]) if (n !== null) out.add(slot.party(n)).add(`${slot.party(n)}|*`);
    if (out.size > 0 && entry.action.startsWith('parties.')) return [...out];
  }
  // Undo and redo (and edits that log their operations) say what they did as operations.
  const ops = [...rowsOf(before), ...rowsOf(after)];
  if (ops.length > 0 && ops.every((op) => typeof op.op === 'string') && touchesOfOps(ops, l, out)) return [...out];
  // Otherwise they repeat their edit's before and after: everything about the assets named.
  if (entry.entity === 'asset' && entry.action.startsWith('history.')) {
    const ids = new Set(assetIds(entry));
    for (const side of [before, after]) {
      if (!isRecord(side)) continue;
      for (const id of idsOf(side.ids)) ids.add(id);
      for (const group of rowsOf(side.groups)) for (const id of idsOf(group.ids)) ids.add(id);
    }
    for (const id of ids) {
      const key = l.assetKey(id);
      if (key !== null) out.add(`asset|${key}|*`);
    }
    if (out.size > 0) return [...out];
  }
  return EVERYTHING;
}
