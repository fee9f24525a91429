import { describe, expect, it } from 'vitest';
import { matchesFilter } from '@core/bulk-filter';
import { listAssetPage } from '@main/engine/query';
import { listAssets } from '@main/store/repos/assets';
import type { AssetFilter } from '@shared/filter';
import { seedAssets } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

describe('asset pages', () => {
  it('narrows the previous result while the user types, giving exactly what the core filter gives', () => {
    const { wb, ctx, close } = createTestWorkbook();
    const names = ['web-alpha', 'web-beta', 'api-alpha', 'db-alpha-2', 'Web-Gamma', 'job-omega'];
    seedAssets(
      wb.db,
      names.map((name, i) => ({ name, key: `k${i}`, resourceGroup: i % 2 ? 'rg-Web' : 'rg-data', tags: i === 5 ? { team: 'web' } : ({} as Record<string, string>) }))
    );
    const assets = listAssets(wb.db);
    const page = (filter: AssetFilter, sort?: { column: 'name'; direction: 'asc' | 'desc' }) =>
      listAssetPage(wb, ctx, { filter, offset: 0, limit: 100, ...(sort ? { sort } : {}) }).rows.map((r) => r.name);
    const expected = (filter: AssetFilter) => assets.filter((a) => matchesFilter(a, filter)).map((a) => a.name);

    // Typing, deleting, and changing another field: each answer equals a fresh core filter.
    const steps: AssetFilter[] = [
      { text: 'w' },
      { text: 'we' },
      { text: 'web' },
      { text: 'web-' },
      { text: 'web-a' },
      { text: 'web' },
      { text: 'alpha', resourceGroup: 'rg-data' },
      { text: 'alpha-', resourceGroup: 'rg-web' },
      { text: 'alpha-2', resourceGroup: 'rg-web' }
    ];
    for (const filter of steps) expect(page(filter)).toEqual(expected(filter));
    expect(page({ text: 'web-a' })).toEqual(['web-alpha']);
    expect(page({ text: 'alpha-2', resourceGroup: 'rg-web' })).toEqual(['db-alpha-2']);
    // With a sort, narrowing keeps the order.
    expect(page({ text: 'alpha' }, { column: 'name', direction: 'desc' })).toEqual(['web-alpha', 'db-alpha-2', 'api-alpha']);
    expect(page({ text: 'alpha-' }, { column: 'name', direction: 'desc' })).toEqual(['db-alpha-2']);
    close();
  });

  it('rows carry criticality, data classification and environment, sorted in their vocabulary\'s order (not stated last)', () => {
    const { wb, ctx, close } = createTestWorkbook();
    seedAssets(wb.db, [
      { name: 'a-low', criticality: 'low', environment: 'test' },
      { name: 'b-none' },
      { name: 'c-mission', criticality: 'mission-critical', dataClassification: 'confidential', environment: 'production' },
      { name: 'd-high', criticality: 'high' },
      { name: 'e-odd', criticality: 'tier-1' as 'low' }
    ]);
    const sorted = (column: 'criticality' | 'environment', direction: 'asc' | 'desc') => listAssetPage(wb, ctx, { filter: {}, offset: 0, limit: 100, sort: { column, direction } }).rows.map((r) => r.name);
    expect(sorted('criticality', 'asc')).toEqual(['c-mission', 'd-high', 'a-low', 'e-odd', 'b-none']);
    expect(sorted('criticality', 'desc')).toEqual(['e-odd', 'a-low', 'd-high', 'c-mission', 'b-none']);
    expect(sorted('environment', 'asc')).toEqual(['c-mission', 'a-low', 'b-none', 'd-high', 'e-odd']);
    const row = listAssetPage(wb, ctx, { filter: { text: 'c-mission' }, offset: 0, limit: 1 }).rows[0]!;
    expect(row).toMatchObject({ criticality: 'mission-critical', dataClassification: 'confidential', environment: 'production' });
    close();
  });
});
