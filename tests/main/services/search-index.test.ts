import { describe, expect, it } from 'vitest';
import { matchesFilter } from '@core/bulk-filter';
import { SearchIndex } from '@main/engine/search-index';
import type { Asset } from '@shared/domain';

function asset(id: number, fields: Partial<Asset>): Asset {
  return {
    id,
    key: `k${id}`,
    externalId: null,
    name: `asset-${id}`,
    type: null,
    kind: null,
    sku: null,
    managedBy: null,
    provider: null,
    subscription: null,
    resourceGroup: null,
    location: null,
    tags: {},
    extra: {},
    criticality: null,
    dataClassification: null,
    environment: null,
    serviceModel: null,
    serviceModelSource: null,
    classificationReason: null,
    classificationConfidence: null,
    needsReview: false,
    modelId: null,
    ownerPartyId: null,
    lastReviewedAt: null,
    notSeenInLastImport: false,
    lastImportRunId: null,
    source: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields
  };
}

const TYPES = ['Microsoft.Compute/virtualMachines', 'Microsoft.Web/sites', null, 'Microsoft.Sql/servers/databases'];
const GROUPS = ['RG-Prod', 'rg-dev', null, 'Ünïcode-Grüppe'];
const SUBS = ['Contoso Prod', 'sub-2', null];
const LOCATIONS = ['westeurope', 'NorthEurope', null];

/** A varied inventory: shared fields with nulls and mixed case, own fields with tags and ids. */
function inventory(): Asset[] {
  const assets: Asset[] = [];
  for (let i = 0; i < 400; i++) {
    assets.push(
      asset(i + 1, {
        name: i % 9 === 0 ? `VM-Web-${i}` : `app${i}-Data`,
        externalId: i % 3 === 0 ? `/subscriptions/s${i % 5}/resourceGroups/rg-${i % 7}/providers/x/y/n${i}` : null,
        type: TYPES[i % TYPES.length]!,
        resourceGroup: GROUPS[i % GROUPS.length]!,
        subscription: SUBS[i % SUBS.length]!,
        location: LOCATIONS[i % LOCATIONS.length]!,
        tags: i % 4 === 0 ? { Env: i % 8 ? 'Prod' : 'Test', CostCenter: `CC-${i % 11}` } : i % 4 === 1 ? { owner: '' } : {}
      })
    );
  }
  return assets;
}

describe('the search index', () => {
  const assets = inventory();
  const index = new SearchIndex(assets);
  const needles = ['a', 'W', 'web', 'prod', 'rg-', 'RG-PROD', 'grüppe', 'üni', 'europe', 'northeu', 'microsoft.sql', '/', 'cc-1', 'env', 'test', 'owner',
    'app1', 'data', 's3/resourcegroups', 'sub-2', 'contoso p', '-', 'zzz', 'vm-web-9', 'sites', 'virtualmachines'];

  it('finds exactly the assets the core text filter matches, in input order', () => {
    for (const text of needles) {
      const expected = assets.flatMap((a, i) => (matchesFilter(a, { text }) ? [i] : []));
      expect([...index.matches(text.toLowerCase())], text).toEqual(expected);
    }
  });

  it('finds every single character as the core does, whether it has a bit in the character sets or not', () => {
    const fields = assets.flatMap((a) => [a.name, a.externalId ?? '', a.type ?? '', a.resourceGroup ?? '', a.subscription ?? '', a.location ?? '', ...Object.entries(a.tags).flat()]);
    const chars = new Set([...fields.join('').toLowerCase()]);
    for (const absent of ['q', '9', '_', ':', ' ', '#', 'é']) chars.add(absent);
    expect(chars.size).toBeGreaterThan(40); // letters, digits, '-', '/', ' ', 'ü', 'ï' ...
    for (const char of chars) {
      if (!SearchIndex.covers(char)) continue;
      const expected = assets.flatMap((a, i) => (matchesFilter(a, { text: char }) ? [i] : []));
      expect([...index.matches(char)], JSON.stringify(char)).toEqual(expected);
    }
  });

  it('tests single positions as the whole search does', () => {
    for (const text of needles) {
      const test = index.tester(text.toLowerCase());
      const expected = assets.map((a) => matchesFilter(a, { text }));
      expect(assets.map((_a, i) => test(i)), text).toEqual(expected);
    }
  });

  it('leaves texts with a separator, and the empty text, to the core', () => {
    expect(SearchIndex.covers('web')).toBe(true);
    expect(SearchIndex.covers('')).toBe(false);
    expect(SearchIndex.covers('a\u0000b')).toBe(false);
    expect(SearchIndex.covers('a\u0001b')).toBe(false);
  });
});
