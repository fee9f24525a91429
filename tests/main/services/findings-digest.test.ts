/**
 * `demarc check`'s findings, read from the file a page of assets at a time, are exactly what
 * findings.summary and findings.list answer over the loaded engine state (groups, order, counts,
 * distinct assets, fix, examples), at any page size, and reading them loads no engine state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingDigest } from '@main/services/findings-digest';
import { findingsSummary, listFindings } from '@main/services/findings';
import { addParty, leaveParty } from '@main/services/parties';
import { setRaci } from '@main/services/raci-assign';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { seedExportWorkbook } from '@tests/helpers/export-seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** The digest as the CLI built it before it streamed: from the loaded state. */
function fromState(wb: OpenWorkbook, ctx: ServiceContext, examples: number): unknown[] {
  return findingsSummary(wb, ctx).map((group) => ({
    ...group,
    examples: listFindings(wb, ctx, { code: group.code, offset: 0, limit: examples }).rows.map((f) => ({ assetId: f.assetId, asset: f.assetName, layerId: f.layerId, message: f.message }))
  }));
}

describe('the findings digest', () => {
  let t: ReturnType<typeof createTestWorkbook>;
  beforeEach(async () => {
    t = createTestWorkbook({ organisation: 'Northwind Traders' });
    const { assetIds } = await seedExportWorkbook(t.wb, t.ctx);
    // Someone who left still holding two layers of one asset and one of another: a group whose
    // findings outnumber its assets.
    const gone = addParty(t.wb, t.ctx, { name: 'Gone person', kind: 'person' }).id;
    for (const [asset, layerId] of [[assetIds[4]!, 'customer-data'], [assetIds[4]!, 'identities-and-users'], [assetIds[9]!, 'customer-data']] as const) {
      setRaci(t.wb, t.ctx, { assetId: asset, layerId, roles: { R: [gone] } });
    }
    leaveParty(t.wb, t.ctx, { id: gone, leftAt: '2026-11-30' });
    t.wb.engine.drop();
  });
  afterEach(() => t.close());

  it('reads the file without loading the engine state', () => {
    const digest = findingDigest(t.wb, t.ctx, 5);
    expect(t.wb.engine.current).toBeNull();
    expect(digest.length).toBeGreaterThan(1);
    expect(digest.find((g) => g.code === 'INACTIVE_PARTY')).toMatchObject({ count: 4, assets: 3 });
  });

  it('is what findings.summary and findings.list say, at any page size and number of examples', () => {
    const streamed = [0, 2, 5000].flatMap((examples) => [1, 7, undefined].map((pageSize) => JSON.stringify(findingDigest(t.wb, t.ctx, examples, pageSize))));
    const expected = [0, 2, 5000].flatMap((examples) => [1, 7, undefined].map(() => JSON.stringify(fromState(t.wb, t.ctx, examples))));
    expect(streamed).toEqual(expected);
  });
});
