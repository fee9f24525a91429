/**
 * The OSCAL SSP's roles and parties: the organisation, the providers, and every workbook party
 * named Accountable or Responsible on a customer-side layer. A party's uuid derives from the
 * workbook id and the party's workbook id, so it is the same in every export of the workbook.
 */
import type { PartyCount } from './ownership';
import type { PartyLookup } from './ownership-text';

/** The roles the SSP uses. OSCAL has no RACI: the raci-* roles are Demarc's own. */
export const ROLES = {
  owner: 'system-owner',
  accountable: 'raci-accountable',
  responsible: 'raci-responsible',
  provider: 'cloud-service-provider'
} as const;

const ROLE_TITLES: Record<string, string> = {
  [ROLES.owner]: 'System Owner',
  [ROLES.accountable]: 'Accountable (RACI)',
  [ROLES.responsible]: 'Responsible (RACI)',
  [ROLES.provider]: 'Cloud Service Provider'
};

export interface ResponsibleRole {
  'role-id': string;
  'party-uuids': string[];
}

/** Responsible roles from (role, party uuids) pairs: one entry per role, parties de-duplicated, empty roles dropped. */
export function roleEntries(pairs: readonly [string, readonly string[]][]): ResponsibleRole[] {
  const byRole = new Map<string, string[]>();
  for (const [role, uuids] of pairs) {
    const list = byRole.get(role) ?? [];
    for (const uuid of uuids) if (!list.includes(uuid)) list.push(uuid);
    byRole.set(role, list);
  }
  return [...byRole].filter(([, uuids]) => uuids.length > 0).map(([role, uuids]) => ({ 'role-id': role, 'party-uuids': uuids }));
}

interface OscalParty {
  uuid: string;
  type: 'person' | 'organization';
  name: string;
}

export class OscalParties {
  private readonly parties = new Map<string, OscalParty>();

  constructor(
    private readonly uuidOf: (...parts: string[]) => string,
    private readonly lookup: PartyLookup,
    private readonly organisationName: string
  ) {}

  private add(key: string, type: OscalParty['type'], name: string): string {
    const existing = this.parties.get(key);
    if (existing !== undefined) return existing.uuid;
    const uuid = this.uuidOf('party', key);
    this.parties.set(key, { uuid, type, name });
    return uuid;
  }

  organisation(): string {
    return this.add('organisation', 'organization', this.organisationName);
  }

  /** A workbook party (person → person; team, provider, third party → organization). */
  workbookParty(partyId: number): string | null {
    const party = this.lookup(partyId);
    if (party === undefined) return null;
    return this.add(`workbook-party:${partyId}`, party.kind === 'person' ? 'person' : 'organization', party.name);
  }

  /** A model's provider: its workbook party when the workbook has one, else a party of the model. */
  provider(modelId: string, name: string, workbookPartyId: number | null): string {
    const known = workbookPartyId === null ? null : this.workbookParty(workbookPartyId);
    return known ?? this.add(`model-provider:${modelId}`, 'organization', name);
  }

  /** The uuids of the customer-side parties among `counts` (providers left out). */
  customerSide(counts: readonly PartyCount[]): string[] {
    return counts.flatMap((c) => (this.lookup(c.partyId)?.kind === 'provider' ? [] : [this.workbookParty(c.partyId) ?? []].flat()));
  }

  roles(): { id: string; title: string }[] {
    return Object.values(ROLES).map((id) => ({ id, title: ROLE_TITLES[id] ?? id }));
  }

  /** Every party referenced so far, the organisation first. */
  list(): OscalParty[] {
    this.organisation();
    return [...this.parties.values()];
  }
}
