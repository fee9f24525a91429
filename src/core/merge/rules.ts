/**
 * The workbook's rules, asked of the merged result before anything is written: an owner is an
 * active person or team (canOwn), a layer has at most one Accountable, everyone named in a RACI
 * role is active, and the provider is never Accountable for — nor given by override — a layer
 * that stays the customer's whatever the service model. Each copy kept these on its own; the
 * merge can still break them by combining the two (one side lets Bob leave, the other makes him
 * owner). Only what the merge takes from theirs is checked: a break it causes becomes a conflict
 * to decide, never a write.
 */
import { canOwn } from '../parties';
import type { PartyKind } from '@shared/domain';
import { mergedValueOf, type DecidedDifference } from './decide';
import { parseSlot, slot } from './slots';
import type { MergeSide } from './three-way';

/** What the rules need to know of a layer under a model (null model = the workbook's default). */
export type LayerLookup = (modelId: string | null, layerId: string) => { title: string; permanentCustomer: boolean } | null;

export const OWNER_FIELD = 'ownerPartyId';

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

/**
 * The rule each item would break if the merge took theirs there, by slot.
 * @param fields the asset fields of the rows (the owner field holds a party's lower-cased name)
 */
export function ruleBreaks(
  decided: readonly DecidedDifference[],
  ours: MergeSide,
  theirs: MergeSide,
  fields: readonly string[],
  layerOf: LayerLookup
): Map<string, string> {
  const bySlot = new Map(decided.map((d) => [d.slot, d]));
  const merged = mergedValueOf(bySlot, ours, theirs, fields);
  const breaks = new Map<string, string>();
  const add = (name: string, message: string): void => {
    const previous = breaks.get(name);
    breaks.set(name, previous === undefined ? message : `${previous} ${message}`);
  };
  const party = (name: string) => ({
    exists: merged(slot.party(name)) !== null,
    display: parse<string>(merged(slot.partyField(name, 'name'))) ?? name,
    kind: parse<PartyKind>(merged(slot.partyField(name, 'kind'))),
    active: parse<boolean>(merged(slot.partyField(name, 'active'))) ?? false
  });
  const assetName = (key: string): string => parse<string>(merged(slot.assetField(key, 'name'))) ?? key;
  const modelOf = (key: string): string | null => parse<string>(merged(slot.assetField(key, 'modelId')));
  const ownerProblem = (key: string, owner: string): string | null => {
    const p = party(owner);
    if (!p.exists) return `${assetName(key)}: its owner ${owner} is no party of the merged workbook.`;
    if (p.kind === null || !canOwn({ kind: p.kind, active: p.active })) {
      return `${assetName(key)}: ${p.display} cannot own it (${p.active ? `a ${String(p.kind).replace('_', ' ')}` : 'no longer active'}); an owner is an active person or team.`;
    }
    return null;
  };
  const raciProblems = (key: string, layerId: string, role: string, names: readonly string[], before: readonly string[]): string[] => {
    const layer = layerOf(modelOf(key), layerId);
    const where = `"${layer?.title ?? layerId}" of ${assetName(key)}`;
    const problems: string[] = [];
    if (role === 'A' && names.length > 1) problems.push(`${where} would have ${names.length} Accountables; it needs exactly one.`);
    for (const name of names.filter((n) => !before.includes(n))) {
      const p = party(name);
      if (!p.exists) problems.push(`${where}: ${name} is no party of the merged workbook.`);
      else if (!p.active) problems.push(`${where}: ${p.display} is no longer active and cannot hold ${role}.`);
      else if (role === 'A' && p.kind === 'provider' && layer?.permanentCustomer) problems.push(`${where} stays the customer's: the provider ${p.display} cannot be Accountable.`);
    }
    return problems;
  };

  for (const d of decided) {
    if (d.choice !== 'theirs' || d.theirs === d.ours) continue;
    const p = parseSlot(d.slot);
    if (p.entity === 'asset' && p.aspect === undefined) {
      const owner = assetFieldFromRow(d.theirs, fields, OWNER_FIELD);
      const problem = typeof owner === 'string' ? ownerProblem(p.id, owner) : null;
      if (problem) add(d.slot, problem);
    } else if (p.entity === 'asset' && p.aspect === 'field' && p.name === OWNER_FIELD) {
      const owner = parse<string>(d.theirs);
      const problem = owner === null ? null : ownerProblem(p.id, owner);
      if (problem) add(d.slot, problem);
    } else if (p.entity === 'asset' && p.aspect === 'raci') {
      for (const m of raciProblems(p.id, p.name ?? '', p.role ?? '', parse<string[]>(d.theirs) ?? [], parse<string[]>(d.ours) ?? [])) add(d.slot, m);
    } else if (p.entity === 'asset' && p.aspect === 'override') {
      const value = parse<{ responsibility: string }>(d.theirs);
      const layer = layerOf(modelOf(p.id), p.name ?? '');
      if (value?.responsibility === 'provider' && layer?.permanentCustomer) {
        add(d.slot, `"${layer.title}" of ${assetName(p.id)} stays the customer's whatever the service model: it cannot be overridden to the provider.`);
      }
    } else if (p.entity === 'party' && p.aspect === 'field' && (p.name === 'active' || p.name === 'kind')) {
      const held = holdings(p.id, ours, theirs, fields, merged);
      const who = party(p.id);
      if (held.owns.length > 0 && (who.kind === null || !canOwn({ kind: who.kind, active: who.active }))) {
        add(d.slot, `${who.display} ${who.active ? `would be a ${String(who.kind).replace('_', ' ')}` : 'would be no longer active'} but owns ${held.owns.slice(0, 3).map(assetName).join(', ')}${held.owns.length > 3 ? ` and ${held.owns.length - 3} more` : ''} in the merged workbook.`);
      }
      if (!who.active && held.roles.length > 0) add(d.slot, `${who.display} would be no longer active but holds ${held.roles.length} RACI role${held.roles.length === 1 ? '' : 's'} in the merged workbook.`);
    }
  }
  return breaks;
}

function assetFieldFromRow(row: string | null, fields: readonly string[], field: string): unknown {
  if (row === null) return null;
  return (JSON.parse(row) as unknown[])[fields.indexOf(field)] ?? null;
}

/** The assets a party owns and the RACI slots naming it, in the merged workbook. */
function holdings(
  name: string,
  ours: MergeSide,
  theirs: MergeSide,
  fields: readonly string[],
  merged: (slotName: string) => string | null
): { owns: string[]; roles: string[] } {
  const wanted = JSON.stringify(name);
  const owns = new Set<string>();
  for (const key of new Set([...ours.assets.keys(), ...theirs.assets.keys()])) {
    if (merged(slot.assetField(key, OWNER_FIELD)) === wanted) owns.add(key);
  }
  const roles = new Set<string>();
  for (const side of [ours, theirs]) {
    for (const slotName of side.slots.keys()) {
      if (!slotName.includes('|raci|') || roles.has(slotName)) continue;
      if ((parse<string[]>(merged(slotName)) ?? []).includes(name)) roles.add(slotName);
    }
  }
  return { owns: [...owns].sort(), roles: [...roles] };
}
