/**
 * Responsibility models: the built-in ones and those a user imported into the workbook.
 * An imported file is checked by the core's parseModel, and refused with every problem located
 * by file name and JSON path.
 */
import { alignLayers, compareModels, getCell, ModelError, parseModel } from '@core/models';
import { fallbackModelId, readModelId } from '@core/model-references';
import { serviceModelColumns } from '@core/service-models';
import type { ModelComparison, ModelSummary } from '@shared/contract/engine';
import type { ResponsibilityModel } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { OpenWorkbook, ServiceContext } from './context';
import { type EngineState } from '../engine/state';
import { write } from './write';
import { readJsonFile } from './json-file';
import { insertCustomModel } from '../store/repos/custom-models';

function summary(state: EngineState, model: ResponsibilityModel): ModelSummary {
  const defaultId = state.input.settings.defaultModelId;
  let assetCount = 0;
  for (const a of state.input.assets) if (readModelId(a, state.input.settings, state.input.models) === model.id) assetCount++;
  return {
    id: model.id,
    name: model.name,
    version: model.version,
    source: model.source,
    builtin: state.builtinIds.has(model.id),
    isDefault: model.id === defaultId,
    fallback: model.id === fallbackModelId(state.input.settings, state.input.models),
    providers: Object.entries(state.input.settings.modelByProvider)
      .filter(([, id]) => id === model.id)
      .map(([provider]) => provider)
      .sort(),
    serviceModels: serviceModelColumns(model),
    assetCount
  };
}

/** The model with this id, or NOT_FOUND naming the ones there are. */
export function requireModel(state: EngineState, id: string): ResponsibilityModel {
  const model = state.input.models[id];
  if (model === undefined) {
    throw new DemarcError('NOT_FOUND', `No responsibility model has id "${id}" (available: ${Object.keys(state.input.models).join(', ')}).`);
  }
  return model;
}

/** Built-in models first, then imported ones, each with how many assets use it. */
export function listModels(wb: OpenWorkbook, ctx: ServiceContext): ModelSummary[] {
  const state = wb.engine.state(ctx);
  return Object.values(state.input.models)
    .map((m) => summary(state, m))
    .sort((a, b) => Number(b.builtin) - Number(a.builtin) || (a.id < b.id ? -1 : 1));
}

export function getModel(wb: OpenWorkbook, ctx: ServiceContext, id: string): ResponsibilityModel {
  return requireModel(wb.engine.state(ctx), id);
}

/** Two models side by side, layer rows aligned (renames matched), each cell flagged if it differs. */
export function compareTwoModels(wb: OpenWorkbook, ctx: ServiceContext, aId: string, bId: string): ModelComparison {
  const state = wb.engine.state(ctx);
  const a = requireModel(state, aId);
  const b = requireModel(state, bId);
  const rows = alignLayers(a, b).map(({ from, to }) => ({
    aLayerId: from?.id ?? null,
    bLayerId: to?.id ?? null,
    aTitle: from?.title ?? null,
    bTitle: to?.title ?? null,
    // Every column of either model (a's order, then b's own): a column one model lacks has no cell there.
    cells: [...a.serviceModels, ...b.serviceModels.filter((sm) => !a.serviceModels.includes(sm))].map((serviceModel) => {
      const left = from === null ? null : (getCell(a, from.id, serviceModel)?.responsibility ?? null);
      const right = to === null ? null : (getCell(b, to.id, serviceModel)?.responsibility ?? null);
      return { serviceModel, a: left, b: right, differs: left !== right };
    })
  }));
  return { a: summary(state, a), b: summary(state, b), rows, differenceCount: compareModels(a, b).length };
}

/** Reads, checks and stores a custom model file; null when the user cancels the dialog. */
export function importModel(wb: OpenWorkbook, ctx: ServiceContext, path: string): ModelSummary {
  const { fileName, json } = readJsonFile(path);
  let model: ResponsibilityModel;
  try {
    model = parseModel(json, fileName);
  } catch (error) {
    if (error instanceof ModelError) throw new DemarcError('BAD_FILE', error.message, { problems: error.problems });
    throw error;
  }
  const state = wb.engine.state(ctx);
  if (state.builtinIds.has(model.id)) {
    throw new DemarcError('ALREADY_EXISTS', `${fileName}: the id "${model.id}" belongs to a built-in model; give the imported model its own id.`);
  }
  if (state.input.models[model.id] !== undefined) {
    throw new DemarcError('ALREADY_EXISTS', `${fileName}: a model with id "${model.id}" is already in this workbook.`);
  }
  write(wb, ctx, (at, actor) => {
    insertCustomModel(wb.db, { id: model.id, version: model.version, json: JSON.stringify(model) }, at, actor);
    return {
      result: undefined,
      change: { action: 'models.import', entity: 'model', entityId: model.id, summary: `Imported model ${model.name} (${model.id}, version ${model.version}) from ${fileName}`, after: { id: model.id, version: model.version } },
      touched: { models: true }
    };
  });
  return summary(wb.engine.state(ctx), model);
}
