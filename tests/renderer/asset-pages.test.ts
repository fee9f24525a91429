import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { AssetListRow, AssetPage } from '@shared/contract/engine';
import { assetKeys } from '@renderer/features/inventory/queries';
import { cachedPages, RowReuse } from '@renderer/features/inventory/useAssetPages';

function row(id: number, owner: string | null = null): AssetListRow {
  return {
    id,
    name: `asset-${id}`,
    type: 'Microsoft.Web/sites',
    subscription: 'sub',
    resourceGroup: 'rg',
    location: 'westeurope',
    tags: { env: 'prod' },
    serviceModel: 'paas',
    serviceModelLabel: 'IaaS',
  serviceModelSource: 'classifier',
    needsReview: false,
    ownerPartyId: owner === null ? null : 1,
    owner,
    findings: 0,
    worstSeverity: null,
    lastReviewedAt: null,
    notSeenInLastImport: false,
    criticality: null,
    dataClassification: null,
    environment: null
  };
}
const page = (offset: number, rows: AssetListRow[], total = 250): AssetPage => ({ offset, total, rows });

describe("the grid window's cached pages", () => {
  const filter = { text: 'asset' };

  it('gives a window when every page is cached, and nothing when one is missing', () => {
    const client = new QueryClient();
    client.setQueryData(assetKeys.page(filter, null, 0), page(0, [row(1)]));
    expect(cachedPages(client, filter, null, 0, 0)?.map((p) => p.offset)).toEqual([0]);
    expect(cachedPages(client, filter, null, 0, 1)).toBeUndefined();
    client.setQueryData(assetKeys.page(filter, null, 1), page(100, [row(2)]));
    expect(cachedPages(client, filter, null, 0, 1)?.map((p) => p.offset)).toEqual([0, 100]);
    expect(cachedPages(client, { text: 'other' }, null, 0, 0)).toBeUndefined();
  });

  it('never gives a page an edit has invalidated (it would show as current)', async () => {
    const client = new QueryClient();
    client.setQueryData(assetKeys.page(filter, null, 0), page(0, [row(1)]));
    await client.invalidateQueries({ queryKey: assetKeys.all });
    expect(cachedPages(client, filter, null, 0, 0)).toBeUndefined();
  });
});

describe('row reuse between windows', () => {
  it('gives an unchanged row as the object shown before, and a changed row as new', () => {
    const reuse = new RowReuse();
    const first = reuse.window([page(0, [row(1), row(2), row(3)])]);
    const second = reuse.window([page(0, [row(1), row(2, 'Bob Chen'), row(4)])]);
    const [a, b, c] = second[0]!.rows;
    expect(a).toBe(first[0]!.rows[0]);
    expect(b).not.toBe(first[0]!.rows[1]);
    expect(b!.owner).toBe('Bob Chen');
    expect(c!.id).toBe(4);
    expect(second[0]!.rows).toEqual([row(1), row(2, 'Bob Chen'), row(4)]);
  });

  it('remembers only the last window shown', () => {
    const reuse = new RowReuse();
    const first = reuse.window([page(0, [row(1)])]);
    reuse.window([page(0, [row(2)])]);
    const third = reuse.window([page(0, [row(1)])]);
    expect(third[0]!.rows[0]).not.toBe(first[0]!.rows[0]);
    expect(third[0]!.rows[0]).toEqual(row(1));
  });
});
