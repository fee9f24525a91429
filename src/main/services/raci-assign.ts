/**
 * Setting the explicit RACI of one asset × layer. The core's validateRaci judges the layer as it
 * would be after the write. An edit must not break a rule that held, and what it touches must be
 * right; a rule already broken by roles the edit leaves alone (say, an owner who left) does not
 * block fixing another role, or a layer could only be repaired all at once.
 */
import { RACI_ROLE_NAMES, validateRaci } from '@core/raci';
import type { AssetDetail } from '@shared/contract/engine';
import type { ParsedInput } from '@shared/contract';
import { RACI_ROLES, type RaciAssignment } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { assetDetail, raciContext } from '../engine/query';
import type { OpenWorkbook, ServiceContext } from './context';
import { requireAsset } from '../engine/state';
import { writeEdit } from './history';

/** Replaces the explicit parties of the given roles; [] returns a role to its default. */
export function setRaci(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: ParsedInput<'raci.set'>
): AssetDetail {
  const state = wb.engine.state(ctx);
  const asset = requireAsset(state, input.assetId);
  const raciCtx = raciContext(state, asset);
  const layer = raciCtx.model.layers.find((l) => l.id === input.layerId);
  if (layer === undefined) {
    throw new DemarcError('NOT_FOUND', `The model "${raciCtx.model.name}" has no layer "${input.layerId}" (its layers: ${raciCtx.model.layers.map((l) => l.id).join(', ')}).`);
  }
  const touched = RACI_ROLES.filter((role) => input.roles[role] !== undefined);
  if (touched.length === 0) throw new DemarcError('INVALID_INPUT', 'roles: name at least one of R, A, C, I.');
  const current = (state.assignmentsByAsset.get(asset.id) ?? []).filter((a) => a.layerId === layer.id);
  const kept = current.filter((a) => !touched.includes(a.role));
  const added: RaciAssignment[] = touched.flatMap((role) =>
    [...new Set(input.roles[role])].map((partyId) => ({ assetId: asset.id, layerId: layer.id, partyId, role }))
  );
  const next = [...kept, ...added];
  const validation = { ...raciCtx, asset, overridesForAsset: state.overridesByAsset.get(asset.id) ?? [] };
  const before = validateRaci(validation, layer.id, current);
  const heldBefore = (rule: string, partyId: number | null) => before.some((e) => e.rule === rule && e.partyId === partyId);
  const broken = validateRaci(validation, layer.id, next).filter((e) => (e.role !== null && touched.includes(e.role)) || !heldBefore(e.rule, e.partyId));
  if (broken.length > 0) {
    throw new DemarcError('RULE_VIOLATION', `Refused on "${layer.title}" of ${asset.name}: ${broken.map((e) => e.message).join(' ')}`, { rules: broken });
  }
  const nameOf = (id: number) => state.partyById.get(id)?.name ?? `party #${id}`;
  const describe = touched
    .map((role) => {
      const ids = input.roles[role] ?? [];
      return `${RACI_ROLE_NAMES[role]}: ${ids.length ? ids.map(nameOf).join(', ') : 'default'}`;
    })
    .join('; ');
  const removed = current.filter((a) => touched.includes(a.role));
  writeEdit(wb, ctx, {
    action: 'raci.set',
    entity: 'asset',
    entityId: String(asset.id),
    summary: `RACI of "${layer.title}" on ${asset.name}: ${describe}`,
    forward: [
      { op: 'deleteAssignments', rows: removed },
      { op: 'putAssignments', rows: added }
    ],
    backward: [
      { op: 'deleteAssignments', rows: added },
      { op: 'putAssignments', rows: removed }
    ],
    before: current,
    after: next
  });
  return assetDetail(wb, ctx, asset.id);
}
