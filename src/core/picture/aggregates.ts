/**
 * The picture's numbers from grouped facts. SQL counts what scales with the inventory (assets per
 * service model and owner; the few asset × layer exceptions, an override or explicit
 * Accountables, grouped alike); this composes them with the model, and asks raci.ts for every
 * Accountable, so the picture names exactly whom the engine names for each asset and layer.
 */
import { CELL_VALUES, type CellValue, type RaciAssignment, type Responsibility, type ServiceModel } from '@shared/domain';
import { getCell } from '../model-cells';
import { effectiveRaci, type RaciContext } from '../raci';

/** Assets of the scope that use the model, grouped by service model and owner. */
export interface PictureFactGroup {
  serviceModel: string | null;
  owner: number | null;
  assets: number;
}

/**
 * Asset × layer pairs that depart from their group's defaults (an override, explicit
 * Accountables, or both), grouped by everything that decides the outcome.
 */
export interface PictureFactException {
  serviceModel: string | null;
  owner: number | null;
  layerId: string;
  override: CellValue | null;
  /** Explicit Accountables on the layer, ascending; empty: the default applies. */
  accountable: number[];
  assets: number;
}

/** What SQL reads from the workbook for one model and scope. */
export interface PictureFacts {
  groups: PictureFactGroup[];
  exceptions: PictureFactException[];
  /** Assets in the scope, whatever model they use. */
  scopeAssets: number;
}

export interface CellAggregate {
  serviceModel: string;
  layerId: string;
  assets: number;
  overrides: number;
  /** Assets per responsibility in force on this layer (after overrides). */
  byResponsibility: Record<CellValue, number>;
  /** Parties Accountable on customer-side assets, most assets first (then lowest id). */
  accountable: { partyId: number; assets: number }[];
  /** Customer-side assets with nobody Accountable. */
  noAccountable: number;
}

export interface PictureAggregates {
  columns: { serviceModel: string; assets: number }[];
  /** Per column, per layer in model order. */
  cells: CellAggregate[];
  unclassified: number;
  uncovered: number;
  scopeAssets: number;
}

/** What one group of assets contributes to one cell. */
interface Outcome {
  responsibility: Responsibility;
  accountable: readonly number[];
}

const isCustomerSide = (r: Responsibility): boolean => r === 'customer' || r === 'shared';

function emptyCell(serviceModel: string, layerId: string): CellAggregate {
  const byResponsibility = Object.fromEntries(CELL_VALUES.map((v) => [v, 0])) as Record<CellValue, number>;
  return { serviceModel, layerId, assets: 0, overrides: 0, byResponsibility, accountable: [], noAccountable: 0 };
}

class CellCounter {
  readonly cell: CellAggregate;
  private readonly byParty = new Map<number, number>();

  constructor(serviceModel: string, layerId: string) {
    this.cell = emptyCell(serviceModel, layerId);
  }

  /** Adds (sign 1) or takes back (sign -1) `n` assets with this outcome. */
  add(outcome: Outcome, n: number, sign: 1 | -1): void {
    const { responsibility, accountable } = outcome;
    if (responsibility !== 'unknown') this.cell.byResponsibility[responsibility] += sign * n;
    if (!isCustomerSide(responsibility)) return;
    if (accountable.length === 0) this.cell.noAccountable += sign * n;
    for (const party of accountable) this.byParty.set(party, (this.byParty.get(party) ?? 0) + sign * n);
  }

  finish(): CellAggregate {
    this.cell.accountable = [...this.byParty]
      .filter(([, assets]) => assets > 0)
      .map(([partyId, assets]) => ({ partyId, assets }))
      .sort((x, y) => y.assets - x.assets || x.partyId - y.partyId);
    return this.cell;
  }
}

/**
 * The picture's aggregates for `ctx.model` from the facts of its scope.
 * @param ctx the model to draw, the workbook's parties and default teams (as raci.ts takes them)
 */
export function composeAggregates(ctx: RaciContext, facts: PictureFacts): PictureAggregates {
  const { model } = ctx;
  const columns = new Map<string, number>(model.serviceModels.map((sm) => [sm, 0]));
  let unclassified = 0;
  let uncovered = 0;
  for (const group of facts.groups) {
    if (group.serviceModel === null) unclassified += group.assets;
    else if (!columns.has(group.serviceModel)) uncovered += group.assets;
    else columns.set(group.serviceModel, (columns.get(group.serviceModel) ?? 0) + group.assets);
  }

  // effectiveRaci once per distinct (layer, responsibility, owner, explicit A): groups share them.
  const outcomes = new Map<string, Outcome>();
  const outcomeOf = (layerId: string, serviceModel: ServiceModel, owner: number | null, override: CellValue | null, explicitA: readonly number[]): Outcome => {
    const cell = getCell(model, layerId, serviceModel);
    const responsibility: Responsibility = override ?? cell?.responsibility ?? 'unknown';
    const key = `${layerId}|${responsibility}|${cell?.operatedBy ?? ''}|${owner ?? ''}|${explicitA.join(',')}`;
    let outcome = outcomes.get(key);
    if (outcome === undefined) {
      const assignments: RaciAssignment[] = explicitA.map((partyId) => ({ assetId: 0, layerId, partyId, role: 'A' }));
      const raci = effectiveRaci(ctx, { layerId, responsibility, operatedBy: cell?.operatedBy ?? null }, owner, assignments);
      outcome = { responsibility, accountable: raci.A };
      outcomes.set(key, outcome);
    }
    return outcome;
  };

  const counters = new Map<string, CellCounter>();
  for (const serviceModel of model.serviceModels) {
    for (const layer of model.layers) {
      const counter = new CellCounter(serviceModel, layer.id);
      counter.cell.assets = columns.get(serviceModel) ?? 0;
      counters.set(`${serviceModel}|${layer.id}`, counter);
      for (const group of facts.groups) {
        if (group.serviceModel !== serviceModel) continue;
        counter.add(outcomeOf(layer.id, serviceModel, group.owner, null, []), group.assets, 1);
      }
    }
  }
  for (const ex of facts.exceptions) {
    // Facts on a layer or column this model lacks (an override kept from another model) count nowhere.
    const serviceModel = model.serviceModels.find((sm) => sm === ex.serviceModel);
    const counter = serviceModel === undefined ? undefined : counters.get(`${serviceModel}|${ex.layerId}`);
    if (serviceModel === undefined || counter === undefined) continue;
    counter.add(outcomeOf(ex.layerId, serviceModel, ex.owner, null, []), ex.assets, -1);
    counter.add(outcomeOf(ex.layerId, serviceModel, ex.owner, ex.override, ex.accountable), ex.assets, 1);
    // An override that says what the model publishes departs from nothing (core/derive.ts).
    if (ex.override !== null && ex.override !== (getCell(model, ex.layerId, serviceModel)?.responsibility ?? 'unknown')) counter.cell.overrides += ex.assets;
  }
  return {
    columns: [...columns].map(([serviceModel, assets]) => ({ serviceModel, assets })),
    cells: [...counters.values()].map((counter) => counter.finish()),
    unclassified,
    uncovered,
    scopeAssets: facts.scopeAssets
  };
}
