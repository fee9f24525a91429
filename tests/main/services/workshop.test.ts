/**
 * Workshop mode over a real temp workbook: start over a scope, walk, decide (keep, RACI,
 * override, defer), the rules enforced for every asset of a group, decisions in the change log
 * with the workshop and its attendees, undo, actions as ACTION_OPEN findings, pause and resume
 * across a reopen, minutes and the Workshop sheet of the audit export.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DemarcError } from '@shared/errors';
import { workshopSignOffScope } from '@core/workshop/sign-off-scope';
import { assetDetail } from '@main/engine/asset-detail';
import { addSignOff } from '@main/services/sign-offs';
import { updateAssets } from '@main/services/asset-update';
import { exportWorkbook } from '@main/services/export-service';
import { undo } from '@main/services/history';
import { walkChain } from '@main/store/repos/change-log-chain';
import { closeWorkbook, openWorkbook, changes } from '@main/services/workbook-service';
import { closeAction, decide } from '@main/services/workshop/workshop-decide';
import { saveMinutes, workshopMinutes } from '@main/services/workshop/workshop-minutes';
import { workshopStep } from '@main/services/workshop/workshop-step';
import { listWorkshopSummaries } from '@main/services/workshop/workshop-view';
import { finishWorkshop, mergeWorkshopGroups, pauseWorkshop, previewWorkshop, resumeWorkshop, splitWorkshopGroup, startWorkshop } from '@main/services/workshop/workshops';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { sha256File } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

let wb: OpenWorkbook;
let ctx: ServiceContext;
let path: string;
let alice: number, platform: number, net: number, microsoft: number, leaver: number;
let vms: number[], dbs: number[];

beforeEach(() => {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  ({ wb, ctx, path } = t);
  [alice, platform, net, leaver] = seedParties(wb.db, [
    { name: 'Alice', kind: 'person' },
    { name: 'Platform team', kind: 'team' },
    { name: 'Network team', kind: 'team' },
    { name: 'Lee', kind: 'person', active: false, leftAt: '2026-06-30' }
  ]) as [number, number, number, number];
  microsoft = (wb.db.prepare("SELECT id FROM parties WHERE kind = 'provider' AND name = 'Microsoft'").get() as { id: number }).id;
  const vm = (name: string, patch = {}) => ({ name, type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas' as const, subscription: 'prod', resourceGroup: 'rg-a', ownerPartyId: alice, ...patch });
  const ids = seedAssets(wb.db, [
    vm('vm1'),
    vm('vm2', { resourceGroup: 'rg-b' }),
    vm('vm3', { resourceGroup: 'rg-b' }),
    { name: 'db1', type: 'Microsoft.Sql/servers/databases', serviceModel: 'paas', subscription: 'prod', ownerPartyId: alice },
    { name: 'db2', type: 'Microsoft.Sql/servers/databases', serviceModel: 'paas', subscription: 'prod', ownerPartyId: alice },
    vm('vm-dev', { subscription: 'dev' })
  ]);
  vms = ids.slice(0, 3);
  dbs = ids.slice(3, 5);
  wb.engine.drop();
});

afterEach(() => closeWorkbook(wb));

const start = () => startWorkshop(wb, ctx, { title: 'Q1 platform review', heldOn: '2026-11-28', attendees: [alice, platform, net], scope: { subscription: 'prod' } });
const roleNames = (assetId: number, layerId: string, role: 'R' | 'A') => assetDetail(wb, ctx, assetId).layers.find((l) => l.layerId === layerId)!.names[role];
const refusal = (fn: () => unknown): DemarcError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DemarcError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('starting a workshop', () => {
  it('groups the scope into decision groups with their sizes, frozen with the workshop', () => {
    expect(previewWorkshop(wb, ctx, { scope: { subscription: 'prod' } }).groups.map((g) => g.assets)).toEqual([3, 2]);
    const w = start();
    expect(w).toMatchObject({ title: 'Q1 platform review', status: 'open', groups: 2, assets: 5, steps: 20, decidedSteps: 0, scopeLabel: 'Subscription prod' });
    expect(w.attendees.map((a) => a.name)).toEqual(['Alice', 'Network team', 'Platform team']);
    expect(w.groupList[0]).toMatchObject({ label: 'Microsoft.Compute/virtualMachines · IaaS · owner Alice', assets: 3, layers: 10, examples: ['vm1', 'vm2', 'vm3'] });
    expect(changes(wb, { action: 'workshops.start' })[0]!.summary).toBe('Started workshop "Q1 platform review" (2026-11-28) with 3 attendees: 5 assets in 2 decision groups');
  });

  it('refuses a leaver as attendee, an unknown party and an empty scope, writing nothing', () => {
    const before = sha256File(path);
    expect(refusal(() => startWorkshop(wb, ctx, { title: 'x', heldOn: '2026-11-28', attendees: [leaver], scope: {} })).message).toMatch(/Lee has left \(2026-06-30\)/);
    expect(refusal(() => startWorkshop(wb, ctx, { title: 'x', heldOn: '2026-11-28', attendees: [999], scope: {} })).code).toBe('NOT_FOUND');
    expect(refusal(() => startWorkshop(wb, ctx, { title: 'x', heldOn: '2026-11-28', attendees: [alice], scope: { subscription: 'nope' } })).message).toMatch(/no asset matches/);
    expect(sha256File(path)).toBe(before);
  });

  it('splits and merges undecided groups', () => {
    start();
    const split = splitWorkshopGroup(wb, ctx, { id: 1, group: 0, by: 'resourceGroup' });
    expect(split.groupList.map((g) => g.assets)).toEqual([2, 1, 2]);
    const merged = mergeWorkshopGroups(wb, ctx, { id: 1, groups: [0, 1] });
    expect(merged.groupList.map((g) => g.assets)).toEqual([3, 2]);
    decide(wb, ctx, { id: 1, group: 0, layerId: 'customer-data', decision: { kind: 'keep' } });
    expect(refusal(() => splitWorkshopGroup(wb, ctx, { id: 1, group: 0, by: 'resourceGroup' })).message).toMatch(/already has decisions/);
  });
});

describe('the walk and its decisions', () => {
  it('shows a step: the published cell, the model, the RACI in force and the findings on the layer', () => {
    start();
    const step = workshopStep(wb, ctx, { id: 1, group: 0, layer: 5 });
    expect(step).toMatchObject({ stepNumber: 5, steps: 20, groupCount: 2, layerCount: 10, published: 'customer', serviceModel: 'iaas' });
    expect(step.layer.title).toBe('Network controls');
    expect(step.layer.description.length).toBeGreaterThan(10);
    expect(step.variants).toHaveLength(1);
    expect(step.variants[0]!.roles.A.map((p) => p.name)).toEqual(['Alice']);
    expect(step.variants[0]!.defaultRoles).toContain('A');
  });

  it('changes the RACI of every asset of the group at once, logged with the workshop and attendees, undoable', () => {
    start();
    const step = decide(wb, ctx, { id: 1, group: 0, layerId: 'network-controls', decision: { kind: 'raci', roles: { R: [net], A: [platform] }, reason: 'NSGs are run centrally' } });
    expect(step.decisions).toHaveLength(1);
    expect(step.decisions[0]).toMatchObject({ kind: 'raci', after: 'Responsible: Network team; Accountable: Platform team', reason: 'NSGs are run centrally' });
    expect(step.decisions[0]!.before).toMatch(/^customer · R: Alice \(default\); A: Alice \(default\)/);
    for (const id of vms) {
      expect(roleNames(id, 'network-controls', 'A')).toEqual(['Platform team']);
      expect(roleNames(id, 'network-controls', 'R')).toEqual(['Network team']);
    }
    expect(roleNames(dbs[0]!, 'network-controls', 'A')).toEqual(['Alice']);
    const [entry] = changes(wb, { action: 'workshops.decide' });
    expect(entry!.summary).toContain('decided in workshop "Q1 platform review" with 3 attendees');
    expect(entry!.after).toMatchObject({ ids: vms, workshop: 'Q1 platform review', attendees: ['Alice', 'Platform team', 'Network team'] });
    expect(changes(wb, { assetId: vms[1]! }).some((e) => e.action === 'workshops.decide')).toBe(true);

    undo(wb, ctx);
    expect(roleNames(vms[0]!, 'network-controls', 'A')).toEqual(['Alice']);
    expect(workshopStep(wb, ctx, { id: 1, group: 0, layer: 5 }).decisions).toEqual([]);
  });

  it('refuses a decision that breaks a rule on any asset, writing nothing', () => {
    start();
    const before = sha256File(path);
    const raci = refusal(() => decide(wb, ctx, { id: 1, group: 0, layerId: 'customer-data', decision: { kind: 'raci', roles: { A: [microsoft] } } }));
    expect(raci.code).toBe('RULE_VIOLATION');
    expect(raci.message).toMatch(/for 3 of 3 assets of the group — vm1: Microsoft is the provider and cannot be Accountable/);
    const override = refusal(() => decide(wb, ctx, { id: 1, group: 0, layerId: 'customer-data', decision: { kind: 'override', responsibility: 'provider', justification: 'we bought a managed service' } }));
    expect(override.code).toBe('RULE_VIOLATION');
    expect(sha256File(path)).toBe(before);
  });

  it('overrides a layer for the whole group with the justification', () => {
    start();
    decide(wb, ctx, { id: 1, group: 0, layerId: 'operating-system', decision: { kind: 'override', responsibility: 'shared', justification: 'Patching is done by the MSP under contract 42' } });
    for (const id of vms) expect(assetDetail(wb, ctx, id).layers.find((l) => l.layerId === 'operating-system')!.responsibility).toBe('shared');
  });

  it('defers a layer with an action: ACTION_OPEN on each asset until the action is closed', () => {
    start();
    const step = decide(wb, ctx, { id: 1, group: 1, layerId: 'identities-and-users', decision: { kind: 'defer', title: 'Find who grants SQL logins', ownerPartyId: net, dueOn: '2026-12-15' } });
    expect(step.actions).toEqual([expect.objectContaining({ title: 'Find who grants SQL logins', owner: 'Network team', dueOn: '2026-12-15', assets: 2, closedAt: null })]);
    expect(step.findings.find((f) => f.code === 'ACTION_OPEN')).toMatchObject({ assets: 2 });
    const codes = (id: number) => assetDetail(wb, ctx, id).findings.map((f) => f.code);
    expect(codes(dbs[0]!)).toContain('ACTION_OPEN');
    expect(refusal(() => decide(wb, ctx, { id: 1, group: 1, layerId: 'identities-and-users', decision: { kind: 'defer', title: 'x', ownerPartyId: microsoft, dueOn: '2026-12-15' } })).message).toMatch(/the cloud provider/);

    // The finding survives a reload of the engine (it is in the workbook, not only in memory).
    wb.engine.drop();
    expect(codes(dbs[1]!)).toContain('ACTION_OPEN');

    const closed = closeAction(wb, ctx, { actionId: step.actions[0]!.id, note: 'DBA team grants them' });
    expect(closed.closedAt).not.toBeNull();
    expect(codes(dbs[0]!)).not.toContain('ACTION_OPEN');
    undo(wb, ctx);
    expect(codes(dbs[0]!)).toContain('ACTION_OPEN');
  });

  it('pauses, survives a reopen of the workbook, resumes where it stopped, finishes', () => {
    start();
    decide(wb, ctx, { id: 1, group: 0, layerId: 'customer-data', decision: { kind: 'keep', reason: 'Owner is right' } });
    pauseWorkshop(wb, ctx, { id: 1, group: 1, layer: 2 });
    expect(refusal(() => decide(wb, ctx, { id: 1, group: 0, layerId: 'applications', decision: { kind: 'keep' } })).message).toMatch(/is paused; resume it/);
    closeWorkbook(wb);
    wb = openWorkbook(ctx, path);
    const [summary] = listWorkshopSummaries(wb, ctx);
    expect(summary).toMatchObject({ status: 'paused', position: { group: 1, layer: 2 }, decisions: 1, decidedSteps: 1 });
    expect(resumeWorkshop(wb, ctx, { id: 1 })).toMatchObject({ status: 'open', position: { group: 1, layer: 2 } });
    expect(finishWorkshop(wb, ctx, { id: 1 }).status).toBe('finished');
    expect(changes(wb, { entity: 'workshop' }).map((e) => e.action)).toEqual(['workshops.start', 'workshops.pause', 'workshops.resume', 'workshops.finish']);
    // Every workshop write went through the change log's chain: it verifies whole, its head the last entry.
    const chain = walkChain(wb.db);
    expect(chain.firstBreak).toBeNull();
    expect(chain.head?.id).toBe((wb.db.prepare('SELECT max(id) AS id FROM change_log').get() as { id: number }).id);
  });
});

describe('minutes', () => {
  function walk(): void {
    start();
    decide(wb, ctx, { id: 1, group: 0, layerId: 'network-controls', decision: { kind: 'raci', roles: { A: [platform] } } });
    decide(wb, ctx, { id: 1, group: 1, layerId: 'customer-data', decision: { kind: 'keep' } });
    decide(wb, ctx, { id: 1, group: 1, layerId: 'identities-and-users', decision: { kind: 'defer', title: 'Find who grants SQL logins', ownerPartyId: net, dueOn: '2026-12-15' } });
  }

  it('list exactly the decisions made, the actions, who is to sign off and the findings left open', () => {
    walk();
    const m = workshopMinutes(wb, ctx, 1);
    expect(m.organisation).toBe('Northwind');
    expect(m.decisions.map((d) => [d.groupLabel.split(' · ')[0], d.layerTitle, d.kind])).toEqual([
      ['Microsoft.Compute/virtualMachines', 'Network controls', 'raci'],
      ['Microsoft.Sql/servers/databases', 'Customer data', 'keep'],
      ['Microsoft.Sql/servers/databases', 'Identities and users', 'defer']
    ]);
    expect(m.actions.map((a) => [a.title, a.owner, a.dueOn])).toEqual([['Find who grants SQL logins', 'Network team', '2026-12-15']]);
    expect(m.signOff.find((s) => s.name === 'Platform team')).toEqual({ partyId: platform, name: 'Platform team', accountableLayers: 3, signed: false });
    expect(m.signOff.map((s) => s.name)).toEqual(['Alice', 'Platform team']);
    expect(m.openFindings.find((f) => f.code === 'ACTION_OPEN')).toMatchObject({ count: 2, assets: 2 });
  });

  it('count an attendee as signed once a sign-off of theirs that still holds covers the scope, and not after it goes stale', () => {
    walk();
    const scope = workshopSignOffScope({ id: 1, scope: { subscription: 'prod' } });
    expect(scope).toEqual({ kind: 'filter', filter: { subscription: 'prod' } });
    expect(workshopSignOffScope({ id: 1, scope: {} })).toEqual({ kind: 'workbook' });
    expect(workshopSignOffScope({ id: 1, scope: { set: 4 } })).toEqual({ kind: 'set', setId: 4 });
    // Free text, an owner or ids: the assets the workshop walked.
    expect(workshopSignOffScope({ id: 1, scope: { text: 'vm' } })).toEqual({ kind: 'workshop', workshopId: 1 });
    expect(workshopSignOffScope({ id: 1, scope: { set: 4, owner: 2 } })).toEqual({ kind: 'workshop', workshopId: 1 });
    // A sign-off of one asset only does not cover the workshop's five.
    addSignOff(wb, ctx, { scope: { kind: 'asset', assetId: vms[0]! }, partyId: platform, statement: 'I confirm' });
    expect(workshopMinutes(wb, ctx, 1).signOff.find((s) => s.name === 'Platform team')!.signed).toBe(false);
    addSignOff(wb, ctx, { scope, partyId: platform, statement: 'I confirm' });
    const signed = workshopMinutes(wb, ctx, 1).signOff;
    expect(signed.map((s) => [s.name, s.signed])).toEqual([['Alice', false], ['Platform team', true]]);
    // Anything it covers changes: the sign-off is stale and no longer counts.
    updateAssets(wb, ctx, { filter: { ids: [dbs[0]!] }, set: { ownerPartyId: net } });
    expect(workshopMinutes(wb, ctx, 1).signOff.find((s) => s.name === 'Platform team')!.signed).toBe(false);
  });

  it('are written as HTML and JSON, and as a Workshop sheet in the audit export', async () => {
    walk();
    const dir = join(path, '..');
    const html = await saveMinutes(wb, ctx, { id: 1, format: 'html', path: join(dir, 'minutes.html'), pagePerGroup: true }, undefined);
    expect(html).toMatchObject({ format: 'html', decisions: 3, actions: 1 });
    const text = readFileSync(html.path, 'utf8');
    expect(text).toContain('<h1>Q1 platform review</h1>');
    expect(text.match(/class="page"/g)).toHaveLength(2);
    const json = await saveMinutes(wb, ctx, { id: 1, format: 'json', path: join(dir, 'minutes.json'), pagePerGroup: false }, undefined);
    expect((JSON.parse(readFileSync(json.path, 'utf8')) as { decisions: unknown[] }).decisions).toHaveLength(3);
    await expect(saveMinutes(wb, ctx, { id: 1, format: 'pdf', path: join(dir, 'minutes.pdf'), pagePerGroup: false }, undefined)).rejects.toThrow(/not available here/);

    const out = join(dir, 'audit.xlsx');
    await exportWorkbook(wb, ctx, { path: out, format: 'xlsx', exportedAt: 'last-change' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Workshop')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(1).value).toBe('Q1 platform review');
    expect(sheet.getRow(2).getCell(7).value).toBe('RACI changed');
    expect(sheet.getRow(5).getCell(7).value).toBe('Action');
    expect(sheet.getRow(5).getCell(11).value).toBe('Network team');
  });
});
