/** What a party may do, decided once: services, findings and (through the contract) the renderer ask here. */
import type { Party } from '@shared/domain';

/**
 * Who may own an asset or watch a security tool: an active person or team. A provider or a third
 * party never owns: ownership is the customer's, and naming the provider is the very mistake
 * the product exists to catch.
 */
export function canOwn(party: Pick<Party, 'kind' | 'active'>): boolean {
  return party.active && (party.kind === 'person' || party.kind === 'team');
}

/** Why a party cannot own assets, in words for the user, or null when it can. */
export function ownerRefusal(party: Pick<Party, 'name' | 'kind' | 'active' | 'leftAt'>): string | null {
  if (!party.active) {
    return `${party.name} is no longer active${party.leftAt ? ` (left ${party.leftAt.slice(0, 10)})` : ''} and cannot own assets. Choose an active person or team.`;
  }
  if (party.kind === 'provider' || party.kind === 'third_party') {
    const what = party.kind === 'provider' ? 'the cloud provider' : 'a third party';
    return `${party.name} is ${what}: an asset's owner is an active person or team on the customer side, who stays accountable whatever the provider runs.`;
  }
  return null;
}

/** Who may be a layer's default team: a person or team of the workbook (active or not: a leaver shows as a finding). */
export function canBeDefaultTeam(party: Pick<Party, 'kind'>): boolean {
  return party.kind === 'person' || party.kind === 'team';
}

/** Why a party cannot sign off, in words for the user, or null when it can: an active person, or a team (signed by its representative). */
export function signOffRefusal(party: Pick<Party, 'name' | 'kind' | 'active' | 'leftAt'>): string | null {
  if (!party.active) return `${party.name} is no longer active${party.leftAt ? ` (left ${party.leftAt.slice(0, 10)})` : ''} and cannot sign off. Choose an active person or team.`;
  if (party.kind === 'provider' || party.kind === 'third_party') {
    return `${party.name} is ${party.kind === 'provider' ? 'the cloud provider' : 'a third party'}: a sign-off is the customer's own statement, by an active person or team.`;
  }
  return null;
}
