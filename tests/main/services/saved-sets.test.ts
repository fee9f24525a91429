/**
 * Saved sets over a real temp workbook: a kept filter follows the inventory, a kept selection
 * keeps its assets; either is used wherever a filter is (the grid's pages, select all, bulk
 * edits), as a workshop's scope and as a sign-off's scope. Saving, renaming and deleting are
 * logged, undoable edits; a refused write leaves the file byte-identical.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DemarcError } from '@shared/errors';
import { workshopSignOffScope } from '@core/workshop/sign-off-scope';
import { listAssetPage, matchingIds } from '@main/engine/query';
import { updateAssets } from '@main/services/asset-update';
import { undo, redo } from '@main/services/history';
import { drawWorkbookPicture } from '@main/services/picture';
import { deleteSavedSetById, listSavedSets, renameSavedSet, saveSavedSet, savedSetDetail } from '@main/services/saved-sets';
import { addSignOff } from '@main/services/sign-offs';
import { changes, closeWorkbook } from '@main/services/workbook-service';
import { workshopMinutes } from '@main/services/workshop/workshop-minutes';
import { startWorkshop } from '@main/services/workshop/workshops';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { sha256File } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

let wb: OpenWorkbook;
let ctx: ServiceContext;
let path: string;
let alice: number, platform: number;
let ids: number[];

beforeEach(() => {
  ({ wb, ctx, path } = createTestWorkbook({ organisation: 'Northwind' }));
  [alice, platform] = seedParties(wb.db, [
    { name: 'Alice', kind: 'person' },
    { name: 'Platform team', kind: 'team' }
  ]) as [number, number];
  const vm = (name: string, patch = {}) => ({ name, type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas' as const, subscription: 'prod', resourceGroup: 'rg-a', ownerPartyId: alice, ...patch });
  ids = seedAssets(wb.db, [vm('vm1'), vm('vm2', { resourceGroup: 'rg-b' }), vm('vm3', { tags: { env: 'prod' } }), vm('vm-dev', { subscription: 'dev' }), { name: 'db1', type: 'Microsoft.Sql/servers/databases', serviceModel: 'paas', subscription: 'prod' }]);
  wb.engine.drop();
});

afterEach(() => closeWorkbook(wb));

const refusal = (fn: () => unknown): DemarcError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DemarcError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
const names = (filter: Parameters<typeof matchingIds>[2]) => listAssetPage(wb, ctx, { filter, offset: 0, limit: 50 }).rows.map((r) => r.name);

describe('saving a set', () => {
  it('keeps a filter that follows the inventory, and a selection that keeps its assets', () => {
    const vms = saveSavedSet(wb, ctx, { name: 'Prod VMs', source: { kind: 'filter', filter: { subscription: 'prod', type: 'microsoft.compute/virtualmachines' } } });
    expect(vms).toMatchObject({ name: 'Prod VMs', kind: 'filter', assets: 3, label: 'Subscription prod · Type microsoft.compute/virtualmachines', createdBy: 'tester' });
    const chosen = saveSavedSet(wb, ctx, { name: 'Review list', source: { kind: 'selection', ids: [ids[3]!, ids[0]!, ids[0]!] } });
    expect(chosen).toMatchObject({ kind: 'selection', filter: null, assets: 2, label: '2 chosen assets' });
    expect(savedSetDetail(wb, ctx, chosen.id).examples).toEqual(['vm1', 'vm-dev']);

    // A new VM in prod joins the filter set; the selection keeps its two.
    seedAssets(wb.db, [{ name: 'vm4', type: 'Microsoft.Compute/virtualMachines', subscription: 'prod' }]);
    wb.engine.drop();
    expect(listSavedSets(wb, ctx).map((s) => [s.name, s.assets])).toEqual([['Prod VMs', 4], ['Review list', 2]]);
    expect(names({ set: vms.id })).toEqual(['vm1', 'vm2', 'vm3', 'vm4']);
    // A set and further conditions: both hold.
    expect(names({ set: vms.id, resourceGroup: 'rg-b' })).toEqual(['vm2']);
    expect(names({ set: chosen.id, subscription: 'dev' })).toEqual(['vm-dev']);
    expect(matchingIds(wb, ctx, { set: chosen.id, ids: [ids[0]!, ids[4]!] })).toEqual([ids[0]]);
  });

  it('is used by bulk edits and draws the picture of its assets', () => {
    const set = saveSavedSet(wb, ctx, { name: 'Two', source: { kind: 'selection', ids: [ids[0]!, ids[1]!] } });
    const result = updateAssets(wb, ctx, { filter: { set: set.id }, set: { ownerPartyId: platform } });
    expect(result.count).toBe(2);
    expect(names({ owner: platform })).toEqual(['vm1', 'vm2']);
    const picture = drawWorkbookPicture(wb, ctx, { scope: { set: set.id } });
    expect(picture.scopeLabel).toMatch(/^Saved set “Two” · 2 assets/);
    expect(picture.columns.reduce((n, c) => n + c.assets, 0)).toBe(2);
  });

  it('refuses a taken name, an empty filter, an unknown asset or set, and a contradicting filter, leaving the file as it was', () => {
    saveSavedSet(wb, ctx, { name: 'Prod VMs', source: { kind: 'filter', filter: { subscription: 'prod' } } });
    const before = sha256File(path);
    expect(refusal(() => saveSavedSet(wb, ctx, { name: 'prod vms', source: { kind: 'filter', filter: { type: 'x' } } }))).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining('“Prod VMs”') });
    expect(refusal(() => saveSavedSet(wb, ctx, { name: 'All', source: { kind: 'filter', filter: {} } }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('source.filter') });
    expect(refusal(() => saveSavedSet(wb, ctx, { name: 'Ghost', source: { kind: 'selection', ids: [ids[0]!, 9999] } }))).toMatchObject({ code: 'NOT_FOUND', message: 'source.ids: there is no asset #9999 in this workbook.' });
    expect(refusal(() => matchingIds(wb, ctx, { set: 42 }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('set: there is no saved set #42') });
    expect(refusal(() => matchingIds(wb, ctx, { set: 1, subscription: 'dev' }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('keeps subscription "prod" and the filter also asks subscription "dev"') });
    expect(sha256File(path)).toBe(before);
  });
});

describe('renaming and deleting', () => {
  it('are logged and undoable; a deleted set comes back with its id', () => {
    const set = saveSavedSet(wb, ctx, { name: 'Prod', source: { kind: 'filter', filter: { subscription: 'prod' } } });
    renameSavedSet(wb, ctx, { id: set.id, name: 'Production' });
    expect(listSavedSets(wb, ctx).map((s) => s.name)).toEqual(['Production']);
    deleteSavedSetById(wb, ctx, { id: set.id });
    expect(listSavedSets(wb, ctx)).toEqual([]);
    expect(changes(wb, { entity: 'saved-set', newestFirst: true, limit: 10 }).map((c) => c.summary)).toEqual([
      'Deleted the saved set “Production”',
      'Renamed the saved set “Prod” to “Production”',
      'Saved the set “Prod”: Subscription prod (4 assets now)'
    ]);
    undo(wb, ctx);
    expect(listSavedSets(wb, ctx).map((s) => [s.id, s.name])).toEqual([[set.id, 'Production']]);
    undo(wb, ctx);
    expect(listSavedSets(wb, ctx).map((s) => s.name)).toEqual(['Prod']);
    undo(wb, ctx);
    expect(listSavedSets(wb, ctx)).toEqual([]);
    redo(wb, ctx);
    expect(names({ set: set.id })).toEqual(['vm1', 'vm2', 'vm3', 'db1']);
  });
});

describe('a saved set as a workshop scope and a sign-off scope', () => {
  it('scopes a workshop, whose attendees sign off the set as one scope', () => {
    const set = saveSavedSet(wb, ctx, { name: 'Prod VMs', source: { kind: 'filter', filter: { subscription: 'prod', type: 'microsoft.compute/virtualmachines' } } });
    const w = startWorkshop(wb, ctx, { title: 'VM review', heldOn: '2026-11-28', attendees: [alice, platform], scope: { set: set.id } });
    expect(w).toMatchObject({ assets: 3, scopeLabel: 'Saved set “Prod VMs”', scope: { set: set.id } });
    const scope = workshopSignOffScope(w);
    expect(scope).toEqual({ kind: 'set', setId: set.id });
    const signed = addSignOff(wb, ctx, { scope, partyId: alice, statement: 'I confirm' });
    expect(signed).toMatchObject({ scopeLabel: 'Saved set “Prod VMs”', assets: 3, stale: null });
    expect(workshopMinutes(wb, ctx, w.id).signOff.find((s) => s.name === 'Alice')?.signed).toBe(true);
    // The covered assets were fixed at signing: renaming or deleting the set changes nothing signed.
    deleteSavedSetById(wb, ctx, { id: set.id });
    expect(workshopMinutes(wb, ctx, w.id)).toMatchObject({ workshop: { scopeLabel: `Saved set #${set.id} (deleted)` } });
    expect(workshopMinutes(wb, ctx, w.id).signOff.find((s) => s.name === 'Alice')?.signed).toBe(true);
  });

  it('signs off a workshop scoped by free text as the assets it walked', () => {
    const w = startWorkshop(wb, ctx, { title: 'VMs by name', heldOn: '2026-11-28', attendees: [alice], scope: { text: 'vm' } });
    const scope = workshopSignOffScope(w);
    expect(scope).toEqual({ kind: 'workshop', workshopId: w.id });
    // A VM added after the workshop started is not part of what it walked.
    seedAssets(wb.db, [{ name: 'vm-late', type: 'Microsoft.Compute/virtualMachines', ownerPartyId: alice }]);
    wb.engine.drop();
    const signed = addSignOff(wb, ctx, { scope, partyId: alice, statement: 'I confirm' });
    expect(signed).toMatchObject({ scopeLabel: 'The assets of workshop “VMs by name” (2026-11-28)', assets: 4 });
    expect(workshopMinutes(wb, ctx, w.id).signOff.find((s) => s.name === 'Alice')?.signed).toBe(true);
    expect(refusal(() => addSignOff(wb, ctx, { scope: { kind: 'workshop', workshopId: 99 }, partyId: alice, statement: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(() => addSignOff(wb, ctx, { scope: { kind: 'set', setId: 99 }, partyId: alice, statement: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
