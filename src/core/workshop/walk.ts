/**
 * The walk's order: decision groups in their order, and within a group its model's layers in the
 * model's order. Positions are (group, layer index); the walk never leaves its bounds.
 */
import type { WalkPosition } from '@shared/workshop';

/**
 * The step after `at` (the next layer, or the first layer of the next group), or null at the
 * walk's end. `layerCounts[g]` is the number of layers of group g's model.
 */
export function nextStep(at: WalkPosition, layerCounts: readonly number[]): WalkPosition | null {
  if (at.layer + 1 < (layerCounts[at.group] ?? 0)) return { group: at.group, layer: at.layer + 1 };
  for (let g = at.group + 1; g < layerCounts.length; g++) if ((layerCounts[g] ?? 0) > 0) return { group: g, layer: 0 };
  return null;
}

/** The step before `at` (the previous layer, or the last layer of the previous group), or null at the start. */
export function previousStep(at: WalkPosition, layerCounts: readonly number[]): WalkPosition | null {
  if (at.layer > 0) return { group: at.group, layer: at.layer - 1 };
  for (let g = at.group - 1; g >= 0; g--) {
    const count = layerCounts[g] ?? 0;
    if (count > 0) return { group: g, layer: count - 1 };
  }
  return null;
}

/** The first layer of the next (+1) or previous (-1) group, or null past either end. */
export function otherGroup(at: WalkPosition, layerCounts: readonly number[], direction: 1 | -1): WalkPosition | null {
  for (let g = at.group + direction; g >= 0 && g < layerCounts.length; g += direction) if ((layerCounts[g] ?? 0) > 0) return { group: g, layer: 0 };
  return null;
}

/** How many steps come before `at` (its 0-based number in the walk). */
export function stepNumber(at: WalkPosition, layerCounts: readonly number[]): number {
  let n = 0;
  for (let g = 0; g < at.group && g < layerCounts.length; g++) n += layerCounts[g] ?? 0;
  return n + at.layer;
}

/** Whether a position names a step of the walk. */
export function isInWalk(at: WalkPosition, layerCounts: readonly number[]): boolean {
  return at.group >= 0 && at.group < layerCounts.length && at.layer >= 0 && at.layer < (layerCounts[at.group] ?? 0);
}

/** "Group 7 of 31, layer 4 of 10". */
export function progressText(at: WalkPosition, layerCounts: readonly number[]): string {
  return `Group ${at.group + 1} of ${layerCounts.length}, layer ${at.layer + 1} of ${layerCounts[at.group] ?? 0}`;
}
