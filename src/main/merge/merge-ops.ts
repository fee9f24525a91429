/**
 * A decided merge as edit operations on the open workbook: what to write (forward) and what puts
 * it back (backward), so the merge is one undoable step. Only slots whose merged value is theirs
 * and differs from ours are written; keys and party names become this workbook's row ids here.
 */
import type { DecidedDifference } from '@core/merge/decide';
import { isMappingSlot } from '@core/merge/mapping-slots';
import { parseSlot } from '@core/merge/slots';
import type { Asset, LayerNote, LayerOverride, Party, RaciAssignment, RaciRole } from '@shared/domain';
import { groupByValue, type EditOp } from '../services/edit-ops';
import { ASSET_FIELDS, MERGED_FIELDS, type AssetField, type MergedFields } from '../store/asset-fields';
import { META_KEYS } from '../store/repos/meta';
import { carryWorkshopOps } from './merge-carry';
import { mappingOps } from './merge-mapping';
import { carryRecordOps, mergedPartyIds } from './merge-records';
import type { ReadSide } from './read-side';

export interface MergeOps {
  forward: EditOp[];
  backward: EditOp[];
  /** How many slots took their value. */
  applied: number;
}

/** A merged row's value as the Asset field holds it (booleans were stored 0/1, the owner by name). */
function fieldValue(field: AssetField, value: unknown, partyId: (name: string) => number): unknown {
  if (value === null || value === undefined) return null;
  if (field === 'ownerPartyId') return partyId(String(value as string));
  return ASSET_FIELDS[field].storage === 'boolean' ? value === 1 || value === true : value;
}

/** Builds the operations of a decided merge. `at` and `actor` stamp new assets and a control mapping made of both. */
export function mergeOps(decided: readonly DecidedDifference[], ours: ReadSide, theirs: ReadSide, at: string, actor: string): MergeOps {
  const taken = decided.filter((d) => d.choice === 'theirs' && d.theirs !== d.ours);
  const f: EditOp[] = [];
  const b: EditOp[][] = [];
  const back = (...ops: EditOp[]) => b.unshift(ops);

  // Parties first: assets and roles name them.
  const partyIds = new Map(ours.parties.map((p) => [p.name.toLowerCase(), p.id]));
  // The ids a carried sign-off's states were spelt with (merge-records.ts).
  const newPartyIds = mergedPartyIds(ours.parties, theirs.parties);
  const theirParty = new Map(theirs.parties.map((p) => [p.name.toLowerCase(), p]));
  const edited = new Map<string, Party>();
  for (const d of taken) {
    const p = parseSlot(d.slot);
    if (p.entity !== 'party') continue;
    if (p.aspect === undefined && d.ours === null) {
      const party: Party = { ...theirParty.get(p.id)!, id: newPartyIds.get(p.id)! };
      partyIds.set(p.id, party.id);
      f.push({ op: 'putParty', party });
      back({ op: 'deleteParty', id: party.id });
    } else if (p.aspect === 'field' && partyIds.has(p.id) && ours.slots.has(`party|${p.id}`)) {
      const before = ours.parties.find((x) => x.name.toLowerCase() === p.id)!;
      const party = edited.get(p.id) ?? { ...before };
      (party as unknown as Record<string, unknown>)[p.name ?? ''] = JSON.parse(d.theirs ?? 'null') as unknown;
      edited.set(p.id, party);
    }
  }
  for (const [name, party] of edited) {
    f.push({ op: 'putParty', party });
    back({ op: 'putParty', party: ours.parties.find((x) => x.name.toLowerCase() === name)! });
  }
  const partyId = (name: string): number => {
    const id = partyIds.get(name);
    if (id === undefined) throw new Error(`the party "${name}" is in neither copy`);
    return id;
  };

  // Models and settings.
  const teams = JSON.parse(ours.meta.get(META_KEYS.defaultTeamPerLayer) ?? '{}') as Record<string, number>;
  const mergedTeams = { ...teams };
  let teamsChanged = false;
  for (const d of taken) {
    const p = parseSlot(d.slot);
    if (p.entity === 'model') {
      const row = theirs.models.get(p.id)!;
      const mine = ours.models.get(p.id);
      f.push({ op: 'putModel', model: { id: row.id, version: row.version, json: row.json, importedAt: row.imported_at, importedBy: row.imported_by } });
      back(mine ? { op: 'putModel', model: { id: mine.id, version: mine.version, json: mine.json, importedAt: mine.imported_at, importedBy: mine.imported_by } } : { op: 'deleteModel', id: p.id });
    } else if (p.entity === 'settings' && !isMappingSlot(d.slot)) {
      const value = JSON.parse(d.theirs ?? 'null') as string | null;
      if (p.id.startsWith('defaultTeam.')) {
        const layer = p.id.slice('defaultTeam.'.length);
        if (value === null) delete mergedTeams[layer];
        else mergedTeams[layer] = partyId(value);
        teamsChanged = true;
      } else if (value !== null) {
        const keys = p.id === 'defaultModel' ? [META_KEYS.defaultModelId, META_KEYS.defaultModelVersion] : [p.id === 'organisation' ? META_KEYS.organisation : META_KEYS.reviewPeriodDays];
        const values = p.id === 'defaultModel' ? value.split('@') : [value];
        keys.forEach((key, i) => {
          f.push({ op: 'meta', key, value: values[i] ?? '' });
          back({ op: 'meta', key, value: ours.meta.get(key) ?? '' });
        });
      }
    }
  }
  const mapping = mappingOps(decided, ours, theirs, at, actor);
  if (mapping !== null) {
    f.push(mapping.forward);
    back(mapping.backward);
  }
  if (teamsChanged) {
    f.push({ op: 'meta', key: META_KEYS.defaultTeamPerLayer, value: JSON.stringify(mergedTeams) });
    back({ op: 'meta', key: META_KEYS.defaultTeamPerLayer, value: JSON.stringify(teams) });
  }

  // Assets: new ones whole, then fields.
  const assetIds = new Map(ours.assetIds);
  let nextAssetId = Math.max(0, ...ours.assetIds.values()) + 1;
  const newRows: Asset[] = [];
  const fieldPatches = new Map<number, { after: MergedFields; before: MergedFields }>();
  for (const d of taken) {
    const p = parseSlot(d.slot);
    if (p.entity !== 'asset') continue;
    if (p.aspect === undefined && d.ours === null) {
      const values = JSON.parse(d.theirs!) as unknown[];
      const asset: Record<string, unknown> = { id: nextAssetId++, key: p.id, notSeenInLastImport: false, lastImportRunId: null, createdAt: at, updatedAt: at };
      MERGED_FIELDS.forEach((field, i) => (asset[field] = fieldValue(field, values[i], partyId)));
      if (asset.tags === null) asset.tags = {};
      assetIds.set(p.id, asset.id as number);
      newRows.push(asset as unknown as Asset);
    } else if (p.aspect === 'field') {
      const id = assetIds.get(p.id);
      const field = p.name as AssetField;
      if (id === undefined || !MERGED_FIELDS.includes(field)) continue;
      const patch = fieldPatches.get(id) ?? { after: {}, before: {} };
      (patch.after as Record<string, unknown>)[field] = fieldValue(field, JSON.parse(d.theirs ?? 'null'), partyId);
      (patch.before as Record<string, unknown>)[field] = fieldValue(field, JSON.parse(d.ours ?? 'null'), partyId);
      fieldPatches.set(id, patch);
    }
  }
  if (newRows.length > 0) {
    f.push({ op: 'putAssets', rows: newRows });
    back({ op: 'deleteAssets', ids: newRows.map((a) => a.id) });
  }
  // One operation per distinct patch (one statement each): 10k owners set to the same party are one.
  const patched = [...fieldPatches.keys()];
  const forwardGroups = groupByValue(patched, (id) => fieldPatches.get(id)!.after);
  const backwardGroups = groupByValue(patched, (id) => fieldPatches.get(id)!.before);
  for (const g of forwardGroups) f.push({ op: 'mergeAssetFields', ids: g.ids, patch: g.value });
  if (backwardGroups.length > 0) back(...backwardGroups.map((g): EditOp => ({ op: 'mergeAssetFields', ids: g.ids, patch: g.value })));

  // Overrides, notes and roles.
  const putRows: RaciAssignment[] = [];
  const deleteRows: RaciAssignment[] = [];
  for (const d of taken) {
    const p = parseSlot(d.slot);
    if (p.entity !== 'asset' || (p.aspect !== 'override' && p.aspect !== 'note' && p.aspect !== 'raci')) continue;
    const assetId = assetIds.get(p.id);
    if (assetId === undefined) continue;
    const layerId = p.name ?? '';
    if (p.aspect === 'override') {
      const row = (side: ReadSide): LayerOverride | null => {
        const o = side.overrides.get(d.slot);
        return o ? { assetId, layerId, responsibility: o.responsibility as LayerOverride['responsibility'], justification: o.justification, by: o.by, at: o.at } : null;
      };
      const theirsRow = row(theirs);
      const oursRow = row(ours);
      f.push(theirsRow ? { op: 'putOverride', row: theirsRow } : { op: 'deleteOverride', assetId, layerId });
      back(oursRow ? { op: 'putOverride', row: oursRow } : { op: 'deleteOverride', assetId, layerId });
    } else if (p.aspect === 'note') {
      const row = (side: ReadSide): LayerNote | null => {
        const n = side.notes.get(d.slot);
        return n ? { assetId, layerId, note: n.note, by: n.by, at: n.at } : null;
      };
      const theirsRow = row(theirs);
      const oursRow = row(ours);
      f.push(theirsRow ? { op: 'putNote', row: theirsRow } : { op: 'deleteNote', assetId, layerId });
      back(oursRow ? { op: 'putNote', row: oursRow } : { op: 'deleteNote', assetId, layerId });
    } else {
      const role = p.role as RaciRole;
      const rows = (json: string | null) => (JSON.parse(json ?? '[]') as string[]).map((name) => ({ assetId, layerId, role, partyId: partyId(name) }));
      deleteRows.push(...(ours.assetIds.has(p.id) ? rows(d.ours) : []));
      putRows.push(...rows(d.theirs));
    }
  }
  if (deleteRows.length + putRows.length > 0) {
    f.push({ op: 'deleteAssignments', rows: deleteRows }, { op: 'putAssignments', rows: putRows });
    back({ op: 'deleteAssignments', rows: putRows }, { op: 'putAssignments', rows: deleteRows });
  }
  // Their sign-offs and import runs, with this workbook's ids (after the parties and assets they name).
  const records = carryRecordOps(ours, theirs, (key) => assetIds.get(key), partyId);
  f.push(...records.forward);
  back(...records.backward);
  // Saved sets and workshops (their scopes name parties, assets and sets), then their decisions and actions.
  const assetId = (key: string): number => {
    const id = assetIds.get(key);
    if (id === undefined) throw new Error(`the asset ${key} is in neither copy`);
    return id;
  };
  const workshops = carryWorkshopOps(taken, ours, theirs, { assetId, partyId });
  f.push(...workshops.forward);
  back(...workshops.backward);
  return { forward: f, backward: b.flat(), applied: taken.length };
}
