/**
 * What the framework exports derive from: per model and layer, how the assets in a scope carry it
 * (provider, customer in house, customer through a third party, shared, unknown) and who is
 * Accountable and Responsible on it. One pass over the engine's input with the engine's own rules
 * (deriveResponsibility, effectiveRaci); the result is small (models × layers), never per asset.
 *
 * Assets with no override and no explicit RACI get the same layers and RACI as any other asset of
 * the same model, service model and owner: they are counted by that key and derived once per key,
 * so a 100k-asset workbook costs a few thousand derivations, not a million.
 */
import type { Asset, Party, ResponsibilityModel, ServiceModel, StandardServiceModel } from '@shared/domain';
import { deriveResponsibility } from '../derive';
import { groupByAsset } from '../engine-index';
import type { EngineInput } from '../engine-input';
import { getCell } from '../model-cells';
import { readModelId } from '../model-references';
import { effectiveRaci, type RaciContext } from '../raci';
import { standardOfColumn } from '../service-models';

/** Cells of one model layer over the assets in scope that use that model. */
export interface LayerTally {
  modelId: string;
  layerId: string;
  provider: number;
  /** Customer cells the customer runs itself. */
  customer: number;
  /** Customer cells a third party operates for the customer (the model's operator or a third-party Responsible). */
  thirdParty: number;
  /** Shared cells whose customer part the customer runs itself. */
  shared: number;
  /** Shared cells whose customer part a third party operates. */
  sharedThirdParty: number;
  /** Assets with no service model: nothing can be said of their layers. */
  unknown: number;
  /** Customer-side cells on assets whose service model leaves the provider nothing (on-premises): provided, not configured. */
  selfHosted: number;
  /** Party id → cells on which it is Accountable (explicit, else the default). */
  accountable: Map<number, number>;
  /** Party id → cells on which it is Responsible. */
  responsible: Map<number, number>;
  /** Third party name → cells it operates. */
  thirdParties: Map<string, number>;
}

export interface ModelTally {
  model: ResponsibilityModel;
  assets: number;
  /** Service model id (or `none`) → assets. */
  serviceModels: Map<string, number>;
  layers: Map<string, LayerTally>;
}

export interface ScopeTally {
  assets: number;
  /** By model id, in the order models are first met. */
  models: Map<string, ModelTally>;
}

/**
 * Assets in scope per standard service model: each model's column counted under the standard
 * service model it declares (AWS's infrastructure → IaaS, container → PaaS, abstracted → SaaS),
 * a standard column under itself; unclassified assets and columns declaring none are left out.
 */
export function standardServiceModelCounts(scope: ScopeTally): Map<StandardServiceModel, number> {
  const counts = new Map<StandardServiceModel, number>();
  for (const { model, serviceModels } of scope.models.values()) {
    for (const [column, n] of serviceModels) {
      const standard = standardOfColumn(model, column);
      if (standard !== null) counts.set(standard, (counts.get(standard) ?? 0) + n);
    }
  }
  return counts;
}

function emptyTally(modelId: string, layerId: string): LayerTally {
  return {
    modelId,
    layerId,
    provider: 0,
    customer: 0,
    thirdParty: 0,
    shared: 0,
    sharedThirdParty: 0,
    unknown: 0,
    selfHosted: 0,
    accountable: new Map(),
    responsible: new Map(),
    thirdParties: new Map()
  };
}

const bump = <K>(map: Map<K, number>, key: K, by: number): void => {
  map.set(key, (map.get(key) ?? 0) + by);
};

class Tallier {
  readonly scope: ScopeTally = { assets: 0, models: new Map() };
  private readonly partyById: Map<number, Party>;
  private readonly selfHostedColumns = new Map<string, boolean>();

  constructor(private readonly input: EngineInput) {
    this.partyById = new Map(input.parties.map((p) => [p.id, p]));
  }

  private modelTally(asset: Asset): ModelTally {
    const id = readModelId(asset, this.input.settings, this.input.models);
    let found = this.scope.models.get(id);
    if (found === undefined) {
      const model = this.input.models[id]!;
      found = { model, assets: 0, serviceModels: new Map(), layers: new Map(model.layers.map((l) => [l.id, emptyTally(id, l.id)])) };
      this.scope.models.set(id, found);
    }
    return found;
  }

  /** Whether the published column leaves the provider no layer at all (the customer hosts everything). */
  private selfHosted(model: ResponsibilityModel, serviceModel: ServiceModel): boolean {
    const key = `${model.id}\u0000${serviceModel}`;
    let value = this.selfHostedColumns.get(key);
    if (value === undefined) {
      value = model.layers.every((l) => getCell(model, l.id, serviceModel)?.responsibility === 'customer');
      this.selfHostedColumns.set(key, value);
    }
    return value;
  }

  /** Adds `count` assets that derive exactly like `asset` with these overrides and assignments. */
  add(asset: Asset, overrides: EngineInput['overrides'], assignments: EngineInput['assignments'], count: number): void {
    const tally = this.modelTally(asset);
    this.scope.assets += count;
    tally.assets += count;
    bump(tally.serviceModels, asset.serviceModel ?? 'none', count);
    const model = tally.model;
    const ctx: RaciContext = { model, parties: this.input.parties, settings: this.input.settings };
    const selfHosted = asset.serviceModel !== null && this.selfHosted(model, asset.serviceModel);
    for (const layer of deriveResponsibility(asset, model, overrides)) {
      const cells = tally.layers.get(layer.layerId);
      if (cells === undefined) continue;
      if (layer.responsibility === 'unknown') {
        cells.unknown += count;
        continue;
      }
      const raci = effectiveRaci(ctx, layer, asset.ownerPartyId, assignments);
      for (const id of raci.A) bump(cells.accountable, id, count);
      for (const id of raci.R) bump(cells.responsible, id, count);
      if (layer.responsibility === 'provider') {
        cells.provider += count;
        continue;
      }
      const names = this.thirdPartyNames(model, layer.operatedBy, raci.R);
      for (const name of names) bump(cells.thirdParties, name, count);
      if (layer.responsibility === 'customer') {
        if (names.length > 0) cells.thirdParty += count;
        else cells.customer += count;
      } else if (names.length > 0) cells.sharedThirdParty += count;
      else cells.shared += count;
      if (selfHosted) cells.selfHosted += count;
    }
  }

  /** Who operates a customer-side layer for the customer: third-party Responsibles, else the model's operator. */
  private thirdPartyNames(model: ResponsibilityModel, operatedBy: string | null, responsible: readonly number[]): string[] {
    const names: string[] = [];
    for (const id of responsible) {
      const party = this.partyById.get(id);
      if (party?.kind === 'third_party' && !names.includes(party.name)) names.push(party.name);
    }
    if (names.length === 0 && operatedBy !== null) {
      const party = model.parties.find((p) => p.id === operatedBy);
      if (party !== undefined && party.kind === 'third_party') names.push(party.name);
    }
    return names;
  }
}

/**
 * Tallies every layer of the assets in scope; an asset naming a model the workbook lacks is
 * tallied under the model it is read under (readModelId).
 * @param inScope the scope (compile an AssetFilter with compileFilter)
 */
export function tallyLayers(input: EngineInput, inScope: (asset: Asset) => boolean): ScopeTally {
  const tallier = new Tallier(input);
  const overridesByAsset = groupByAsset(input.overrides);
  const assignmentsByAsset = groupByAsset(input.assignments);
  const alike = new Map<string, { asset: Asset; count: number }>();
  for (const asset of input.assets) {
    if (!inScope(asset)) continue;
    const overrides = overridesByAsset.get(asset.id);
    const assignments = assignmentsByAsset.get(asset.id);
    if ((overrides?.length ?? 0) > 0 || (assignments?.length ?? 0) > 0) {
      tallier.add(asset, overrides ?? [], assignments ?? [], 1);
      continue;
    }
    const key = `${readModelId(asset, input.settings, input.models)}\u0000${asset.serviceModel ?? ''}\u0000${asset.ownerPartyId ?? ''}`;
    const group = alike.get(key);
    if (group === undefined) alike.set(key, { asset, count: 1 });
    else group.count += 1;
  }
  for (const { asset, count } of alike.values()) tallier.add(asset, [], [], count);
  return tallier.scope;
}
