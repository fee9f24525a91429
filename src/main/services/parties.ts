/**
 * Parties: the people, teams, providers and third parties that own assets and hold RACI roles.
 * Leaving never deletes: a party who left keeps their history and shows up in findings until
 * what they hold is reassigned, which moves everything in one step.
 */
import { canOwn, ownerRefusal } from '@core/parties';
import type { PartyHoldings, PartyListEntry, UpdateResult } from '@shared/contract/engine';
import type { ParsedInput } from '@shared/contract';
import type { Party, RaciAssignment } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';
import { modelOf, requireParty, type EngineState } from '../engine/state';
import { writeEdit } from './history';

/** Every party with how many assets it owns and how many explicit roles it holds. */
export function listPartiesWithCounts(wb: OpenWorkbook, ctx: ServiceContext): PartyListEntry[] {
  const state = wb.engine.state(ctx);
  const owned = new Map<number, number>();
  for (const a of state.input.assets) if (a.ownerPartyId !== null) owned.set(a.ownerPartyId, (owned.get(a.ownerPartyId) ?? 0) + 1);
  const roles = new Map<number, PartyListEntry['roles']>();
  for (const a of state.input.assignments) {
    let counts = roles.get(a.partyId);
    if (counts === undefined) roles.set(a.partyId, (counts = { R: 0, A: 0, C: 0, I: 0 }));
    counts[a.role]++;
  }
  return state.input.parties.map((p) => ({ ...p, canOwn: canOwn(p), ownerOf: owned.get(p.id) ?? 0, roles: roles.get(p.id) ?? { R: 0, A: 0, C: 0, I: 0 } }));
}

function assertNameFree(state: EngineState, name: string, exceptId?: number): void {
  const clash = state.input.parties.find((p) => p.id !== exceptId && p.name.toLowerCase() === name.trim().toLowerCase());
  if (clash) {
    throw new DemarcError('ALREADY_EXISTS', `A party named "${clash.name}" already exists${clash.active ? '' : ' (inactive; reactivate it instead)'}. Party names are unique, whatever the case.`);
  }
}

function savedParty(wb: OpenWorkbook, ctx: ServiceContext, id: number): Party {
  return requireParty(wb.engine.state(ctx), id);
}

/** Adds a party; names are unique case-insensitively. */
export function addParty(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: ParsedInput<'parties.add'>
): Party {
  const state = wb.engine.state(ctx);
  assertNameFree(state, input.name);
  const id = Math.max(0, ...state.input.parties.map((p) => p.id)) + 1;
  const party: Party = { id, name: input.name.trim(), kind: input.kind, email: input.email ?? null, active: true, leftAt: null, notes: input.notes ?? null };
  writeEdit(wb, ctx, {
    action: 'parties.add',
    entity: 'party',
    entityId: String(id),
    summary: `Added ${party.kind.replace('_', ' ')} ${party.name}`,
    forward: [{ op: 'putParty', party }],
    backward: [{ op: 'deleteParty', id }],
    before: null,
    after: party
  });
  return savedParty(wb, ctx, id);
}

function editParty(wb: OpenWorkbook, ctx: ServiceContext, before: Party, after: Party, action: string, summary: string): Party {
  writeEdit(wb, ctx, {
    action,
    entity: 'party',
    entityId: String(before.id),
    summary,
    forward: [{ op: 'putParty', party: after }],
    backward: [{ op: 'putParty', party: before }],
    before,
    after
  });
  return savedParty(wb, ctx, before.id);
}

/** Renames or edits a party's details. */
export function updatePartyDetails(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: ParsedInput<'parties.update'>
): Party {
  const state = wb.engine.state(ctx);
  const before = requireParty(state, input.id);
  if (input.name !== undefined) assertNameFree(state, input.name, before.id);
  const after: Party = {
    ...before,
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {})
  };
  const changed = (['name', 'kind', 'email', 'notes'] as const).filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return before;
  return editParty(wb, ctx, before, after, 'parties.update', `Edited ${before.name}: ${changed.join(', ')}`);
}

/** Everything a party still holds: assets it owns and its explicit roles. */
export function partyHoldings(wb: OpenWorkbook, ctx: ServiceContext, id: number): PartyHoldings {
  const state = wb.engine.state(ctx);
  const party = requireParty(state, id);
  const ownerOf = state.input.assets.filter((a) => a.ownerPartyId === id).map((a) => ({ assetId: a.id, assetName: a.name }));
  const assignments = state.input.assignments
    .filter((a) => a.partyId === id)
    .map((a) => {
      const asset = state.assetById.get(a.assetId);
      const title = asset ? modelOf(state, asset).layers.find((l) => l.id === a.layerId)?.title : undefined;
      return { assetId: a.assetId, assetName: asset?.name ?? `asset #${a.assetId}`, layerId: a.layerId, layerTitle: title ?? a.layerId, role: a.role };
    });
  return { party, ownerOf, assignments };
}

/** Marks a party as gone on a date; returns what it still holds (each becomes a finding). */
export function leaveParty(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'parties.leave'>): PartyHoldings {
  const before = requireParty(wb.engine.state(ctx), input.id);
  if (!before.active) throw new DemarcError('RULE_VIOLATION', `${before.name} already left${before.leftAt ? ` on ${before.leftAt.slice(0, 10)}` : ''}.`);
  editParty(wb, ctx, before, { ...before, active: false, leftAt: input.leftAt }, 'parties.leave', `${before.name} left on ${input.leftAt.slice(0, 10)}`);
  return partyHoldings(wb, ctx, input.id);
}

/** Brings a party back. */
export function reactivateParty(wb: OpenWorkbook, ctx: ServiceContext, id: number): Party {
  const before = requireParty(wb.engine.state(ctx), id);
  if (before.active) return before;
  return editParty(wb, ctx, before, { ...before, active: true, leftAt: null }, 'parties.reactivate', `${before.name} is active again`);
}

/**
 * Moves ownership and explicit roles from one party to another, in one transaction. A role the
 * target already holds on the same layer is merged (the duplicate is dropped).
 */
export function reassignParty(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'parties.reassign'>): UpdateResult {
  const state = wb.engine.state(ctx);
  const from = requireParty(state, input.fromId);
  const to = requireParty(state, input.toId);
  if (from.id === to.id) throw new DemarcError('INVALID_INPUT', 'toId: choose another party than the one whose holdings move.');
  if (!to.active) throw new DemarcError('RULE_VIOLATION', `${to.name} is no longer active and cannot take over from ${from.name}. Choose an active party.`);
  const owned = state.input.assets.filter((a) => a.ownerPartyId === from.id).map((a) => a.id);
  const refusal = owned.length > 0 ? ownerRefusal(to) : null;
  if (refusal !== null) throw new DemarcError('RULE_VIOLATION', `${from.name} owns ${owned.length} asset${owned.length === 1 ? '' : 's'}: ${refusal}`);
  const held = state.input.assignments.filter((a) => a.partyId === from.id);
  const key = (a: RaciAssignment, partyId: number) => `${a.assetId}|${a.layerId}|${a.role}|${partyId}`;
  const existing = new Set(state.input.assignments.filter((a) => a.partyId === to.id).map((a) => key(a, to.id)));
  const moved = held.filter((a) => !existing.has(key(a, to.id))).map((a) => ({ ...a, partyId: to.id }));
  const forward: EditOp[] = [
    { op: 'patchAssets', ids: owned, patch: { ownerPartyId: to.id } },
    { op: 'deleteAssignments', rows: held },
    { op: 'putAssignments', rows: moved }
  ];
  const backward: EditOp[] = [
    { op: 'deleteAssignments', rows: moved },
    { op: 'putAssignments', rows: held },
    { op: 'patchAssets', ids: owned, patch: { ownerPartyId: from.id } }
  ];
  const count = owned.length + held.length;
  const summary = `Reassigned ${from.name}'s holdings to ${to.name}: ${owned.length} asset${owned.length === 1 ? '' : 's'} owned, ${held.length} role${held.length === 1 ? '' : 's'}`;
  if (count === 0) return { count, summary };
  writeEdit(wb, ctx, {
    action: 'parties.reassign',
    entity: 'party',
    entityId: String(from.id),
    summary,
    forward,
    backward,
    before: { owner: from.id, ownerOf: owned, assignments: held },
    after: { owner: to.id, ownerOf: owned, assignments: moved }
  });
  return { count, summary };
}
