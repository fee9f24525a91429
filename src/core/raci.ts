/**
 * RACI on the customer side of each asset × layer. Defaults follow the responsibility (provider
 * layers: the provider; customer layers: the owner or the layer's default team; shared: both),
 * and are recomputed whenever the owner changes; an explicit assignment replaces the default for
 * its role only, so naming a Responsible does not silently drop the default Accountable.
 */
import {
  RACI_ROLES,
  type Asset,
  type LayerOverride,
  type LayerRaci,
  type LayerResponsibility,
  type Party,
  type RaciAssignment,
  type RaciRole,
  type Responsibility,
  type ResponsibilityModel,
  type WorkbookSettings
} from '@shared/domain';
import { deriveResponsibility } from './derive';

export const RACI_ROLE_NAMES: Record<RaciRole, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed'
};

/**
 * What RACI defaults need: the model, the workbook's parties and its default team per layer.
 * Its parties list and model are treated as immutable: lookups derived from them are cached per
 * (parties array, model) pair, so pass a new parties array after parties change.
 */
/** Whether the customer carries some of a layer (customer or shared): RACI is owed there. */
export function isCustomerSide(responsibility: Responsibility): boolean {
  return responsibility === 'customer' || responsibility === 'shared';
}

/**
 * A customer-side layer is fully assigned when exactly one active party is Accountable and at
 * least one active party is Responsible (the dashboard's completeness; findings name each gap).
 */
export function isLayerComplete(raci: Pick<LayerRaci, 'A' | 'R'>, isActive: (partyId: number) => boolean): boolean {
  return raci.A.length === 1 && raci.A.every(isActive) && raci.R.some(isActive);
}

export interface RaciContext {
  model: ResponsibilityModel;
  parties: readonly Party[];
  settings: Pick<WorkbookSettings, 'defaultTeamPerLayer'>;
}

/** A RaciContext plus the asset whose layer is being checked. */
export interface RaciValidationContext extends RaciContext {
  asset: Pick<Asset, 'serviceModel' | 'ownerPartyId'>;
  overridesForAsset: readonly LayerOverride[];
}

export type RaciRule =
  | 'UNKNOWN_LAYER'
  | 'WRONG_LAYER'
  | 'UNKNOWN_PARTY'
  | 'INACTIVE_PARTY'
  | 'ONE_ACCOUNTABLE'
  | 'NEEDS_RESPONSIBLE'
  | 'PROVIDER_ACCOUNTABLE_ON_PERMANENT_LAYER';

export interface RaciRuleError {
  rule: RaciRule;
  message: string;
  partyId: number | null;
  role: RaciRole | null;
}

/**
 * Maps each model party (e.g. `provider` → "Microsoft") to the workbook party of kind provider or
 * third_party with the same name, case-insensitively; an active match wins over an inactive one,
 * then the lowest id. Unmatched model parties map to null, and their defaults stay empty.
 */
export function resolveModelParties(model: ResponsibilityModel, parties: readonly Party[]): Map<string, number | null> {
  const resolved = new Map<string, number | null>();
  for (const modelParty of model.parties) {
    const name = modelParty.name.toLowerCase();
    let best: Party | null = null;
    for (const party of parties) {
      if (party.kind !== 'provider' && party.kind !== 'third_party') continue;
      if (party.name.toLowerCase() !== name) continue;
      if (best === null || (party.active && !best.active) || (party.active === best.active && party.id < best.id)) {
        best = party;
      }
    }
    resolved.set(modelParty.id, best?.id ?? null);
  }
  return resolved;
}

/** The model's provider party as a workbook party id, or null when the workbook has none. */
export function resolveProviderParty(model: ResponsibilityModel, parties: readonly Party[]): number | null {
  const providerId = model.parties.find((p) => p.kind === 'provider')?.id;
  return providerId === undefined ? null : (resolveModelParties(model, parties).get(providerId) ?? null);
}

/**
 * The customer party by default for a layer: the workbook's default team for that layer if it
 * names an existing party, otherwise the asset owner.
 */
export function defaultCustomerParty(
  layerId: string,
  ownerPartyId: number | null,
  settings: Pick<WorkbookSettings, 'defaultTeamPerLayer'>,
  partyExists: (id: number) => boolean
): number | null {
  const team = settings.defaultTeamPerLayer[layerId];
  return team !== undefined && partyExists(team) ? team : ownerPartyId;
}

interface ContextLookups {
  modelParties: Map<string, number | null>;
  provider: number | null;
  exists: (id: number) => boolean;
}

// The parties list and the model are plain data the caller does not mutate; deriving their
// lookups once per (parties, model) pair keeps a 100k-asset report linear instead of
// re-resolving parties on every layer, even when callers spread a context into a new object.
const lookupCache = new WeakMap<readonly Party[], WeakMap<ResponsibilityModel, ContextLookups>>();

function lookupsOf(ctx: RaciContext): ContextLookups {
  let byModel = lookupCache.get(ctx.parties);
  if (byModel === undefined) {
    byModel = new WeakMap();
    lookupCache.set(ctx.parties, byModel);
  }
  let lookups = byModel.get(ctx.model);
  if (lookups === undefined) {
    const modelParties = resolveModelParties(ctx.model, ctx.parties);
    const providerKey = ctx.model.parties.find((p) => p.kind === 'provider')?.id;
    const ids = new Set(ctx.parties.map((p) => p.id));
    lookups = {
      modelParties,
      provider: providerKey === undefined ? null : (modelParties.get(providerKey) ?? null),
      exists: (id) => ids.has(id)
    };
    byModel.set(ctx.model, lookups);
  }
  return lookups;
}

const pushUnique = (list: number[], id: number | null | undefined): void => {
  if (id !== null && id !== undefined && !list.includes(id)) list.push(id);
};

/**
 * The computed default RACI of one layer (every role listed in defaultRoles).
 * @param layer the derived responsibility of the layer (see deriveResponsibility)
 */
export function defaultRaci(
  ctx: RaciContext,
  layer: Pick<LayerResponsibility, 'layerId' | 'responsibility' | 'operatedBy'>,
  ownerPartyId: number | null
): LayerRaci {
  const raci: LayerRaci = { layerId: layer.layerId, R: [], A: [], C: [], I: [], defaultRoles: [...RACI_ROLES] };
  if (layer.responsibility === 'unknown') return raci;
  const { modelParties, provider, exists } = lookupsOf(ctx);
  const operator = layer.operatedBy === null ? null : (modelParties.get(layer.operatedBy) ?? null);
  const customer = defaultCustomerParty(layer.layerId, ownerPartyId, ctx.settings, exists);

  if (layer.responsibility === 'provider') {
    pushUnique(raci.R, provider);
    pushUnique(raci.A, provider);
    pushUnique(raci.I, ownerPartyId);
  } else if (layer.responsibility === 'customer') {
    pushUnique(raci.R, customer);
    pushUnique(raci.A, customer);
  } else {
    pushUnique(raci.R, provider);
    pushUnique(raci.R, customer);
    pushUnique(raci.A, customer);
  }
  // A third party operating the layer does the work; accountability stays where it was.
  pushUnique(raci.R, operator);
  return raci;
}

/**
 * The RACI in force on one layer: per role, the explicit assignments if the layer has any for
 * that role, otherwise the default. Explicit party ids come sorted ascending.
 * @param assignmentsForLayer this asset's assignments on this layer
 */
export function effectiveRaci(
  ctx: RaciContext,
  layer: Pick<LayerResponsibility, 'layerId' | 'responsibility' | 'operatedBy'>,
  ownerPartyId: number | null,
  assignmentsForLayer: readonly RaciAssignment[]
): LayerRaci {
  const raci = defaultRaci(ctx, layer, ownerPartyId);
  const explicit: Record<RaciRole, number[]> = { R: [], A: [], C: [], I: [] };
  for (const a of assignmentsForLayer) if (a.layerId === layer.layerId) pushUnique(explicit[a.role], a.partyId);
  for (const role of RACI_ROLES) {
    if (explicit[role].length === 0) continue;
    raci[role] = explicit[role].sort((x, y) => x - y);
  }
  raci.defaultRoles = RACI_ROLES.filter((role) => explicit[role].length === 0);
  return raci;
}

/**
 * Checks the RACI of one asset × layer as it would be after writing `assignmentsForLayer`
 * (the layer's complete explicit set). Counts of A and R are checked on the effective RACI
 * (explicit plus defaults); party existence and activity on the explicit assignments only, so an
 * inactive default owner is a finding, not a reason to refuse an unrelated edit.
 * @returns every broken rule with a message; empty when the layer is fine
 */
export function validateRaci(
  ctx: RaciValidationContext,
  layerId: string,
  assignmentsForLayer: readonly RaciAssignment[]
): RaciRuleError[] {
  const errors: RaciRuleError[] = [];
  const layer = ctx.model.layers.find((l) => l.id === layerId);
  if (layer === undefined) {
    return [{ rule: 'UNKNOWN_LAYER', message: `The model "${ctx.model.name}" has no layer "${layerId}".`, partyId: null, role: null }];
  }
  const byId = new Map(ctx.parties.map((p) => [p.id, p]));
  const nameOf = (id: number): string => byId.get(id)?.name ?? `party #${id}`;

  for (const a of assignmentsForLayer) {
    const party = byId.get(a.partyId);
    const role = RACI_ROLE_NAMES[a.role];
    if (a.layerId !== layerId) {
      errors.push({ rule: 'WRONG_LAYER', message: `An assignment for layer "${a.layerId}" was given while checking "${layerId}".`, partyId: a.partyId, role: a.role });
    } else if (party === undefined) {
      errors.push({ rule: 'UNKNOWN_PARTY', message: `Party #${a.partyId} does not exist, so it cannot be ${role} on "${layer.title}".`, partyId: a.partyId, role: a.role });
    } else if (!party.active) {
      errors.push({ rule: 'INACTIVE_PARTY', message: `${party.name} is no longer active (left${party.leftAt === null ? '' : ` ${party.leftAt}`}) and cannot be ${role} on "${layer.title}".`, partyId: party.id, role: a.role });
    }
  }

  const derived = deriveResponsibility(ctx.asset, ctx.model, ctx.overridesForAsset).find((l) => l.layerId === layerId);
  if (derived === undefined) return errors;
  const raci = effectiveRaci(ctx, derived, ctx.asset.ownerPartyId, assignmentsForLayer);
  const customerSide = isCustomerSide(derived.responsibility);

  if (raci.A.length > 1 || (customerSide && raci.A.length === 0)) {
    const who = raci.A.length === 0 ? 'nobody is' : `${raci.A.length} are named (${raci.A.map(nameOf).join(', ')})`;
    errors.push({ rule: 'ONE_ACCOUNTABLE', message: `"${layer.title}" needs exactly one Accountable; ${who}.`, partyId: null, role: 'A' });
  }
  if (customerSide && !raci.R.some((id) => byId.get(id)?.kind !== 'provider')) {
    errors.push({
      rule: 'NEEDS_RESPONSIBLE',
      message: `"${layer.title}" is ${derived.responsibility === 'shared' ? 'shared' : 'a customer layer'}: it needs at least one Responsible on the customer side (the provider alone does not count).`,
      partyId: null,
      role: 'R'
    });
  }
  if (layer.permanentCustomer) {
    for (const id of raci.A) {
      if (byId.get(id)?.kind !== 'provider') continue;
      errors.push({
        rule: 'PROVIDER_ACCOUNTABLE_ON_PERMANENT_LAYER',
        message: `${nameOf(id)} is the provider and cannot be Accountable for "${layer.title}": this duty always stays with the customer, whatever was bought.`,
        partyId: id,
        role: 'A'
      });
    }
  }
  return errors;
}
