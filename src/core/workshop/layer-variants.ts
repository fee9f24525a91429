/**
 * How the assets of a decision group hold one layer now: responsibility (with any override) and
 * the RACI in force, gathered into variants with their counts. A group made by the grouping has
 * one variant; a merged group, or one edited outside the workshop since it started, can have more.
 */
import { RACI_ROLES, type Asset, type LayerOverride, type RaciAssignment, type RaciRole } from '@shared/domain';
import type { RaciVariant } from '@shared/workshop';
import { deriveResponsibility } from '../derive';
import type { RowsByAsset } from '../engine-index';
import { RACI_ROLE_NAMES, effectiveRaci, type RaciContext } from '../raci';

export interface VariantInput {
  raci: RaciContext;
  assets: readonly Asset[];
  layerId: string;
  overridesByAsset: RowsByAsset<LayerOverride>;
  assignmentsByAsset: RowsByAsset<RaciAssignment>;
  partyName: (partyId: number) => string;
}

/** The variants, most assets first. Assets with the same inputs to the layer are derived once. */
export function layerVariants(input: VariantInput): RaciVariant[] {
  const byInputs = new Map<string, RaciVariant>();
  const byResult = new Map<string, RaciVariant>();
  for (const asset of input.assets) {
    const overrides = input.overridesByAsset.get(asset.id) ?? [];
    const override = overrides.find((o) => o.layerId === input.layerId);
    const assignments = (input.assignmentsByAsset.get(asset.id) ?? []).filter((a) => a.layerId === input.layerId);
    const inputsKey = [asset.serviceModel, asset.ownerPartyId, override?.responsibility, override?.justification, assignments.map((a) => `${a.role}${a.partyId}`).sort().join()].join('|');
    let variant = byInputs.get(inputsKey);
    if (variant === undefined) {
      const derived = deriveResponsibility(asset, input.raci.model, override === undefined ? [] : [override]).find((l) => l.layerId === input.layerId);
      if (derived === undefined) continue;
      const raci = effectiveRaci(input.raci, derived, asset.ownerPartyId, assignments);
      const roles = Object.fromEntries(RACI_ROLES.map((role) => [role, raci[role].map((partyId) => ({ partyId, name: input.partyName(partyId) }))])) as RaciVariant['roles'];
      const candidate: RaciVariant = {
        assets: 0,
        responsibility: derived.responsibility,
        override: override === undefined ? null : { responsibility: override.responsibility, justification: override.justification },
        roles,
        defaultRoles: raci.defaultRoles
      };
      const resultKey = JSON.stringify({ ...candidate, assets: 0 });
      variant = byResult.get(resultKey) ?? candidate;
      byResult.set(resultKey, variant);
      byInputs.set(inputsKey, variant);
    }
    variant.assets++;
  }
  return [...byResult.values()].sort((a, b) => b.assets - a.assets);
}

const roleText = (variant: RaciVariant, role: RaciRole): string => {
  const names = variant.roles[role].map((p) => p.name);
  const text = names.length === 0 ? 'nobody' : names.join(', ');
  return `${role}: ${text}${variant.defaultRoles.includes(role) && names.length > 0 ? ' (default)' : ''}`;
};

/** "customer · R: Ops (default); A: Ana; C: nobody; I: nobody" — a variant in one line. */
export function variantText(variant: RaciVariant): string {
  const override = variant.override === null ? '' : ` (overridden: ${variant.override.justification})`;
  return `${variant.responsibility}${override} · ${RACI_ROLES.map((role) => roleText(variant, role)).join('; ')}`;
}

/** The variants of a group in one line each, with counts when there are several. */
export function variantsText(variants: readonly RaciVariant[]): string {
  if (variants.length === 1) return variantText(variants[0]!);
  return variants.map((v) => `${v.assets} assets: ${variantText(v)}`).join(' | ');
}

/** Roles as a decision names them: "A: Ana; R: Ops, Net" (an empty role returns to its default). */
export function rolesText(roles: Partial<Record<RaciRole, readonly number[]>>, partyName: (id: number) => string): string {
  return RACI_ROLES.filter((role) => roles[role] !== undefined)
    .map((role) => {
      const ids = roles[role] ?? [];
      return `${RACI_ROLE_NAMES[role]}: ${ids.length === 0 ? 'default' : ids.map(partyName).join(', ')}`;
    })
    .join('; ');
}
