import { describe, expect, it } from 'vitest';
import { isInWalk, nextStep, otherGroup, previousStep, progressText, stepNumber } from '@core/workshop/walk';

describe('the walk, group by group and layer by layer in the model order', () => {
  const counts = [3, 2, 0, 2];

  it('visits every step once, in order, forwards and backwards', () => {
    const forward: string[] = [];
    for (let at: { group: number; layer: number } | null = { group: 0, layer: 0 }; at !== null; at = nextStep(at, counts)) forward.push(`${at.group}.${at.layer}`);
    expect(forward).toEqual(['0.0', '0.1', '0.2', '1.0', '1.1', '3.0', '3.1']);
    const backward: string[] = [];
    for (let at: { group: number; layer: number } | null = { group: 3, layer: 1 }; at !== null; at = previousStep(at, counts)) backward.push(`${at.group}.${at.layer}`);
    expect(backward).toEqual([...forward].reverse());
  });

  it('numbers steps and says where the walk stands', () => {
    expect(stepNumber({ group: 3, layer: 1 }, counts)).toBe(6);
    expect(progressText({ group: 1, layer: 0 }, counts)).toBe('Group 2 of 4, layer 1 of 2');
  });

  it('jumps between groups and knows its bounds', () => {
    expect(otherGroup({ group: 1, layer: 1 }, counts, 1)).toEqual({ group: 3, layer: 0 });
    expect(otherGroup({ group: 1, layer: 1 }, counts, -1)).toEqual({ group: 0, layer: 0 });
    expect(otherGroup({ group: 3, layer: 0 }, counts, 1)).toBeNull();
    expect(isInWalk({ group: 2, layer: 0 }, counts)).toBe(false);
    expect(isInWalk({ group: 0, layer: 2 }, counts)).toBe(true);
    expect(isInWalk({ group: 4, layer: 0 }, counts)).toBe(false);
  });
});
