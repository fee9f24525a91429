import { describe, expect, it } from 'vitest';
import { groupByAsset } from '@core/engine-index';
import { groupForDecisions, mergeGroups, splitGroup, type DecisionGroup, type GroupingInput } from '@core/workshop/groups';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';
import type { Asset, LayerOverride, RaciAssignment, ResponsibilityModel } from '@shared/domain';
import { asset, assign, override, parties } from '@tests/helpers/builders';

const names = new Map(parties().map((p) => [p.id, p.name]));
const custom: ResponsibilityModel = { ...BUILTIN_MODELS[DEFAULT_MODEL_ID]!, id: 'custom-x', name: 'Custom' };
const models: Record<string, ResponsibilityModel> = { ...BUILTIN_MODELS, [custom.id]: custom };

function input(assets: Asset[], assignments: RaciAssignment[] = [], overrides: LayerOverride[] = []): GroupingInput {
  return {
    assets,
    assignmentsByAsset: groupByAsset(assignments),
    overridesByAsset: groupByAsset(overrides),
    modelOf: (a) => models[a.modelId ?? DEFAULT_MODEL_ID]!,
    partyName: (id) => names.get(id) ?? `#${id}`
  };
}

const ids = (groups: DecisionGroup[]) => groups.map((g) => g.assetIds);

describe('decision groups', () => {
  const vms = [1, 2, 3].map((id) => asset(id));
  const sql = [4, 5].map((id) => asset(id, { type: 'Microsoft.Sql/servers/databases', serviceModel: 'paas' }));
  const bobs = [6].map((id) => asset(id, { ownerPartyId: 2 }));

  it('groups assets sharing type, service model, model, owner and RACI; largest first', () => {
    const groups = groupForDecisions(input([...sql, ...bobs, ...vms]));
    expect(ids(groups)).toEqual([[1, 2, 3], [4, 5], [6]]);
    expect(groups[0]!.label).toBe('Microsoft.Compute/virtualMachines · IaaS · owner Alice');
    expect(groups[2]!.label).toBe('Microsoft.Compute/virtualMachines · IaaS · owner Platform team');
  });

  it('gives the same groups in the same order for the same inputs, whatever the asset order', () => {
    const a = groupForDecisions(input([...vms, ...sql, ...bobs]));
    const b = groupForDecisions(input([...bobs].concat([...sql].reverse(), [...vms].reverse())));
    expect(b).toEqual(a);
  });

  it('splits a group when one asset has its own RACI on a layer, or an override', () => {
    const byRaci = groupForDecisions(input(vms, [assign(2, 'applications', 2, 'R')]));
    expect(ids(byRaci)).toEqual([[1, 3], [2]]);
    expect(byRaci[1]!.label).toContain('own RACI on 1 layer(s)');
    const byOverride = groupForDecisions(input(vms, [], [override(3, 'operating-system', 'shared')]));
    expect(ids(byOverride)).toEqual([[1, 2], [3]]);
  });

  it('keeps assets with the same explicit RACI together', () => {
    const rows = [assign(1, 'applications', 2, 'R'), assign(2, 'applications', 2, 'R')];
    expect(ids(groupForDecisions(input(vms, rows)))).toEqual([[1, 2], [3]]);
  });

  it('separates assets of another model and unclassified ones', () => {
    const other = asset(7, { modelId: 'custom-x' });
    const none = asset(8, { serviceModel: null });
    const groups = groupForDecisions(input([...vms, other, none]));
    expect(ids(groups)).toEqual([[1, 2, 3], [7], [8]]);
    expect(groups.find((g) => g.assetIds.includes(7))!.modelId).toBe('custom-x');
    expect(groups.find((g) => g.assetIds.includes(8))!.label).toContain('no service model');
  });

  it("names a group's service model by its model's column (AWS's own, not the four standard ones)", () => {
    const aws = [9, 10].map((id) => asset(id, { modelId: 'aws-2026-12', type: 'AWS::ECS::Service', serviceModel: 'container' }));
    const groups = groupForDecisions(input([...aws, ...vms]));
    expect(ids(groups)).toEqual([[1, 2, 3], [9, 10]]);
    expect(groups[1]!.modelId).toBe('aws-2026-12');
    expect(groups[1]!.label).toBe('AWS::ECS::Service · Container services · owner Alice');
  });

  it('splits a group by a field and merges groups of one model', () => {
    const mixed = [asset(1), asset(2, { resourceGroup: 'rg-b' }), asset(3, { resourceGroup: 'rg-b' })];
    const [group] = groupForDecisions(input(mixed));
    const parts = splitGroup(group!, (id) => mixed.find((a) => a.id === id), 'resourceGroup');
    expect(ids(parts)).toEqual([[2, 3], [1]]);
    expect(parts[0]!.label).toMatch(/resource group rg-b$/);
    const merged = mergeGroups(parts);
    expect(typeof merged === 'string' ? merged : merged.assetIds).toEqual([1, 2, 3]);
    const refused = mergeGroups([parts[0]!, { ...parts[1]!, modelId: 'custom-x' }]);
    expect(refused).toMatch(/different responsibility models/);
  });
});
