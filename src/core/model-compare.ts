/**
 * Comparing two responsibility models layer by layer. Layers are matched by id, then by title
 * or by a small alias table for the renames Microsoft made between the classic diagram and the
 * 2026 table, so a rename reads as a rename rather than a removal plus an addition.
 */
import { type ModelLayer, type ResponsibilityModel, type ServiceModel } from '@shared/domain';
import { getCell, type ResolvedCell } from './model-cells';

/** Two layers that mean the same thing (either side null: only in one model). */
export interface LayerAlignment {
  from: ModelLayer | null;
  to: ModelLayer | null;
  matchedBy: 'id' | 'title' | 'alias' | null;
}

export interface LayerRef {
  id: string;
  title: string;
}

export type ModelDifference =
  | { kind: 'service-model-added'; serviceModel: ServiceModel }
  | { kind: 'service-model-removed'; serviceModel: ServiceModel }
  | { kind: 'layer-added'; to: LayerRef }
  | { kind: 'layer-removed'; from: LayerRef }
  | { kind: 'layer-renamed'; from: LayerRef; to: LayerRef; matchedBy: 'id' | 'title' | 'alias' }
  | { kind: 'permanence-changed'; from: LayerRef; to: LayerRef; before: boolean; after: boolean }
  | {
      kind: 'cell-changed';
      from: LayerRef;
      to: LayerRef;
      serviceModel: ServiceModel;
      before: ResolvedCell;
      after: ResolvedCell;
    };

/**
 * Titles that name the same layer in different Microsoft versions (normalised form).
 * Classic diagram (2023) ↔ current table (2026).
 */
const LAYER_ALIASES: readonly (readonly string[])[] = [
  ['customer data', 'information and data'],
  ['client devices', 'devices mobile and pcs'],
  ['identities and users', 'accounts and identities']
];

/** Lower-case, punctuation folded to spaces: "Devices (Mobile and PCs)" → "devices mobile and pcs". */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function aliasGroup(title: string): number {
  const normalised = normaliseTitle(title);
  return LAYER_ALIASES.findIndex((group) => group.includes(normalised));
}

/**
 * Pairs the layers of two models: by id first, then by normalised title, then by alias.
 * Ordered as `b` reads; a layer only in `a` follows the pair of its nearest matched predecessor.
 */
export function alignLayers(a: Pick<ResponsibilityModel, 'layers'>, b: Pick<ResponsibilityModel, 'layers'>): LayerAlignment[] {
  const matchOfB = new Map<number, { aIndex: number; matchedBy: 'id' | 'title' | 'alias' }>();
  const usedA = new Set<number>();
  const tryMatch = (matchedBy: 'id' | 'title' | 'alias', same: (x: ModelLayer, y: ModelLayer) => boolean): void => {
    b.layers.forEach((layerB, bIndex) => {
      if (matchOfB.has(bIndex)) return;
      const aIndex = a.layers.findIndex((layerA, i) => !usedA.has(i) && same(layerA, layerB));
      if (aIndex < 0) return;
      usedA.add(aIndex);
      matchOfB.set(bIndex, { aIndex, matchedBy });
    });
  };
  tryMatch('id', (x, y) => x.id === y.id);
  tryMatch('title', (x, y) => normaliseTitle(x.title) === normaliseTitle(y.title));
  tryMatch('alias', (x, y) => {
    const group = aliasGroup(x.title);
    return group >= 0 && group === aliasGroup(y.title);
  });

  const pairs: LayerAlignment[] = [];
  const pairIndexOfA = new Map<number, number>();
  b.layers.forEach((layerB, bIndex) => {
    const match = matchOfB.get(bIndex);
    if (match === undefined) {
      pairs.push({ from: null, to: layerB, matchedBy: null });
      return;
    }
    pairIndexOfA.set(match.aIndex, pairs.length);
    pairs.push({ from: a.layers[match.aIndex] ?? null, to: layerB, matchedBy: match.matchedBy });
  });

  // Insert layers only in `a` after the pair holding their nearest matched predecessor in `a`.
  const insertions: { after: number; order: number; pair: LayerAlignment }[] = [];
  a.layers.forEach((layerA, aIndex) => {
    if (usedA.has(aIndex)) return;
    let after = -1;
    for (let i = aIndex - 1; i >= 0; i--) {
      const at = pairIndexOfA.get(i);
      if (at !== undefined) {
        after = at;
        break;
      }
    }
    insertions.push({ after, order: aIndex, pair: { from: layerA, to: null, matchedBy: null } });
  });
  const result: LayerAlignment[] = [];
  const emit = (after: number): void => {
    for (const insertion of insertions) if (insertion.after === after) result.push(insertion.pair);
  };
  emit(-1);
  pairs.forEach((pair, index) => {
    result.push(pair);
    emit(index);
  });
  return result;
}

const ref = (layer: ModelLayer): LayerRef => ({ id: layer.id, title: layer.title });

/**
 * Every difference between two models, aligned by layer (see alignLayers): service models
 * added/removed, layers added/removed/renamed, permanence changes and changed cells (compared
 * only under service models both models cover).
 * @param a the model moved from
 * @param b the model moved to
 */
export function compareModels(a: ResponsibilityModel, b: ResponsibilityModel): ModelDifference[] {
  const differences: ModelDifference[] = [];
  for (const serviceModel of [...a.serviceModels, ...b.serviceModels.filter((sm) => !a.serviceModels.includes(sm))]) {
    const inA = a.serviceModels.includes(serviceModel);
    const inB = b.serviceModels.includes(serviceModel);
    if (inA && !inB) differences.push({ kind: 'service-model-removed', serviceModel });
    if (!inA && inB) differences.push({ kind: 'service-model-added', serviceModel });
  }
  const common = a.serviceModels.filter((sm) => b.serviceModels.includes(sm));

  for (const { from, to, matchedBy } of alignLayers(a, b)) {
    if (from === null && to !== null) {
      differences.push({ kind: 'layer-added', to: ref(to) });
      continue;
    }
    if (to === null && from !== null) {
      differences.push({ kind: 'layer-removed', from: ref(from) });
      continue;
    }
    if (from === null || to === null || matchedBy === null) continue;
    if (from.id !== to.id || from.title !== to.title) {
      differences.push({ kind: 'layer-renamed', from: ref(from), to: ref(to), matchedBy });
    }
    if (from.permanentCustomer !== to.permanentCustomer) {
      differences.push({
        kind: 'permanence-changed',
        from: ref(from),
        to: ref(to),
        before: from.permanentCustomer,
        after: to.permanentCustomer
      });
    }
    for (const serviceModel of common) {
      const before = getCell(a, from.id, serviceModel);
      const after = getCell(b, to.id, serviceModel);
      if (before === null || after === null) continue;
      if (before.responsibility !== after.responsibility || before.operatedBy !== after.operatedBy) {
        differences.push({ kind: 'cell-changed', from: ref(from), to: ref(to), serviceModel, before, after });
      }
    }
  }
  return differences;
}
