/**
 * The layer → control mapping: parsing (shape with zod, then meaning: every CCM v4 control exactly
 * once, every NIST control of the FedRAMP baselines, every layer reference declared) and how a
 * responsibility model's layers join its control layers.
 */
import builtinJson from '@resources/frameworks/layer-controls.json';
import type { ResponsibilityModel } from '@shared/domain';
import { ControlMappingSchema, type ControlLine, type ControlMapping } from '@shared/frameworks';
import { formatJsonPath, type ModelProblem } from '../models';
import { CCM_CONTROL_IDS, FEDRAMP_BASELINES, FEDRAMP_BASELINE_NAMES, baselineControls, nistBaseOf } from './catalogues';

export type MappingProblem = ModelProblem;

/** A mapping that failed validation; `message` names the file and the JSON path of every problem. */
export class MappingError extends Error {
  readonly fileName: string;
  readonly problems: readonly MappingProblem[];

  constructor(fileName: string, problems: readonly MappingProblem[]) {
    const shown = problems.slice(0, 40).map((p) => `  - ${p.path}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`  - … and ${problems.length - shown.length} more`);
    super(`${fileName}: not a valid control mapping\n${shown.join('\n')}`);
    this.name = 'MappingError';
    this.fileName = fileName;
    this.problems = problems;
  }
}

/** Every control and enhancement the FedRAMP baselines list, each of which a mapping must place. */
const FEDRAMP_CONTROLS: readonly string[] = [
  ...new Set(FEDRAMP_BASELINE_NAMES.flatMap((name) => baselineControls(FEDRAMP_BASELINES[name])))
];

function listed(ids: readonly string[], max = 12): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} … (${ids.length} in all)`;
}

function checkLines(
  problems: MappingProblem[],
  lines: readonly ControlLine[],
  key: 'ccm' | 'nist',
  layerIds: ReadonlySet<string>
): Set<string> {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const at = (field?: string) => formatJsonPath(field === undefined ? [key, i] : [key, i, field]);
    if (seen.has(line.id)) problems.push({ path: at('id'), message: `"${line.id}" appears more than once: list each control exactly once` });
    seen.add(line.id);
    if ((line.layers === undefined) === (line.organisational === undefined)) {
      problems.push({ path: at(), message: `"${line.id}" needs either "layers" (the control layers it rests on) or "organisational": true, not ${line.layers === undefined ? 'neither' : 'both'}` });
    }
    const dupes = new Set<string>();
    (line.layers ?? []).forEach((layer, j) => {
      if (!layerIds.has(layer)) problems.push({ path: formatJsonPath([key, i, 'layers', j]), message: `"${layer}" is not a control layer declared in $.layers` });
      if (dupes.has(layer)) problems.push({ path: formatJsonPath([key, i, 'layers', j]), message: `"${layer}" is listed twice` });
      dupes.add(layer);
    });
  });
  return seen;
}

function semanticProblems(mapping: ControlMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const layerIds = new Set<string>();
  const names = new Map<string, string>();
  mapping.layers.forEach((layer, i) => {
    if (layerIds.has(layer.id)) problems.push({ path: formatJsonPath(['layers', i, 'id']), message: `duplicate control layer id "${layer.id}"` });
    layerIds.add(layer.id);
  });
  mapping.layers.forEach((layer, i) => {
    for (const [j, alias] of layer.aliases.entries()) {
      const owner = names.get(alias) ?? (layerIds.has(alias) && alias !== layer.id ? alias : undefined);
      if (owner !== undefined) problems.push({ path: formatJsonPath(['layers', i, 'aliases', j]), message: `"${alias}" already names control layer "${owner}"` });
      names.set(alias, layer.id);
    }
  });
  for (const [modelId, binding] of Object.entries(mapping.models)) {
    for (const [modelLayer, targets] of Object.entries(binding)) {
      targets.forEach((target, j) => {
        if (!layerIds.has(target)) problems.push({ path: formatJsonPath(['models', modelId, modelLayer, j]), message: `"${target}" is not a control layer declared in $.layers` });
      });
    }
  }

  const ccm = checkLines(problems, mapping.ccm, 'ccm', layerIds);
  const known = new Set(CCM_CONTROL_IDS);
  mapping.ccm.forEach((line, i) => {
    if (!known.has(line.id)) problems.push({ path: formatJsonPath(['ccm', i, 'id']), message: `"${line.id}" is not a CCM v4 control id (they run A&A-01 … UEM-14)` });
  });
  const missingCcm = CCM_CONTROL_IDS.filter((id) => !ccm.has(id));
  if (missingCcm.length > 0) {
    problems.push({ path: '$.ccm', message: `every CCM v4 control must appear once, as mapped or organisational; missing: ${listed(missingCcm)}` });
  }

  const nist = checkLines(problems, mapping.nist, 'nist', layerIds);
  const missingNist = FEDRAMP_CONTROLS.filter((id) => !nist.has(id) && !nist.has(nistBaseOf(id)));
  if (missingNist.length > 0) {
    problems.push({ path: '$.nist', message: `every control of the FedRAMP baselines must be placed (an enhancement follows its base control unless listed); missing: ${listed(missingNist)}` });
  }
  return problems;
}

/**
 * Validates a mapping (shape, then meaning).
 * @param json the parsed JSON of a mapping file
 * @param fileName named in the error message
 * @throws MappingError listing every problem with its JSON path
 */
export function parseMapping(json: unknown, fileName = 'mapping'): ControlMapping {
  const parsed = ControlMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new MappingError(fileName, parsed.error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message })));
  }
  const problems = semanticProblems(parsed.data);
  if (problems.length > 0) throw new MappingError(fileName, problems);
  return parsed.data;
}

/** The mapping shipped with the app, validated at load. */
export const BUILTIN_MAPPING: ControlMapping = parseMapping(builtinJson, 'resources/frameworks/layer-controls.json');

/** How one responsibility model's layers carry the mapping's control layers. */
export interface ModelBinding {
  modelId: string;
  /** Control layer id → the model's layer ids that carry it (model order). */
  carriers: ReadonlyMap<string, readonly string[]>;
  /** True when the mapping names the model in `models`; false when it joined by ids and aliases. */
  explicit: boolean;
  /** Model layers that carry no control layer. */
  unboundLayers: string[];
  /** Control layers none of the model's layers carries: controls resting only on them are not derived for its assets. */
  uncovered: string[];
}

/** Binds a model to the mapping: its explicit entry in `models`, else layer ids equal to a control layer's id or alias. */
export function bindModel(mapping: ControlMapping, model: ResponsibilityModel): ModelBinding {
  const explicit = mapping.models[model.id];
  const byName = new Map<string, string>();
  for (const layer of mapping.layers) {
    byName.set(layer.id, layer.id);
    for (const alias of layer.aliases) byName.set(alias, layer.id);
  }
  const carriers = new Map<string, string[]>(mapping.layers.map((l) => [l.id, []]));
  const unboundLayers: string[] = [];
  for (const layer of model.layers) {
    const targets = explicit !== undefined ? (explicit[layer.id] ?? []) : [byName.get(layer.id)].filter((t): t is string => t !== undefined);
    if (targets.length === 0) unboundLayers.push(layer.id);
    for (const target of targets) carriers.get(target)?.push(layer.id);
  }
  const uncovered = mapping.layers.filter((l) => (carriers.get(l.id) ?? []).length === 0).map((l) => l.id);
  return { modelId: model.id, carriers, explicit: explicit !== undefined, unboundLayers, uncovered };
}

/**
 * Problems of the mapping's explicit bindings against models it names that are at hand: a
 * binding naming a layer the model does not have (a typo would silently drop controls).
 */
export function bindingProblems(mapping: ControlMapping, models: readonly ResponsibilityModel[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const model of models) {
    const binding = mapping.models[model.id];
    if (binding === undefined) continue;
    const layerIds = new Set(model.layers.map((l) => l.id));
    for (const layerId of Object.keys(binding)) {
      if (!layerIds.has(layerId)) {
        problems.push({ path: formatJsonPath(['models', model.id, layerId]), message: `model "${model.id}" has no layer "${layerId}" (its layers: ${model.layers.map((l) => l.id).join(', ')})` });
      }
    }
  }
  return problems;
}

/** The line placing a NIST control: its own, else its base control's (enhancements follow their base). */
export function nistLineFor(mapping: ControlMapping, controlId: string): ControlLine | undefined {
  return mapping.nist.find((l) => l.id === controlId) ?? mapping.nist.find((l) => l.id === nistBaseOf(controlId));
}
