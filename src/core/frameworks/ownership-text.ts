/**
 * A derived control in words, for the exports' text columns: what the customer side holds (layers,
 * assets, third parties, Accountable and Responsible by name), what the provider carries, and why
 * a control could not be derived. One wording for all three exports.
 */
import type { Party } from '@shared/domain';
import type { DerivedControl, LayerShare, PartyCount } from './ownership';

/** Looks a workbook party up by id. */
export type PartyLookup = (partyId: number) => Pick<Party, 'name' | 'kind'> | undefined;

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Parties named in a text before "and N others": a role spread over a hundred owners reads as its main holders. */
export const NAMED_PARTIES = 5;

/** Names with their cell counts when several parties share a role: "Platform team (3), Alice (1)". */
export function partyList(counts: readonly PartyCount[], lookup: PartyLookup, keep: (party: Pick<Party, 'kind'>) => boolean): string {
  const named = counts.flatMap((c) => {
    const party = lookup(c.partyId);
    return party !== undefined && keep(party) ? [{ name: party.name, cells: c.cells }] : [];
  });
  if (named.length === 0) return '';
  if (named.length === 1) return named[0]?.name ?? '';
  const shown = named.slice(0, NAMED_PARTIES).map((p) => `${p.name} (${p.cells.toLocaleString('en-GB')})`);
  const others = named.length - shown.length;
  return others > 0 ? `${shown.join(', ')} and ${others} others` : shown.join(', ');
}

const notProvider = (party: Pick<Party, 'kind'>): boolean => party.kind !== 'provider';

export const knownCells = (l: LayerShare): number => l.provider + l.customer + l.thirdParty + l.shared + l.sharedThirdParty;
export const customerCells = (l: LayerShare): number => l.customer + l.thirdParty + l.shared + l.sharedThirdParty;
export const providerCells = (l: LayerShare): number => l.provider + l.shared + l.sharedThirdParty;

/** One line per layer with a customer side: where, through whom, and who answers for it. */
export function customerLayerLines(control: DerivedControl, lookup: PartyLookup): string[] {
  return control.layers
    .filter((l) => customerCells(l) > 0)
    .map((l) => {
      const shared = l.shared + l.sharedThirdParty;
      const parts = [`${l.title}: the customer's on ${customerCells(l).toLocaleString('en-GB')} of ${plural(knownCells(l), 'asset')}`];
      if (shared > 0) parts.push(`shared with ${l.providerName} on ${shared.toLocaleString('en-GB')}`);
      if (l.thirdParties.length > 0) parts.push(`operated by ${l.thirdParties.map(([name, n]) => `${name} on ${n.toLocaleString('en-GB')}`).join(' and ')}`);
      const accountable = partyList(l.accountable, lookup, notProvider) || 'nobody named';
      const responsible = partyList(l.responsible, lookup, notProvider) || 'nobody named';
      return `${parts.join('; ')}. Accountable: ${accountable}. Responsible: ${responsible}.`;
    });
}

/** One line per layer the provider carries or shares. */
export function providerLayerLines(control: DerivedControl): string[] {
  return control.layers
    .filter((l) => providerCells(l) > 0)
    .map((l) => {
      const shared = l.shared + l.sharedThirdParty;
      const all = providerCells(l) === knownCells(l) && shared === 0;
      const where = all ? (knownCells(l) === 1 ? 'on the one asset' : `on all ${plural(knownCells(l), 'asset')}`) : `on ${providerCells(l).toLocaleString('en-GB')} of ${plural(knownCells(l), 'asset')}`;
      return `${l.providerName} carries ${l.title} ${where}${shared > 0 ? ` (shared on ${shared.toLocaleString('en-GB')})` : ''}.`;
    });
}

/** The providers taking part, by name, in first-met order. */
export function providerNames(control: DerivedControl): string[] {
  return [...new Set(control.layers.filter((l) => providerCells(l) > 0).map((l) => l.providerName))];
}

/** Why a control has no ownership in this scope. */
export function notDerivedText(control: DerivedControl, modelName: (id: string) => string): string {
  const reasons: string[] = [];
  if (control.layers.length === 0 && control.uncoveredModels.length === 0) reasons.push('no asset in scope');
  if (control.uncoveredModels.length > 0) {
    reasons.push(`${control.uncoveredModels.map(modelName).join(', ')} has no layer for ${control.line.layers?.join(', ') ?? 'it'}: bind one in the control mapping`);
  }
  if (control.unknown > 0) reasons.push(`${plural(control.unknown, 'asset layer')} in scope ${control.unknown === 1 ? 'has' : 'have'} no service model: classify the assets`);
  return `Not derived: ${reasons.join('; ') || 'nothing in scope says who carries it'}.`;
}

/** An organisational control in words. */
export function organisationalText(control: DerivedControl): string {
  return `Organisational: the customer's own, whatever the cloud. ${control.line.reason}`;
}

/** A note for controls some of whose assets could not be counted (unclassified, or a model without the layer). */
export function partialNote(control: DerivedControl, modelName: (id: string) => string): string | null {
  if (control.ownership === 'undetermined' || control.organisational) return null;
  const notes: string[] = [];
  if (control.unknown > 0) notes.push(`${plural(control.unknown, 'asset layer')} with no service model not counted`);
  if (control.uncoveredModels.length > 0) notes.push(`assets of ${control.uncoveredModels.map(modelName).join(', ')} not counted (no layer bound)`);
  return notes.length === 0 ? null : `(${notes.join('; ')}.)`;
}
