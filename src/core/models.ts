/**
 * Responsibility models: published, versioned data (never code). Parsing validates the shape
 * with zod and then the meaning (every cell present, parties declared, permanent layers kept
 * by the customer), so a broken model file is refused with the path of each problem.
 */
import type { z } from 'zod';
import classic2023 from '@resources/models/microsoft-classic-2023.json';
import current2026 from '@resources/models/microsoft-2026-01.json';
import google2023 from '@resources/models/google-cloud-2023-08.json';
import aws2026 from '@resources/models/aws-2026-12.json';
import { ResponsibilityModelSchema, type ResponsibilityModel } from '@shared/domain';
import { normaliseCell } from './model-cells';

export { getCell } from './model-cells';
export { compareModels, alignLayers } from './model-compare';
export { previewModelChange, type ModelChangePreview } from './model-preview';

/** One problem in a model file, located by a JSON path such as `$.cells["customer-data"].saas`. */
export interface ModelProblem {
  path: string;
  message: string;
}

/** A model that failed validation; `message` names the file and the path of every problem. */
export class ModelError extends Error {
  readonly fileName: string;
  readonly problems: readonly ModelProblem[];

  constructor(fileName: string, problems: readonly ModelProblem[]) {
    const lines = problems.map((p) => `  - ${p.path}: ${p.message}`);
    super(`${fileName}: not a valid responsibility model\n${lines.join('\n')}`);
    this.name = 'ModelError';
    this.fileName = fileName;
    this.problems = problems;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as JSON-path text: `$.layers[2].id`, `$.cells["customer-data"].saas`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function zodProblems(error: z.ZodError): ModelProblem[] {
  return error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message }));
}

function pushDuplicates(
  problems: ModelProblem[],
  values: readonly string[],
  pathOf: (index: number) => string,
  what: string
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) problems.push({ path: pathOf(index), message: `duplicate ${what} "${value}"` });
    seen.add(value);
  });
}

/** The checks zod cannot express: cross-references between layers, cells and parties. */
function semanticProblems(model: ResponsibilityModel): ModelProblem[] {
  const problems: ModelProblem[] = [];
  pushDuplicates(problems, model.layers.map((l) => l.id), (i) => `$.layers[${i}].id`, 'layer id');
  pushDuplicates(problems, model.parties.map((p) => p.id), (i) => `$.parties[${i}].id`, 'party id');
  pushDuplicates(problems, model.serviceModels, (i) => `$.serviceModels[${i}]`, 'service model');

  const providers = model.parties.filter((p) => p.kind === 'provider').length;
  if (providers !== 1) {
    problems.push({ path: '$.parties', message: `needs exactly one party of kind "provider", found ${providers}` });
  }

  const partyIds = new Set(model.parties.map((p) => p.id));
  const layerIds = new Set(model.layers.map((l) => l.id));
  const declared = new Set<string>(model.serviceModels);

  for (const column of Object.keys(model.serviceModelDetails ?? {})) {
    if (!declared.has(column)) {
      problems.push({ path: formatJsonPath(['serviceModelDetails', column]), message: `"${column}" is not one of the model's serviceModels (${model.serviceModels.join(', ')})` });
    }
  }

  for (const layerId of Object.keys(model.cells)) {
    if (!layerIds.has(layerId)) {
      problems.push({ path: formatJsonPath(['cells', layerId]), message: `no layer with id "${layerId}" is declared in $.layers` });
    }
  }

  for (const layer of model.layers) {
    const row = model.cells[layer.id];
    if (row === undefined) {
      problems.push({ path: formatJsonPath(['cells', layer.id]), message: `missing: every layer needs a cell for ${model.serviceModels.join(', ')}` });
      continue;
    }
    for (const column of Object.keys(row)) {
      if (!declared.has(column)) {
        problems.push({ path: formatJsonPath(['cells', layer.id, column]), message: `"${column}" is not one of the model's serviceModels (${model.serviceModels.join(', ')})` });
      }
    }
    for (const serviceModel of model.serviceModels) {
      const cell = row[serviceModel];
      const path = formatJsonPath(['cells', layer.id, serviceModel]);
      if (cell === undefined) {
        problems.push({ path, message: 'missing cell' });
        continue;
      }
      const { responsibility, operatedBy } = normaliseCell(cell);
      if (operatedBy !== null && !partyIds.has(operatedBy)) {
        problems.push({ path: `${path}.operatedBy`, message: `"${operatedBy}" is not a party declared in $.parties` });
      }
      if (layer.permanentCustomer && responsibility !== 'customer') {
        problems.push({
          path,
          message: `layer "${layer.id}" is permanentCustomer, so it must be "customer" under every service model (found "${responsibility}")`
        });
      }
    }
  }
  return problems;
}

/**
 * Validates a responsibility model (shape, then meaning).
 * @param json the parsed JSON of a model file
 * @param fileName named in the error message
 * @throws ModelError listing every problem with its JSON path
 */
export function parseModel(json: unknown, fileName = 'model'): ResponsibilityModel {
  const parsed = ResponsibilityModelSchema.safeParse(json);
  if (!parsed.success) throw new ModelError(fileName, zodProblems(parsed.error));
  const problems = semanticProblems(parsed.data);
  if (problems.length > 0) throw new ModelError(fileName, problems);
  return parsed.data;
}

/** The model a workbook uses unless it chooses another. */
export const DEFAULT_MODEL_ID = 'microsoft-2026-01';

/**
 * Models by id in an object without a prototype: a lookup by an id a request or a workbook row
 * names (`constructor`, `__proto__`, `toString`) finds a model or nothing, never an inherited
 * property. Every id → model table is made here.
 */
export function modelTable(models: Iterable<ResponsibilityModel>): Record<string, ResponsibilityModel> {
  const table = Object.create(null) as Record<string, ResponsibilityModel>;
  for (const model of models) table[model.id] = model;
  return table;
}

/** The models shipped with the app, by id, validated at load (the default first). */
export const BUILTIN_MODELS: Readonly<Record<string, ResponsibilityModel>> = Object.freeze(
  modelTable([
    parseModel(current2026, 'resources/models/microsoft-2026-01.json'),
    parseModel(classic2023, 'resources/models/microsoft-classic-2023.json'),
    parseModel(google2023, 'resources/models/google-cloud-2023-08.json'),
    parseModel(aws2026, 'resources/models/aws-2026-12.json')
  ])
);
