/**
 * Setting the explicit RACI of one asset × layer. The core's validateRaci judges the layer as it
 * would be after the write. An edit must not break a rule that held, and what it touches must be
 * right; a rule already broken by roles the edit leaves alone (say, an owner who left) does not
 * block fixing another role, or a layer could only be repaired all at once.
 */
import { RACI_ROLE_NAMES, validateRaci } from '@core/raci';
import type { AssetDetail } from '@shared/contract/engine';
import type { ParsedInput } from '@shared/contract';
import { RACI_ROLES, type Asset, type RaciAssignment, type RaciRole } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { assetDetail, raciContext } from '../engine/asset-detail';
import type { EngineState } from '../engine/state';
import type { OpenWorkbook, ServiceContext } from './context';
import { requireAsset } from '../engine/state';
import { writeEdit } from './history';

type Roles = ParsedInput<'raci.set'>['roles'];

/** What setting roles on one asset × layer writes: the assignments it removes and adds. */
export interface RaciPlan {
  asset: Asset;
  layerTitle: string;
  current: RaciAssignment[];
  removed: RaciAssignment[];
  added: RaciAssignment[];
  next: RaciAssignment[];
}

/** The roles given (at least one), in R, A, C, I order. */
export function rolesGiven(roles: Roles): RaciRole[] {
  const touched = RACI_ROLES.filter((role) => roles[role] !== undefined);
  if (touched.length === 0) throw new DemarcError('INVALID_INPUT', 'roles: name at least one of R, A, C, I.');
  return touched;
}

/** Why an asset cannot take the roles: its model has no such layer, or the rules it would break. */
export interface RaciRefusalOf {
  layerId: string | null;
  layerTitle: string | null;
  /** The model's or the rules' words. */
  reason: string;
  /** The whole sentence, naming the layer and the asset. */
  message: string;
  rules?: ReturnType<typeof validateRaci>;
}

/** The plan for one asset, or why it is refused (its model has no such layer, or every broken rule). */
export function tryPlanRaci(state: EngineState, asset: Asset, layerId: string, roles: Roles): RaciPlan | { refusal: RaciRefusalOf } {
  const raciCtx = raciContext(state, asset);
  const layer = raciCtx.model.layers.find((l) => l.id === layerId);
  if (layer === undefined) {
    const reason = `The model "${raciCtx.model.name}" has no layer "${layerId}" (its layers: ${raciCtx.model.layers.map((l) => l.id).join(', ')}).`;
    return { refusal: { layerId: null, layerTitle: null, reason, message: reason } };
  }
  const touched = rolesGiven(roles);
  const current = (state.assignmentsByAsset.get(asset.id) ?? []).filter((a) => a.layerId === layer.id);
  const kept = current.filter((a) => !touched.includes(a.role));
  const added: RaciAssignment[] = touched.flatMap((role) =>
    [...new Set(roles[role])].map((partyId) => ({ assetId: asset.id, layerId: layer.id, partyId, role }))
  );
  const next = [...kept, ...added];
  const validation = { ...raciCtx, asset, overridesForAsset: state.overridesByAsset.get(asset.id) ?? [] };
  const before = validateRaci(validation, layer.id, current);
  const heldBefore = (rule: string, partyId: number | null) => before.some((e) => e.rule === rule && e.partyId === partyId);
  const broken = validateRaci(validation, layer.id, next).filter((e) => (e.role !== null && touched.includes(e.role)) || !heldBefore(e.rule, e.partyId));
  if (broken.length > 0) {
    const reason = broken.map((e) => e.message).join(' ');
    return { refusal: { layerId: layer.id, layerTitle: layer.title, reason, message: `Refused on "${layer.title}" of ${asset.name}: ${reason}`, rules: broken } };
  }
  return { asset, layerTitle: layer.title, current, removed: current.filter((a) => touched.includes(a.role)), added, next };
}

/** The plan for one asset, or a DemarcError naming the layer, the asset and every broken rule. */
export function planRaci(state: EngineState, asset: Asset, layerId: string, roles: Roles): RaciPlan {
  const plan = tryPlanRaci(state, asset, layerId, roles);
  if (!('refusal' in plan)) return plan;
  const { refusal } = plan;
  if (refusal.rules === undefined) throw new DemarcError('NOT_FOUND', refusal.message);
  throw new DemarcError('RULE_VIOLATION', refusal.message, { rules: refusal.rules });
}

/** "Responsible: Alice; Accountable: default" — the roles as a change-log summary names them. */
export function describeRoles(state: EngineState, roles: Roles): string {
  const nameOf = (id: number) => state.partyById.get(id)?.name ?? `party #${id}`;
  return rolesGiven(roles)
    .map((role) => {
      const ids = roles[role] ?? [];
      return `${RACI_ROLE_NAMES[role]}: ${ids.length ? ids.map(nameOf).join(', ') : 'default'}`;
    })
    .join('; ');
}

/** Replaces the explicit parties of the given roles; [] returns a role to its default. */
export function setRaci(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: ParsedInput<'raci.set'>
): AssetDetail {
  const state = wb.engine.state(ctx);
  const plan = planRaci(state, requireAsset(state, input.assetId), input.layerId, input.roles);
  writeEdit(wb, ctx, {
    action: 'raci.set',
    entity: 'asset',
    entityId: String(plan.asset.id),
    summary: `RACI of "${plan.layerTitle}" on ${plan.asset.name}: ${describeRoles(state, input.roles)}`,
    forward: [
      { op: 'deleteAssignments', rows: plan.removed },
      { op: 'putAssignments', rows: plan.added }
    ],
    backward: [
      { op: 'deleteAssignments', rows: plan.added },
      { op: 'putAssignments', rows: plan.removed }
    ],
    before: plan.current,
    after: plan.next
  });
  return assetDetail(wb, ctx, plan.asset.id);
}
