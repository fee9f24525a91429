/**
 * Sign-offs under model-defined service models (AWS's columns, labelled by AWS's model) and on a
 * round-1 workbook migrated to the current format: the sign-off is an entry of the hash chain,
 * survives closing and reopening, and goes stale when a column of the asset's own model changes.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyWorkbook } from '@main/services/audit-verify';
import { updateAssets } from '@main/services/asset-update';
import { addSignOff, listSignOffs } from '@main/services/sign-offs';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { fixedClock, tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

const ROUND_1 = new URL('../../fixtures/workbooks/round-1.demarc', import.meta.url);

describe('sign-offs and the models', () => {
  it('a filter on an AWS column is worded by AWS’s model and goes stale when the column changes', () => {
    const t = createTestWorkbook();
    const [alice] = seedParties(t.wb.db, [{ name: 'Alice Martin', kind: 'person' }]) as [number];
    const [web, queue] = seedAssets(t.wb.db, [
      { name: 'web-01', provider: 'aws', serviceModel: 'infrastructure', ownerPartyId: alice },
      { name: 'queue-01', provider: 'aws', serviceModel: 'abstracted', ownerPartyId: alice }
    ]) as [number, number];
    const signed = addSignOff(t.wb, t.ctx, {
      scope: { kind: 'filter', filter: { serviceModel: 'infrastructure' } },
      partyId: alice,
      statement: 'ok'
    });
    expect(signed).toMatchObject({ scopeLabel: 'Infrastructure services assets', assets: 1, stale: null });
    expect(listSignOffs(t.wb, t.ctx, { assetId: queue })).toEqual([]);

    updateAssets(t.wb, t.ctx, { filter: { ids: [web] }, set: { serviceModel: 'container' } });
    const [now] = listSignOffs(t.wb, t.ctx, {});
    expect(now!.stale).toMatchObject({ assetName: 'web-01', assets: 1 });
    expect(now!.stale!.changes[0]).toBe('service model');
    expect(now!.stale!.since?.summary).toBe('Set service model Container services on 1 asset');
    const stale = t.wb.engine.state(t.ctx).findings.filter((f) => f.code === 'SIGN_OFF_STALE');
    expect(stale.map((f) => f.assetName)).toEqual(['web-01']);
    t.close();
  });

  it('a round-1 workbook migrated to the current format signs off in its chain and keeps it on reopening', async () => {
    const path = join(tempDir(), 'round-1.demarc');
    copyFileSync(ROUND_1, path);
    const ctx = { clock: fixedClock('2026-12-07T05:00:00.000Z'), osUser: 'auditor' };
    const wb = openWorkbook(ctx, path);
    const people = wb.engine
      .state(ctx)
      .input.parties.filter((p) => p.active && (p.kind === 'person' || p.kind === 'team'));
    expect(people.length).toBeGreaterThan(0);
    const signed = addSignOff(wb, ctx, {
      scope: { kind: 'workbook' },
      partyId: people[0]!.id,
      signedOn: '2026-12-07',
      statement: 'Year-end review'
    });
    expect(signed.assets).toBe(wb.engine.state(ctx).input.assets.length);
    expect(signed.stale).toBeNull();
    const verified = await verifyWorkbook(wb);
    expect(verified.ok).toBe(true);
    closeWorkbook(wb);

    const again = openWorkbook(ctx, path);
    const [kept] = listSignOffs(again, ctx, {});
    expect(kept).toMatchObject({
      id: signed.id,
      scopeLabel: 'Whole workbook',
      statement: 'Year-end review',
      stale: null,
      changeId: signed.changeId
    });
    expect((await verifyWorkbook(again)).ok).toBe(true);
    closeWorkbook(again);
  });
});
