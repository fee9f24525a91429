/**
 * The accepted changes of a round trip turned into one edit: row operations forward and back,
 * after every rule has been checked on the result — the RACI rules per layer, the
 * permanent-customer guard, "an override needs a justification", "the owner is an active person or
 * team". Any broken rule refuses the whole apply, each named by the cell it came from.
 */
import { deriveResponsibility, validateJustification, validateOverride } from '@core/derive';
import { ownerRefusal } from '@core/parties';
import { validateRaci } from '@core/raci';
import type { PlannedChange } from '@core/roundtrip/roundtrip-diff';
import type { RoundTripProblem } from '@shared/contract/roundtrip';
import { CELL_VALUES, type Asset, type CellValue, type LayerNote, type LayerOverride, type Party, type RaciAssignment } from '@shared/domain';
import type { AssetPatch } from '../store/asset-fields';
import { PATCHABLE_FIELDS } from '../store/asset-fields';
import { raciContext } from '../engine/asset-detail';
import type { EngineState } from '../engine/state';
import type { EditOp } from './edit-ops';

const isCellValue = (value: string): value is CellValue => (CELL_VALUES as readonly string[]).includes(value);

export interface RoundTripEdit {
  forward: EditOp[];
  backward: EditOp[];
  problems: RoundTripProblem[];
  createdParties: Party[];
  assetIds: number[];
}

const byAssetAndLayer = (changes: readonly PlannedChange[]): Map<number, Map<string, PlannedChange[]>> => {
  const grouped = new Map<number, Map<string, PlannedChange[]>>();
  for (const change of changes) {
    const layers = grouped.get(change.assetId) ?? new Map<string, PlannedChange[]>();
    grouped.set(change.assetId, layers);
    const key = change.layerId ?? '';
    layers.set(key, [...(layers.get(key) ?? []), change]);
  }
  return grouped;
};

/** The parties to create for names that are none yet (createParties), with fresh ids. */
function newParties(state: EngineState, changes: readonly PlannedChange[]): Map<string, Party> {
  let next = Math.max(0, ...state.partyById.keys()) + 1;
  const created = new Map<string, Party>();
  for (const change of changes) {
    const names = change.value.kind === 'parties' ? change.value.create : change.value.kind === 'owner' && change.value.create ? [change.value.create] : [];
    for (const name of names) {
      if (!created.has(name)) created.set(name, { id: next++, name, kind: 'person', email: null, active: true, leftAt: null, notes: null });
    }
  }
  return created;
}

/** Plans the edit of `changes` (already accepted and settled) against the loaded state. */
export function planRoundTrip(state: EngineState, changes: readonly PlannedChange[], by: string, at: string): RoundTripEdit {
  const problems: RoundTripProblem[] = [];
  const fail = (change: PlannedChange, message: string) => problems.push({ cell: change.cell, message: `${change.cell}: ${message}` });
  const created = newParties(state, changes);
  const parties = [...state.input.parties, ...created.values()];
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const idsOf = (value: { ids: number[]; create: string[] }) => [...value.ids, ...value.create.map((n) => created.get(n)!.id)];
  const forward: EditOp[] = [...[...created.values()].map((party): EditOp => ({ op: 'putParty', party }))];
  const backward: EditOp[] = [...created.values()].map((party): EditOp => ({ op: 'deleteParty', id: party.id }));

  for (const [assetId, layers] of byAssetAndLayer(changes)) {
    const asset = state.assetById.get(assetId)!;
    const patch: AssetPatch = {};
    for (const change of layers.get('') ?? []) {
      if (change.value.kind === 'owner') {
        const owner = change.value.create ? created.get(change.value.create)!.id : change.value.id;
        const party = owner === null ? undefined : partyById.get(owner);
        const refusal = party === undefined ? null : ownerRefusal(party);
        if (refusal !== null) fail(change, refusal);
        patch.ownerPartyId = owner;
      } else if (change.value.kind === 'serviceModel') {
        // Set by hand, as the inventory's bulk edit does: a later inventory import keeps it.
        patch.serviceModel = change.value.value;
        patch.serviceModelSource = 'manual';
        patch.needsReview = false;
      }
    }
    if (Object.keys(patch).length > 0) {
      const before: Record<string, unknown> = {};
      for (const field of PATCHABLE_FIELDS) if (patch[field] !== undefined) before[field] = asset[field];
      forward.push({ op: 'patchAssets', ids: [assetId], patch });
      backward.unshift({ op: 'patchAssets', ids: [assetId], patch: before as AssetPatch });
    }
    const nextAsset: Asset = { ...asset, ...patch };
    const raciCtx = { ...raciContext(state, asset), parties };
    const overrides = [...(state.overridesByAsset.get(assetId) ?? [])];
    const nextOverrides = [...overrides];
    const assignments = state.assignmentsByAsset.get(assetId) ?? [];
    for (const [layerId, layerChanges] of layers) {
      if (layerId === '') continue;
      const layer = raciCtx.model.layers.find((l) => l.id === layerId)!;
      const field = (name: string) => layerChanges.find((c) => c.field === name);
      // Responsibility and justification together make the layer's override.
      const previous = overrides.find((o) => o.layerId === layerId);
      const respChange = field('responsibility');
      const justChange = field('justification');
      if (respChange || justChange) {
        const published = deriveResponsibility(nextAsset, raciCtx.model, []).find((l) => l.layerId === layerId)?.published ?? 'unknown';
        const responsibility = respChange?.value.kind === 'responsibility' ? respChange.value.value : (previous?.responsibility ?? published);
        const justification = justChange?.value.kind === 'text' ? justChange.value.value : (previous?.justification ?? '');
        const at0 = nextOverrides.findIndex((o) => o.layerId === layerId);
        if (respChange === undefined && previous === undefined) {
          fail(justChange!, `a justification explains an override, and "${layer.title}" follows the published model: change its responsibility too, or leave the justification empty.`);
        } else if (responsibility === published && respChange) {
          if (previous) {
            forward.push({ op: 'deleteOverride', assetId, layerId });
            backward.unshift({ op: 'putOverride', row: previous });
          }
          if (at0 >= 0) nextOverrides.splice(at0, 1);
        } else if (!isCellValue(responsibility)) {
          fail((respChange ?? justChange)!, `"${responsibility}" cannot be chosen for "${layer.title}": use provider, customer or shared.`);
        } else {
          const refusal = validateOverride(raciCtx.model, layerId, responsibility, justification) ?? validateJustification(justification);
          if (refusal !== null) fail((justification.trim() === '' ? (justChange ?? respChange) : (respChange ?? justChange))!, refusal);
          const row: LayerOverride = { assetId, layerId, responsibility, justification: justification.trim(), by, at };
          forward.push({ op: 'putOverride', row });
          backward.unshift(previous ? { op: 'putOverride', row: previous } : { op: 'deleteOverride', assetId, layerId });
          if (at0 >= 0) nextOverrides.splice(at0, 1, row);
          else nextOverrides.push(row);
        }
      }
      // The roles written explicitly, as `demarc raci` would.
      const roleChanges = layerChanges.filter((c) => c.value.kind === 'parties');
      if (roleChanges.length > 0) {
        const touched = roleChanges.map((c) => c.field);
        const current = assignments.filter((a) => a.layerId === layerId);
        const removed = current.filter((a) => touched.includes(a.role));
        const added: RaciAssignment[] = roleChanges.flatMap((c) =>
          c.value.kind === 'parties' ? idsOf(c.value).map((partyId) => ({ assetId, layerId, partyId, role: c.field as RaciAssignment['role'] })) : []
        );
        const next = [...current.filter((a) => !touched.includes(a.role)), ...added];
        const validation = { ...raciCtx, asset: nextAsset, overridesForAsset: nextOverrides };
        const before = validateRaci({ ...validation, asset, overridesForAsset: overrides }, layerId, current);
        const heldBefore = (rule: string, partyId: number | null) => before.some((e) => e.rule === rule && e.partyId === partyId);
        for (const error of validateRaci(validation, layerId, next)) {
          if ((error.role !== null && touched.includes(error.role)) || !heldBefore(error.rule, error.partyId)) {
            fail(roleChanges.find((c) => c.field === error.role) ?? roleChanges[0]!, error.message);
          }
        }
        forward.push({ op: 'deleteAssignments', rows: removed }, { op: 'putAssignments', rows: added });
        backward.unshift({ op: 'deleteAssignments', rows: added }, { op: 'putAssignments', rows: removed });
      }
      const noteChange = field('note');
      if (noteChange?.value.kind === 'text') {
        const previousNote = state.notesByAsset.get(assetId)?.find((n) => n.layerId === layerId);
        const text = noteChange.value.value;
        const row: LayerNote = { assetId, layerId, note: text, by, at };
        forward.push(text === '' ? { op: 'deleteNote', assetId, layerId } : { op: 'putNote', row });
        backward.unshift(previousNote ? { op: 'putNote', row: previousNote } : { op: 'deleteNote', assetId, layerId });
      }
    }
  }
  return { forward, backward, problems, createdParties: [...created.values()], assetIds: [...byAssetAndLayer(changes).keys()] };
}
