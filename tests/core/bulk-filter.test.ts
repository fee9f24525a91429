import { describe, it, expect } from 'vitest';
import { FilterParseError, compileFilter, indexFindingCodes, matchesFilter, parseWhere } from '@core/bulk-filter';
import { resolveSetInFilter } from '@core/saved-sets';
import { AssetFilterSchema } from '@shared/filter';
import { asset, parties } from '@tests/helpers/builders';

const vm = asset(1, { tags: { Env: 'Prod', owner: 'ops' }, resourceGroup: 'RG-Prod', subscription: 'Sub-A' });
const kv = asset(2, { name: 'kv-main', type: 'Microsoft.KeyVault/vaults', serviceModel: null, ownerPartyId: null, resourceGroup: 'rg-shared' });

describe('parseWhere', () => {
  it('reads the documented example', () => {
    expect(parseWhere('type=microsoft.compute/virtualmachines,rg=prod,tag=env=prod,sm=none,owner=none,sub=1234')).toEqual({
      type: 'microsoft.compute/virtualmachines',
      resourceGroup: 'prod',
      tag: 'env=prod',
      serviceModel: 'none',
      owner: 'none',
      subscription: '1234'
    });
  });

  it('reads long key names, case-insensitive keys and values, ids and finding codes', () => {
    expect(parseWhere('ResourceGroup=a, SM=IaaS, owner=3, finding=no_owner, id=4, id=5|6, q=web')).toEqual({
      resourceGroup: 'a',
      serviceModel: 'iaas',
      owner: 3,
      findingCode: 'NO_OWNER',
      ids: [4, 5, 6],
      text: 'web'
    });
    expect(parseWhere('')).toEqual({});
  });

  it('resolves an owner by name when parties are given', () => {
    expect(parseWhere('owner=platform team', { parties: parties() })).toEqual({ owner: 2 });
    expect(() => parseWhere('owner=carol', { parties: parties() })).toThrow('owner: no party is named "carol".');
    expect(() => parseWhere('owner=carol')).toThrow(/owner: "carol" is not a party id/);
  });

  it('keeps escaped commas inside a value', () => {
    expect(parseWhere('text=a\\,b,rg=x')).toEqual({ text: 'a,b', resourceGroup: 'x' });
  });

  it('names the bad key in every error', () => {
    const error = (expr: string): string => {
      try {
        parseWhere(expr);
      } catch (e) {
        expect(e).toBeInstanceOf(FilterParseError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(error('colour=red')).toBe('Unknown key "colour" in "colour=red"; use one of: type, rg, sub, tag, sm, owner, text, finding, seen, id, set, criticality, data-classification, environment.');
    expect(error('rg')).toBe('rg: no value given; write rg=<value>.');
    expect(error('sm=x aas')).toBe('sm: "x aas" is not a service model; use a column id of the assets\' model (iaas, paas, infrastructure…) or none.');
    expect(error('rg=a,rg=b')).toMatch(/^rg: given twice/);
    expect(error('id=x')).toBe('id: "x" is not an asset id.');
    expect(error('finding=bad')).toMatch(/^finding: "bad" is not a finding code/);
    expect(error('tag==x')).toMatch(/^tag: "=x" has no tag name/);
    expect(error('rg=a,,sm=iaas')).toMatch(/^Empty condition/);
    expect(error('set=Prod')).toMatch(/^set: "Prod" cannot be looked up here/);
  });

  it('reads set=NAME against the saved sets given, by name (any case) or id', () => {
    const sets = [
      { id: 3, name: 'Prod VMs' },
      { id: 7, name: 'Review list' }
    ];
    expect(parseWhere('set=prod vms,rg=x', { sets })).toEqual({ set: 3, resourceGroup: 'x' });
    expect(parseWhere('set=#7', { sets })).toEqual({ set: 7 });
    expect(() => parseWhere('set=Nope', { sets })).toThrow('set: no saved set is named "Nope" (saved sets: "Prod VMs", "Review list").');
  });
});

describe('a saved set inside a filter', () => {
  it('is replaced by its content, both holding; ids intersect; a contradiction is named', () => {
    expect(resolveSetInFilter({ set: 1, type: 'x' }, { kind: 'selection', ids: [5, 3, 3] }, 'S')).toEqual({ type: 'x', ids: [3, 5] });
    expect(resolveSetInFilter({ set: 1, ids: [3, 9] }, { kind: 'selection', ids: [5, 3] }, 'S')).toEqual({ ids: [3] });
    expect(resolveSetInFilter({ set: 1, tag: 'env' }, { kind: 'filter', filter: { subscription: 'prod', type: 'VM' } }, 'S')).toEqual({ tag: 'env', subscription: 'prod', type: 'VM' });
    expect(resolveSetInFilter({ set: 1, type: 'vm' }, { kind: 'filter', filter: { type: 'VM' } }, 'S')).toEqual({ type: 'VM' });
    expect(resolveSetInFilter({ set: 1, type: 'db' }, { kind: 'filter', filter: { type: 'VM' } }, 'S')).toBe('the saved set “S” keeps type "VM" and the filter also asks type "db"; give type once.');
  });

  it('is refused by the matcher until it is resolved (it would otherwise take every asset)', () => {
    expect(() => matchesFilter(vm, { set: 1 })).toThrow(/resolve it/);
  });
});

describe('matchesFilter', () => {
  it('compares type, resource group and subscription case-insensitively', () => {
    expect(matchesFilter(vm, { type: 'MICROSOFT.COMPUTE/VIRTUALMACHINES' })).toBe(true);
    expect(matchesFilter(vm, { type: 'microsoft.compute/*' })).toBe(true);
    expect(matchesFilter(vm, { type: 'microsoft.compute' })).toBe(false);
    expect(matchesFilter(vm, { resourceGroup: 'rg-prod' })).toBe(true);
    expect(matchesFilter(vm, { subscription: 'sub-a' })).toBe(true);
    expect(matchesFilter(vm, { subscription: 'sub-b' })).toBe(false);
  });

  it('matches a tag by key or key=value', () => {
    expect(matchesFilter(vm, { tag: 'env' })).toBe(true);
    expect(matchesFilter(vm, { tag: 'env=prod' })).toBe(true);
    expect(matchesFilter(vm, { tag: 'env=dev' })).toBe(false);
    expect(matchesFilter(kv, { tag: 'env' })).toBe(false);
  });

  it('matches service model and owner, including none', () => {
    expect(matchesFilter(kv, { serviceModel: 'none', owner: 'none' })).toBe(true);
    expect(matchesFilter(vm, { serviceModel: 'none' })).toBe(false);
    expect(matchesFilter(vm, { serviceModel: 'iaas', owner: 1 })).toBe(true);
    expect(matchesFilter(vm, { owner: 2 })).toBe(false);
  });

  it('matches text anywhere, ids, and finding codes from the findings', () => {
    expect(matchesFilter(kv, { text: 'KV-' })).toBe(true);
    expect(matchesFilter(vm, { text: 'ops' })).toBe(true);
    expect(matchesFilter(vm, { ids: [2, 3] })).toBe(false);
    const findingCodes = indexFindingCodes([{ code: 'NO_OWNER', severity: 'error', assetId: 2, assetName: 'kv-main', layerId: null, message: '', fix: '' }]);
    const noOwner = compileFilter({ findingCode: 'NO_OWNER' }, { findingCodes });
    expect([vm, kv].filter(noOwner).map((a) => a.id)).toEqual([2]);
    expect(() => compileFilter({ findingCode: 'NO_OWNER' })).toThrow(/needs the findings/);
  });

  it('the schema refuses unknown keys (a typo must not select everything)', () => {
    expect(AssetFilterSchema.safeParse({ rg: 'x' }).success).toBe(false);
  });
});
