/**
 * Issue 13: the export's Workshop sheet read from the file a page of rows at a time — the same
 * rows as the minutes service gives over the loaded workbook, at any page size, with the engine
 * state never loaded and no group's asset list read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workshopSheet, type WorkshopSheetSource } from '@core/export-model-workshop';
import type { WorkshopMinutes } from '@shared/workshop';
import type { ServiceContext } from '@main/services/context';
import { closeAction, decide } from '@main/services/workshop/workshop-decide';
import { workshopSheetSource } from '@main/services/workshop/workshop-export';
import { workshopMinutes } from '@main/services/workshop/workshop-minutes';
import { startWorkshop } from '@main/services/workshop/workshops';
import { listWorkshops } from '@main/store/repos/workshops';
import type { OpenWorkbook } from '@main/open-workbook';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

let t: ReturnType<typeof createTestWorkbook>;
let wb: OpenWorkbook;
let ctx: ServiceContext;

beforeEach(() => {
  t = createTestWorkbook({ organisation: 'Northwind' });
  ({ wb, ctx } = t);
});
afterEach(() => t.close());

/** The sheet as the minutes service (engine state loaded) would give it. */
function fromMinutes(minutes: readonly WorkshopMinutes[]): WorkshopSheetSource {
  return {
    rowCount: minutes.reduce((n, m) => n + m.decisions.length + m.actions.length, 0),
    *records() {
      for (const m of minutes) {
        const head = { title: m.workshop.title, heldOn: m.workshop.heldOn, attendees: m.workshop.attendees.map((a) => a.name) };
        for (const decision of m.decisions) yield { head, decision, groupAssets: m.groups.find((g) => g.position === decision.groupPosition)?.assets ?? null };
        for (const action of m.actions) yield { head, action };
      }
    }
  };
}

const rowsOf = (source: WorkshopSheetSource) => {
  const sheet = workshopSheet(source);
  return { rowCount: sheet.rowCount, rows: [...sheet.rows()] };
};

describe('the Workshop sheet, read from the file', () => {
  it('has the rows the minutes give, at page sizes 1, 2 and 1,000, without loading the engine state', () => {
    const [alice, platform, net, zoe] = seedParties(wb.db, [
      { name: 'Alice', kind: 'person' },
      { name: 'Platform team', kind: 'team' },
      { name: 'Network team', kind: 'team' },
      { name: 'Zoë', kind: 'person' }
    ]) as [number, number, number, number];
    const vm = (name: string, subscription: string) => ({ name, type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas' as const, subscription, ownerPartyId: alice });
    const db = (name: string) => ({ name, type: 'Microsoft.Sql/servers/databases', serviceModel: 'paas' as const, subscription: 'prod', ownerPartyId: alice });
    seedAssets(wb.db, [vm('vm1', 'prod'), vm('vm2', 'prod'), vm('vm3', 'prod'), db('db1'), db('db2'), vm('vm-dev', 'dev')]);
    startWorkshop(wb, ctx, { title: 'Q1 platform review', heldOn: '2026-11-28', attendees: [zoe, platform, alice], scope: { subscription: 'prod' } });
    decide(wb, ctx, { id: 1, group: 0, layerId: 'network-controls', decision: { kind: 'raci', roles: { A: [platform] } } });
    decide(wb, ctx, { id: 1, group: 0, layerId: 'operating-system', decision: { kind: 'keep' } });
    decide(wb, ctx, { id: 1, group: 1, layerId: 'customer-data', decision: { kind: 'keep' } });
    decide(wb, ctx, { id: 1, group: 1, layerId: 'identities-and-users', decision: { kind: 'defer', title: 'Find who grants SQL logins', ownerPartyId: net, dueOn: '2026-12-15' } });
    decide(wb, ctx, { id: 1, group: 0, layerId: 'applications', decision: { kind: 'defer', title: 'List the apps', ownerPartyId: alice, dueOn: '2026-12-20' } });
    closeAction(wb, ctx, { actionId: 1, note: 'Two teams grant them' });
    startWorkshop(wb, ctx, { title: 'Dev check', heldOn: '2026-12-03', attendees: [net], scope: { subscription: 'dev' } });
    decide(wb, ctx, { id: 2, group: 0, layerId: 'network-controls', decision: { kind: 'keep' } });

    const expected = rowsOf(fromMinutes(listWorkshops(wb.db).map((w) => workshopMinutes(wb, ctx, w.id))));
    wb.engine.drop();
    for (const size of [1, 2, 1000]) {
      expect(rowsOf(workshopSheetSource(wb, size)!), `page size ${size}`).toEqual(expected);
    }
    expect(wb.engine.current).toBeNull();

    // Newest workshop first; a decision's group size, an action's assets, owner and status.
    expect(expected.rowCount).toBe(8);
    const cells = expected.rows.map((r) => [r[0], r[2], String(r[3]).split(' · ')[0], r[4], r[5], r[6], r[10], r[12]]);
    expect(cells[0]).toEqual(['Dev check', 'Network team', 'Microsoft.Compute/virtualMachines', 1, 'Network controls', 'Kept', null, null]);
    expect(cells[1]![1]).toBe('Alice; Platform team; Zoë');
    expect(cells.slice(1).map((c) => [c[4], c[5], c[6], c[7]])).toEqual([
      ['Network controls', 'RACI changed', null, null],
      ['Operating system', 'Kept', null, null],
      ['Customer data', 'Kept', null, null],
      ['Identities and users', 'Deferred', null, null],
      ['Applications', 'Deferred', null, null],
      ['Identities and users', 'Action', 'Network team', `closed ${ctx.clock().slice(0, 10)}`],
      ['Applications', 'Action', 'Alice', 'open']
    ]);
    expect(cells.slice(1, 4).map((c) => c[3])).toEqual([3, 3, 2]);
    expect(cells[6]![3]).toBe(2);
  });

  it('is absent when the workbook has no workshop', () => {
    expect(workshopSheetSource(wb)).toBeUndefined();
  });
});
