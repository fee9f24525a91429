/**
 * One asset as the asset panel shows it, read from a loaded state (the workbook's, or as it was:
 * as-of.ts): its layers with responsibility, R/A/C/I in force, rule errors, notes and findings.
 */
import { deriveResponsibility } from '@core/derive';
import { effectiveRaci, validateRaci, type RaciContext } from '@core/raci';
import { missingModel } from '@core/model-references';
import { matchSecurityTool } from '@core/security-tools';
import { serviceModelColumns } from '@core/service-models';
import type { AssetDetail, AssetLayerDetail } from '@shared/contract/engine';
import { RACI_ROLES, SEVERITIES, type Asset, type RaciRole } from '@shared/domain';
import type { OpenWorkbook, ServiceContext } from '../services/context';
import { modelOf, requireAsset, type EngineState } from './state';

/** A RACI context per model, reused within one state (raci.ts caches lookups per object). */
export function raciContext(state: EngineState, asset: Pick<Asset, 'modelId' | 'provider'>): RaciContext {
  const model = modelOf(state, asset);
  const key = `raci:${model.id}`;
  let ctx = state.memo.get(key) as RaciContext | undefined;
  if (ctx === undefined) {
    ctx = { model, parties: state.input.parties, settings: state.input.settings };
    state.memo.set(key, ctx);
  }
  return ctx;
}

/** Everything the asset panel shows about one asset. */
export function assetDetail(wb: OpenWorkbook, ctx: ServiceContext, id: number): AssetDetail {
  return assetDetailOf(wb.engine.state(ctx), id);
}

/** Everything the asset panel shows about one asset of a loaded state. */
export function assetDetailOf(state: EngineState, id: number): AssetDetail {
  const asset = requireAsset(state, id);
  const raciCtx = raciContext(state, asset);
  const model = raciCtx.model;
  const overrides = state.overridesByAsset.get(id) ?? [];
  const assignments = state.assignmentsByAsset.get(id) ?? [];
  const notes = state.notesByAsset.get(id) ?? [];
  const nameOf = (partyId: number) => state.partyById.get(partyId)?.name ?? `party #${partyId}`;
  const derived = deriveResponsibility(asset, model, overrides);
  const layers: AssetLayerDetail[] = derived.map((layer, i) => {
    const meta = model.layers[i]!;
    const override = layer.overridden ? overrides.find((o) => o.layerId === layer.layerId) : undefined;
    const note = notes.find((n) => n.layerId === layer.layerId);
    const onLayer = assignments.filter((a) => a.layerId === layer.layerId);
    const raci = effectiveRaci(raciCtx, layer, asset.ownerPartyId, onLayer);
    const names = Object.fromEntries(RACI_ROLES.map((role) => [role, raci[role].map(nameOf)])) as Record<
      RaciRole,
      string[]
    >;
    const ruleErrors = validateRaci(
      { ...raciCtx, asset, overridesForAsset: overrides },
      layer.layerId,
      onLayer
    ).map((e) => ({
      rule: e.rule,
      message: e.message
    }));
    return {
      layerId: layer.layerId,
      title: meta.title,
      description: meta.description,
      permanentCustomer: meta.permanentCustomer,
      published: layer.published,
      responsibility: layer.responsibility,
      overridden: layer.overridden,
      justification: layer.justification,
      overrideBy: override?.by ?? null,
      overrideAt: override?.at ?? null,
      note: note ? { text: note.note, by: note.by, at: note.at } : null,
      operatedBy: layer.operatedBy,
      raci,
      names,
      ruleErrors
    };
  });
  const findings = [...(state.findingsByAsset.get(id) ?? [])].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
  );
  const tool = matchSecurityTool(asset);
  return {
    asset: { ...asset, tags: { ...asset.tags }, extra: { ...asset.extra } },
    owner: asset.ownerPartyId === null ? null : (state.partyById.get(asset.ownerPartyId) ?? null),
    model: { id: model.id, name: model.name, version: model.version, serviceModels: serviceModelColumns(model), own: asset.modelId !== null, missing: missingModel(asset, state.input.settings, state.input.models) },
    classification: {
      reason: asset.classificationReason,
      confidence: asset.classificationConfidence,
      needsReview: asset.needsReview
    },
    securityTool: tool?.label ?? null,
    layers,
    findings
  };
}
