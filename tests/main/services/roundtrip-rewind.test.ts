/**
 * The value of each cell at the export, found by rewinding the change log since the export: after
 * every kind of edit a workbook takes (RACI one by one and in bulk, overrides set and cleared,
 * notes, owners and service models, a party's holdings moved, undo and redo), rewinding gives back
 * exactly the report the export was written from. An entry whose effect the log does not record
 * (an inventory import) makes the cells it may have changed unknown instead.
 */
import { describe, expect, it } from 'vitest';
import { reportAssetsOf } from '@core/report';
import { SinceExport } from '@core/roundtrip/since-export';
import { assetDetail } from '@main/engine/asset-detail';
import { loadEngineInput } from '@main/engine/input';
import { updateAssets } from '@main/services/asset-update';
import { redo, undo } from '@main/services/history';
import { setNote } from '@main/services/notes';
import { clearOverride, setOverride } from '@main/services/overrides';
import { reassignParty } from '@main/services/parties';
import { setRaci } from '@main/services/raci-assign';
import { setRaciMany } from '@main/services/raci-bulk';
import { workbookReport } from '@main/services/report';
import { changesAfter, lastChangeId } from '@main/store/repos/change-log';
import type { ChangeLogEntry } from '@shared/domain';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { wholeReport } from '@tests/helpers/whole-report';
import { createTestWorkbook } from '@tests/helpers/workbook';

describe('rewinding the change log to an export', () => {
  it('gives back the report at the export after every kind of cell edit', () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    const [alice, bob, zoe] = seedParties(t.wb.db, [
      { name: 'Alice Martin', kind: 'person' },
      { name: 'Bob Chen', kind: 'person' },
      { name: 'Zoë Ops', kind: 'team' }
    ]) as [number, number, number];
    const ids = seedAssets(t.wb.db, [
      { name: 'vm-1', serviceModel: 'iaas', ownerPartyId: alice },
      { name: 'vm-2', serviceModel: 'iaas', ownerPartyId: alice },
      { name: 'web-1', serviceModel: 'paas', ownerPartyId: bob },
      { name: 'db-1', serviceModel: 'paas', ownerPartyId: null }
    ]);
    const layers = assetDetail(t.wb, t.ctx, ids[0]!).layers;
    const customer = layers.find((l) => l.responsibility === 'customer') ?? layers[0]!;
    setOverride(t.wb, t.ctx, { assetId: ids[3]!, layerId: layers[1]!.layerId, responsibility: 'shared', justification: 'Set before the export' });
    const atExport = wholeReport(workbookReport(t.wb, t.ctx)).assets;
    const revision = lastChangeId(t.wb.db);

    setRaci(t.wb, t.ctx, { assetId: ids[0]!, layerId: customer.layerId, roles: { A: [zoe], C: [bob, alice] } });
    setRaciMany(t.wb, t.ctx, { filter: { ids: [ids[0]!, ids[1]!] }, layerId: layers[1]!.layerId, roles: { R: [bob] } });
    setOverride(t.wb, t.ctx, { assetId: ids[1]!, layerId: customer.layerId, responsibility: 'shared', justification: 'Backups by contract 12' });
    clearOverride(t.wb, t.ctx, { assetId: ids[3]!, layerId: layers[1]!.layerId });
    setNote(t.wb, t.ctx, { assetId: ids[2]!, layerId: layers[0]!.layerId, note: 'Patched by the MSP' });
    updateAssets(t.wb, t.ctx, { filter: { ids: [ids[2]!, ids[3]!] }, set: { ownerPartyId: zoe } });
    updateAssets(t.wb, t.ctx, { filter: { ids: [ids[1]!] }, set: { serviceModel: 'paas' } });
    setNote(t.wb, t.ctx, { assetId: ids[0]!, layerId: layers[2]!.layerId, note: 'Undone below' });
    undo(t.wb, t.ctx);
    undo(t.wb, t.ctx);
    redo(t.wb, t.ctx);
    reassignParty(t.wb, t.ctx, { fromId: bob, toId: alice });
    expect(wholeReport(workbookReport(t.wb, t.ctx)).assets).not.toEqual(atExport);

    const entries = changesAfter(t.wb.db, revision);
    expect(new Set(entries.map((e) => e.action))).toEqual(
      new Set(['raci.set', 'raci.setMany', 'overrides.set', 'overrides.clear', 'notes.set', 'assets.update', 'history.undo', 'history.redo', 'parties.reassign'])
    );
    const since = new SinceExport(entries);
    expect(reportAssetsOf(since.rewind(loadEngineInput(t.wb, t.ctx)))).toEqual(atExport);
    for (const id of ids) expect(since.unknownFor(id, customer.layerId, 'A')).toEqual([]);
    expect(since.changedBy(ids[0]!, customer.layerId).map((label) => label.replace(/^\S+ \S+: /, ''))).toEqual([
      expect.stringContaining('RACI of'),
      expect.stringContaining('Reassigned')
    ]);
    t.close();
  });

  it('marks as unknown the cells an entry may have changed without recording how', () => {
    const entry = (id: number, action: string, entity: string, after: unknown): ChangeLogEntry => ({
      id,
      at: '2026-12-01T10:00:00.000Z',
      actor: 'Alice',
      action,
      entity,
      entityId: null,
      summary: `${action} summary`,
      before: null,
      after
    });
    const since = new SinceExport([
      entry(7, 'import.apply', 'import', { counts: {} }),
      entry(8, 'workshops.decide', 'asset', { ids: [4], layerId: 'network', text: 'shared' })
    ]);
    expect(since.unknownFor(1, 'identity', 'A')).toEqual(['2026-12-01T10:00:00.000Z Alice: import.apply summary']);
    expect(since.unknownFor(1, 'identity', 'note')).toEqual([]);
    expect(since.unknownFor(4, 'network', 'justification')).toEqual(['2026-12-01T10:00:00.000Z Alice: workshops.decide summary']);
    expect(since.unknownFor(4, 'identity', 'justification')).toEqual([]);
    expect(since.unknownFor(5, 'network', 'justification')).toEqual([]);
  });
});
