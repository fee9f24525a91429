/**
 * The picture's aggregates computed the slow way, asset by asset, by the engine itself
 * (compileFilter, deriveResponsibility, effectiveRaci): what the SQL must agree with.
 */
import { compileFilter } from '@core/bulk-filter';
import { deriveResponsibility } from '@core/derive';
import type { EngineInput } from '@core/engine-input';
import type { CellAggregate, PictureAggregates } from '@core/picture/aggregates';
import { effectiveRaci } from '@core/raci';
import type { PictureScope } from '@shared/picture';

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

export function referenceAggregates(input: EngineInput, modelId: string, scope: PictureScope, assetModelId = modelId): PictureAggregates {
  const model = input.models[modelId]!;
  const matches = compileFilter(scope);
  const inScope = input.assets.filter(matches);
  const mine = inScope.filter((a) => (a.modelId ?? input.settings.defaultModelId) === assetModelId);
  const ctx = { model, parties: input.parties, settings: input.settings };
  const overridesOf = groupBy(input.overrides, (o) => o.assetId);
  const assignmentsOf = groupBy(input.assignments, (r) => `${r.assetId}|${r.layerId}`);
  const cells: CellAggregate[] = [];
  const derivedOf = new Map(mine.map((a) => [a.id, deriveResponsibility(a, model, overridesOf.get(a.id) ?? [])]));
  for (const sm of model.serviceModels) {
    const column = mine.filter((a) => a.serviceModel === sm);
    for (const [index, layer] of model.layers.entries()) {
      const cell: CellAggregate = {
        serviceModel: sm,
        layerId: layer.id,
        assets: column.length,
        overrides: 0,
        byResponsibility: { provider: 0, customer: 0, shared: 0 },
        accountable: [],
        noAccountable: 0
      };
      const byParty = new Map<number, number>();
      for (const asset of column) {
        const derived = derivedOf.get(asset.id)![index]!;
        if (derived.overridden) cell.overrides++;
        if (derived.responsibility === 'unknown') continue;
        cell.byResponsibility[derived.responsibility]++;
        if (derived.responsibility !== 'customer' && derived.responsibility !== 'shared') continue;
        const assignments = assignmentsOf.get(`${asset.id}|${layer.id}`) ?? [];
        const raci = effectiveRaci(ctx, derived, asset.ownerPartyId, assignments);
        if (raci.A.length === 0) cell.noAccountable++;
        for (const id of raci.A) byParty.set(id, (byParty.get(id) ?? 0) + 1);
      }
      cell.accountable = [...byParty]
        .map(([partyId, assets]) => ({ partyId, assets }))
        .sort((x, y) => y.assets - x.assets || x.partyId - y.partyId);
      cells.push(cell);
    }
  }
  return {
    columns: model.serviceModels.map((sm) => ({ serviceModel: sm, assets: mine.filter((a) => a.serviceModel === sm).length })),
    cells,
    unclassified: mine.filter((a) => a.serviceModel === null).length,
    uncovered: mine.filter((a) => a.serviceModel !== null && !model.serviceModels.includes(a.serviceModel)).length,
    scopeAssets: inScope.length
  };
}
