/**
 * The report as it was built before it streamed (train-d at 123167e, src/core/report.ts: with layer
 * notes, the damaged-model fallback and issue 20's per-asset fields — other columns, not seen in the
 * last import, the classifier's reason and confidence): the whole workbook in, one Report object out.
 * Kept frozen as the reference the streaming report is compared with, byte for byte, on seeded
 * workbooks (tests/main/services/report-stream.test.ts).
 */
import {
  RACI_ROLES,
  type Asset,
  type Party,
  type RaciRole,
  type ResponsibilityModel
} from '@shared/domain';
import {
  REPORT_FORMAT_VERSION,
  type Report,
  type ReportAsset,
  type ReportModel,
  type ReportModelLayer,
  type ReportParty
} from '@shared/report';
import { deriveResponsibility } from '@core/derive';
import type { EngineInput } from '@core/engine-input';
import { groupByAsset, indexEngineInput } from '@core/engine-index';
import { computeFindings } from '@core/findings';
import { getCell, getProviderParty } from '@core/model-cells';
import { fallbackModelId, readModelId } from '@core/model-references';
import { serviceModelColumns } from '@core/service-models';
import { effectiveRaci, type RaciContext } from '@core/raci';

export interface ReferenceReportInput extends EngineInput {
  workbookName: string;
  /** The workbook file's format version (not the report's). */
  formatVersion: number;
  lastChangeAt: string | null;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function reportModel(model: ResponsibilityModel): ReportModel {
  const layers: ReportModelLayer[] = model.layers.map((layer) => {
    const cells: ReportModelLayer['cells'] = {};
    for (const serviceModel of model.serviceModels) {
      const cell = getCell(model, layer.id, serviceModel);
      if (cell !== null) cells[serviceModel] = cell.responsibility;
    }
    return { id: layer.id, title: layer.title, description: layer.description, permanentCustomer: layer.permanentCustomer, cells };
  });
  return {
    id: model.id,
    name: model.name,
    version: model.version,
    source: { ...model.source },
    serviceModels: [...model.serviceModels],
    serviceModelLabels: Object.fromEntries(serviceModelColumns(model).map((c) => [c.id, c.label])),
    providerName: getProviderParty(model)?.name ?? '',
    layers
  };
}

/**
 * The ids of the models in use: the workbook default first (the fallback when the default is not
 * in the workbook), then the others assets are read under, by id.
 */
function modelsInUse(input: EngineInput): string[] {
  const first = fallbackModelId(input.settings, input.models);
  const others = new Set<string>();
  for (const asset of input.assets) {
    const id = readModelId(asset, input.settings, input.models);
    if (id !== first) others.add(id);
  }
  return [first, ...[...others].sort(byCodeUnit)];
}

/**
 * Builds the report of a workbook.
 * An asset naming a model the workbook lacks is reported under the model it is read under
 * (readModelId), with its MODEL_MISSING finding.
 * @throws Error if `now` is not a date
 */
export function referenceReport(input: ReferenceReportInput): Report {
  const index = indexEngineInput(input);
  const assets: Asset[] = [...input.assets].sort((a, b) => a.id - b.id);
  const sortedInput: EngineInput = { ...input, assets };

  const models = modelsInUse(input).map((id) => reportModel(input.models[id]!));

  const parties: ReportParty[] = [...input.parties]
    .sort((a, b) => byCodeUnit(a.name, b.name) || a.id - b.id)
    .map((p: Party) => ({ id: p.id, name: p.name, kind: p.kind, active: p.active, leftAt: p.leftAt }));

  const nameOf = (id: number): string => index.partyById.get(id)?.name ?? `party #${id}`;
  const names = (ids: readonly number[]): string[] => ids.map(nameOf).sort(byCodeUnit);
  const contexts = new Map<string, RaciContext>();
  const notes = groupByAsset(input.notes ?? []);

  const reportAssets: ReportAsset[] = assets.map((asset) => {
    const compiled = index.modelFor(asset);
    const model = compiled.model;
    let ctx = contexts.get(model.id);
    if (ctx === undefined) {
      ctx = { model, parties: input.parties, settings: input.settings };
      contexts.set(model.id, ctx);
    }
    const assignments = index.assignmentsByAsset.get(asset.id) ?? [];
    const derived = deriveResponsibility(asset, model, index.overridesByAsset.get(asset.id) ?? []);
    const assetNotes = notes.get(asset.id);
    const layers = derived.map((layer, i) => {
      const raci = effectiveRaci(ctx, layer, asset.ownerPartyId, assignments);
      const defaultRoles: RaciRole[] = RACI_ROLES.filter((r) => raci.defaultRoles.includes(r));
      return {
        layerId: layer.layerId,
        title: compiled.layers[i]?.title ?? layer.layerId,
        responsibility: layer.responsibility,
        published: layer.published,
        overridden: layer.overridden,
        justification: layer.justification,
        note: assetNotes?.find((n) => n.layerId === layer.layerId)?.note ?? null,
        R: names(raci.R),
        A: names(raci.A),
        C: names(raci.C),
        I: names(raci.I),
        defaultRoles
      };
    });
    return {
      id: asset.id,
      externalId: asset.externalId,
      name: asset.name,
      type: asset.type,
      subscription: asset.subscription,
      resourceGroup: asset.resourceGroup,
      location: asset.location,
      tags: { ...asset.tags },
      extra: { ...asset.extra },
      criticality: asset.criticality,
      dataClassification: asset.dataClassification,
      environment: asset.environment,
      serviceModel: asset.serviceModel,
      serviceModelSource: asset.serviceModelSource,
      classificationReason: asset.classificationReason,
      classificationConfidence: asset.classificationConfidence,
      needsReview: asset.needsReview,
      modelId: model.id,
      owner: asset.ownerPartyId === null ? null : nameOf(asset.ownerPartyId),
      lastReviewedAt: asset.lastReviewedAt,
      notSeenInLastImport: asset.notSeenInLastImport,
      layers
    };
  });

  return {
    format: 'demarc-report',
    formatVersion: REPORT_FORMAT_VERSION,
    workbook: {
      name: input.workbookName,
      organisation: input.settings.organisation,
      formatVersion: input.formatVersion,
      defaultModelId: input.settings.defaultModelId,
      reviewPeriodDays: input.settings.reviewPeriodDays,
      lastChangeAt: input.lastChangeAt
    },
    models,
    parties,
    assets: reportAssets,
    findings: computeFindings(sortedInput).map((f) => ({
      code: f.code,
      severity: f.severity,
      assetId: f.assetId,
      asset: f.assetName,
      layerId: f.layerId,
      message: f.message,
      fix: f.fix
    }))
  };
}
