import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAssetPage, matchingIds } from '@main/engine/query';
import { assetDetail } from '@main/engine/asset-detail';
import { updateAssets } from '@main/services/asset-update';
import { dashboard } from '@main/services/dashboard';
import { loadEngineInput } from '@main/engine/input';
import { buildEngineState } from '@main/engine/state';
import { findingsSummary, listFindings } from '@main/services/findings';
import { historyState, redo, undo } from '@main/services/history';
import { previewDefaultModel, setDefaultModel } from '@main/services/model-default';
import { compareTwoModels, importModel, listModels } from '@main/services/models';
import { clearOverride, setOverride } from '@main/services/overrides';
import { addParty, leaveParty, listPartiesWithCounts, reassignParty } from '@main/services/parties';
import { setRaci } from '@main/services/raci-assign';
import type { Db } from '@main/store/workbook-file';
import { BUILTIN_MODELS } from '@core/models';
import { DemarcError } from '@shared/errors';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** Every table's rows, to prove a refused write changed nothing. */
function snapshot(db: Db): string {
  const tables = ['meta', 'parties', 'assets', 'layer_overrides', 'raci_assignments', 'custom_models', 'change_log'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}
const changeCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
const lastChange = (db: Db) =>
  db.prepare('SELECT action, summary, before_json, after_json FROM change_log ORDER BY id DESC LIMIT 1').get() as {
    action: string;
    summary: string;
    before_json: string;
    after_json: string;
  };

function setup() {
  const t = createTestWorkbook();
  const [alice, bob, secops, msp] = seedParties(t.wb.db, [
    { name: 'Alice', kind: 'person' },
    { name: 'Bob', kind: 'person' },
    { name: 'SecOps', kind: 'team' },
    { name: 'Gone Person', kind: 'person', active: false, leftAt: '2026-01-31' }
  ]);
  const ids = seedAssets(t.wb.db, [
    { name: 'vm-1', serviceModel: 'iaas', ownerPartyId: alice!, type: 'Microsoft.Compute/virtualMachines', resourceGroup: 'prod' },
    { name: 'vm-2', serviceModel: 'iaas', ownerPartyId: alice!, type: 'Microsoft.Compute/virtualMachines', resourceGroup: 'prod' },
    { name: 'web-1', serviceModel: 'paas', ownerPartyId: bob!, type: 'Microsoft.Web/sites', resourceGroup: 'dev' },
    { name: 'kv-1', serviceModel: null, type: 'Microsoft.KeyVault/vaults', resourceGroup: 'dev' }
  ]);
  const microsoft = (t.wb.db.prepare("SELECT id FROM parties WHERE name = 'Microsoft'").get() as { id: number }).id;
  return { ...t, alice: alice!, bob: bob!, secops: secops!, gone: msp!, microsoft, ids };
}

function refused(fn: () => unknown, code: string, text: string | RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DemarcError);
    expect((error as DemarcError).code).toBe(code);
    expect((error as DemarcError).message).toMatch(text);
    return;
  }
  throw new Error('expected a refusal');
}

describe('assets', () => {
  it('pages, filters and sorts from memory with owner names and finding counts', () => {
    const { wb, ctx, close } = setup();
    const page = listAssetPage(wb, ctx, { filter: { resourceGroup: 'prod' }, sort: { column: 'name', direction: 'desc' }, offset: 0, limit: 1 });
    expect(page).toMatchObject({ total: 2, rows: [{ name: 'vm-2', owner: 'Alice' }] });
    const kv = listAssetPage(wb, ctx, { filter: { text: 'KV' }, offset: 0, limit: 10 });
    expect(kv.rows).toHaveLength(1);
    expect(kv.rows[0]).toMatchObject({ name: 'kv-1', worstSeverity: 'error' });
    expect(kv.rows[0]!.findings).toBeGreaterThan(0);
    expect(matchingIds(wb, ctx, { findingCode: 'UNWATCHED_SECURITY_TOOL' })).toEqual([4]);
    close();
  });

  it('bulk-updates in one transaction and one change-log entry that undo restores', () => {
    const { wb, ctx, close, secops } = setup();
    const n = changeCount(wb.db);
    const result = updateAssets(wb, ctx, { filter: { type: 'microsoft.compute/*' }, expectedCount: 2, set: { serviceModel: 'paas', ownerPartyId: secops } });
    expect(result).toEqual({ count: 2, summary: 'Set service model PaaS, owner SecOps on 2 assets' });
    expect(changeCount(wb.db)).toBe(n + 1);
    const entry = lastChange(wb.db);
    expect(entry.action).toBe('assets.update');
    expect(JSON.parse(entry.before_json)).toMatchObject({ count: 2, groups: [{ ids: [1, 2], values: { serviceModel: 'iaas', serviceModelSource: 'classifier', ownerPartyId: 2 } }] });
    const detail = assetDetail(wb, ctx, 1);
    expect(detail.asset).toMatchObject({ serviceModel: 'paas', serviceModelSource: 'manual', needsReview: false, ownerPartyId: secops });

    expect(historyState(wb)).toMatchObject({ canUndo: true, undoLabel: 'Undo: Set service model PaaS, owner SecOps on 2 assets' });
    undo(wb, ctx);
    expect(assetDetail(wb, ctx, 1).asset).toMatchObject({ serviceModel: 'iaas', serviceModelSource: 'classifier', ownerPartyId: 2 });
    expect(lastChange(wb.db).summary).toBe('Undo: Set service model PaaS, owner SecOps on 2 assets');
    redo(wb, ctx);
    expect(assetDetail(wb, ctx, 2).asset).toMatchObject({ serviceModel: 'paas', ownerPartyId: secops });
    expect(lastChange(wb.db).summary).toBe('Redo: Set service model PaaS, owner SecOps on 2 assets');
    // The in-memory state and a fresh load agree.
    const reloaded = JSON.stringify(buildEngineState(loadEngineInput(wb, ctx)).input.assets);
    expect(JSON.stringify(wb.engine.state(ctx).input.assets.map((a) => a))).toBe(reloaded);
    close();
  });

  it('refuses a changed selection, an inactive owner and an unknown model, writing nothing', () => {
    const { wb, ctx, close, gone } = setup();
    const before = snapshot(wb.db);
    refused(() => updateAssets(wb, ctx, { filter: { resourceGroup: 'prod' }, expectedCount: 3, set: { reviewed: true } }), 'RULE_VIOLATION', /2 assets match now, 3 were confirmed/);
    refused(() => updateAssets(wb, ctx, { filter: {}, set: { ownerPartyId: gone } }), 'RULE_VIOLATION', /Gone Person is no longer active/);
    refused(() => updateAssets(wb, ctx, { filter: {}, set: { modelId: 'nope' } }), 'NOT_FOUND', /"nope"/);
    expect(snapshot(wb.db)).toBe(before);
    close();
  });
});

describe('overrides', () => {
  it('refuses a permanent customer layer to the provider with the core message', () => {
    const { wb, ctx, close } = setup();
    const before = snapshot(wb.db);
    refused(() => setOverride(wb, ctx, { assetId: 1, layerId: 'customer-data', responsibility: 'provider', justification: 'Bought Defender' }), 'RULE_VIOLATION', /"Customer data" always stays with the customer/);
    refused(() => setOverride(wb, ctx, { assetId: 1, layerId: 'physical-hosts', responsibility: 'shared', justification: '   ' }), 'RULE_VIOLATION', /needs a justification/);
    expect(snapshot(wb.db)).toBe(before);
    close();
  });

  it('sets and clears with one entry each, and undo restores', () => {
    const { wb, ctx, close } = setup();
    const detail = setOverride(wb, ctx, { assetId: 1, layerId: 'physical-hosts', responsibility: 'shared', justification: 'Dedicated host we patch' });
    expect(detail.layers.find((l) => l.layerId === 'physical-hosts')).toMatchObject({ published: 'provider', responsibility: 'shared', overridden: true, overrideBy: 'tester' });
    expect(lastChange(wb.db).action).toBe('overrides.set');
    clearOverride(wb, ctx, { assetId: 1, layerId: 'physical-hosts' });
    expect(assetDetail(wb, ctx, 1).layers.find((l) => l.layerId === 'physical-hosts')!.overridden).toBe(false);
    undo(wb, ctx);
    expect(assetDetail(wb, ctx, 1).layers.find((l) => l.layerId === 'physical-hosts')!.responsibility).toBe('shared');
    close();
  });
});

describe('RACI', () => {
  it('refuses every rule on write with its message, writing nothing', () => {
    const { wb, ctx, close, alice, bob, gone, microsoft } = setup();
    const before = snapshot(wb.db);
    const layer = { assetId: 1, layerId: 'customer-data' };
    refused(() => setRaci(wb, ctx, { ...layer, roles: { A: [alice, bob] } }), 'RULE_VIOLATION', /needs exactly one Accountable; 2 are named \(Alice, Bob\)/);
    refused(() => setRaci(wb, ctx, { ...layer, roles: { R: [gone] } }), 'RULE_VIOLATION', /Gone Person is no longer active/);
    refused(() => setRaci(wb, ctx, { ...layer, roles: { R: [999] } }), 'RULE_VIOLATION', /Party #999 does not exist/);
    refused(() => setRaci(wb, ctx, { ...layer, roles: { A: [microsoft] } }), 'RULE_VIOLATION', /Microsoft is the provider and cannot be Accountable for "Customer data"/);
    refused(() => setRaci(wb, ctx, { ...layer, roles: { R: [microsoft] } }), 'RULE_VIOLATION', /needs at least one Responsible on the customer side/);
    refused(() => setRaci(wb, ctx, { ...layer, roles: { A: [microsoft], R: [gone] } }), 'RULE_VIOLATION', /no longer active.*provider and cannot be Accountable/);
    refused(() => setRaci(wb, ctx, { assetId: 1, layerId: 'nope', roles: { R: [alice] } }), 'NOT_FOUND', /no layer "nope"/);
    expect(snapshot(wb.db)).toBe(before);
    close();
  });

  it('sets roles, returns a role to its default with [], and undoes', () => {
    const { wb, ctx, close, bob, secops } = setup();
    const n = changeCount(wb.db);
    const detail = setRaci(wb, ctx, { assetId: 1, layerId: 'applications', roles: { R: [bob, secops], C: [secops] } });
    const layer = detail.layers.find((l) => l.layerId === 'applications')!;
    expect(layer.names).toEqual({ R: ['Bob', 'SecOps'], A: ['Alice'], C: ['SecOps'], I: [] });
    expect(layer.raci.defaultRoles).toEqual(['A', 'I']);
    expect(changeCount(wb.db)).toBe(n + 1);
    const back = setRaci(wb, ctx, { assetId: 1, layerId: 'applications', roles: { R: [] } });
    expect(back.layers.find((l) => l.layerId === 'applications')!.names.R).toEqual(['Alice']);
    undo(wb, ctx);
    undo(wb, ctx);
    expect(assetDetail(wb, ctx, 1).layers.find((l) => l.layerId === 'applications')!.names.C).toEqual([]);
    expect(historyState(wb)).toMatchObject({ canUndo: false, canRedo: true });
    close();
  });
});

describe('parties', () => {
  it('refuses duplicate names whatever the case', () => {
    const { wb, ctx, close } = setup();
    refused(() => addParty(wb, ctx, { name: 'alice', kind: 'person' }), 'ALREADY_EXISTS', /"Alice" already exists/);
    expect(addParty(wb, ctx, { name: 'Carol', kind: 'person', email: 'carol@example.org' })).toMatchObject({ name: 'Carol', active: true });
    close();
  });

  it('leave lists every holding as INACTIVE_PARTY findings; reassign clears them in one step', () => {
    const { wb, ctx, close, alice, bob, secops } = setup();
    setRaci(wb, ctx, { assetId: 3, layerId: 'applications', roles: { R: [alice] } });
    setRaci(wb, ctx, { assetId: 4, layerId: 'customer-data', roles: { C: [alice] } });
    const holdings = leaveParty(wb, ctx, { id: alice, leftAt: '2026-11-20' });
    expect(holdings.ownerOf.map((a) => a.assetName)).toEqual(['vm-1', 'vm-2']);
    expect(holdings.assignments.map((a) => `${a.assetName}/${a.layerTitle}/${a.role}`)).toEqual(['web-1/Applications/R', 'kv-1/Customer data/C']);
    const inactive = listFindings(wb, ctx, { code: 'INACTIVE_PARTY', offset: 0, limit: 100 }).rows.map((f) => f.message);
    expect(inactive.filter((m) => m.includes('Alice left on 2026-11-20'))).toHaveLength(4);
    expect(inactive.some((m) => m.includes('Responsible for "Applications" on "web-1"'))).toBe(true);
    expect(inactive.some((m) => m.includes('Consulted for "Customer data" on "kv-1"'))).toBe(true);

    refused(() => reassignParty(wb, ctx, { fromId: bob, toId: alice }), 'RULE_VIOLATION', /Alice is no longer active/);
    const n = changeCount(wb.db);
    expect(reassignParty(wb, ctx, { fromId: alice, toId: secops })).toMatchObject({ count: 4 });
    expect(changeCount(wb.db)).toBe(n + 1);
    expect(listFindings(wb, ctx, { code: 'INACTIVE_PARTY', offset: 0, limit: 100 }).rows.filter((f) => f.message.includes('Alice'))).toEqual([]);
    expect(listPartiesWithCounts(wb, ctx).find((p) => p.name === 'SecOps')).toMatchObject({ ownerOf: 2, roles: { R: 1, C: 1 } });
    undo(wb, ctx);
    expect(listPartiesWithCounts(wb, ctx).find((p) => p.name === 'Alice')).toMatchObject({ ownerOf: 2, roles: { R: 1, C: 1 } });
    close();
  });
});

describe('findings, dashboard', () => {
  it('summarises by code with severity, title and fix', () => {
    const { wb, ctx, close } = setup();
    const summary = findingsSummary(wb, ctx);
    expect(summary.map((g) => g.code)).toEqual(expect.arrayContaining(['NO_OWNER', 'UNWATCHED_SECURITY_TOOL', 'UNCLASSIFIED']));
    expect(summary[0]!.severity).toBe('error');
    expect(summary.find((g) => g.code === 'NO_OWNER')).toMatchObject({ count: 1, assets: 1, title: 'No owner', fix: expect.stringContaining('Name an active person or team') });
    const board = dashboard(wb, ctx);
    expect(board.assetsByServiceModel).toEqual([
      { modelId: 'microsoft-2026-01', modelName: 'Microsoft Azure shared responsibility (January 2026)', serviceModel: 'onprem', label: 'On-premises', count: 0 },
      { modelId: 'microsoft-2026-01', modelName: 'Microsoft Azure shared responsibility (January 2026)', serviceModel: 'iaas', label: 'IaaS', count: 2 },
      { modelId: 'microsoft-2026-01', modelName: 'Microsoft Azure shared responsibility (January 2026)', serviceModel: 'paas', label: 'PaaS', count: 1 },
      { modelId: 'microsoft-2026-01', modelName: 'Microsoft Azure shared responsibility (January 2026)', serviceModel: 'saas', label: 'SaaS', count: 0 },
      { modelId: null, modelName: null, serviceModel: null, label: 'Unclassified', count: 1 }
    ]);
    // Two IaaS VMs (7 customer, 3 provider each), one PaaS app (4 customer, 2 shared, 4 provider), one unclassified.
    expect(board.layersByResponsibility).toEqual({ customer: 18, provider: 10, shared: 2, unknown: 10 });
    expect(board.raciCompleteness).toEqual({ complete: 20, total: 20 });
    close();
  });
});

describe('models', () => {
  it('lists, compares, imports with clear errors and refuses built-in ids', () => {
    const { wb, ctx, close } = setup();
    expect(listModels(wb, ctx).map((m) => [m.id, m.isDefault, m.assetCount])).toEqual([
      ['aws-2026-12', false, 0],
      ['google-cloud-2023-08', false, 0],
      ['microsoft-2026-01', true, 4],
      ['microsoft-classic-2023', false, 0]
    ]);
    const cmp = compareTwoModels(wb, ctx, 'microsoft-classic-2023', 'microsoft-2026-01');
    expect(cmp.rows.find((r) => r.aLayerId === 'information-and-data')).toMatchObject({ bLayerId: 'customer-data' });
    expect(cmp.differenceCount).toBeGreaterThan(0);

    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...BUILTIN_MODELS['microsoft-2026-01'], id: 'acme', cells: { ...BUILTIN_MODELS['microsoft-2026-01']!.cells, 'customer-data': { onprem: 'customer', iaas: 'customer', paas: 'customer', saas: 'provider' } } }));
    refused(() => importModel(wb, ctx, broken), 'BAD_FILE', /broken\.json: not a valid responsibility model[\s\S]*\$\.cells\["customer-data"\]\.saas/);
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ nope');
    refused(() => importModel(wb, ctx, notJson), 'BAD_FILE', /x\.json: not valid JSON/);
    const clash = join(dir, 'clash.json');
    writeFileSync(clash, JSON.stringify(BUILTIN_MODELS['microsoft-2026-01']));
    refused(() => importModel(wb, ctx, clash), 'ALREADY_EXISTS', /built-in model/);
    const good = join(dir, 'acme.json');
    writeFileSync(good, JSON.stringify({ ...BUILTIN_MODELS['microsoft-2026-01'], id: 'acme-2026', name: 'Acme' }));
    expect(importModel(wb, ctx, good)).toMatchObject({ id: 'acme-2026', builtin: false, assetCount: 0 });
    expect(listModels(wb, ctx).map((m) => m.id)).toContain('acme-2026');
    close();
  });

  it('setDefault moves orphans to the matching layer, removes the rest and says so; undo restores', () => {
    const { wb, ctx, close, bob } = setup();
    setOverride(wb, ctx, { assetId: 1, layerId: 'client-devices', responsibility: 'shared', justification: 'Intune by MSP' });
    setOverride(wb, ctx, { assetId: 1, layerId: 'configurations-and-settings', responsibility: 'shared', justification: 'Baseline by MSP' });
    setRaci(wb, ctx, { assetId: 1, layerId: 'identities-and-users', roles: { C: [bob] } });
    const preview = previewDefaultModel(wb, ctx, 'microsoft-classic-2023');
    expect(preview).toMatchObject({ orphanedOverrides: 2, orphanedAssignments: 1 });
    expect(preview.examples.some((e) => e.includes('moves to "Devices (Mobile and PCs)"'))).toBe(true);
    expect(preview.examples.some((e) => e.includes('is removed (no matching layer)'))).toBe(true);

    setDefaultModel(wb, ctx, 'microsoft-classic-2023');
    const entry = lastChange(wb.db);
    expect(entry.summary).toBe(
      "Default model microsoft-2026-01 → microsoft-classic-2023 (2023-09-28); moved 1 override(s) and 1 role(s) to the matching layers; removed 1 override(s) and 0 role(s) with no matching layer (kept in this entry's before)"
    );
    expect(JSON.parse(entry.before_json).overrides.map((o: { layerId: string }) => o.layerId).sort()).toEqual(['client-devices', 'configurations-and-settings']);
    const after = assetDetail(wb, ctx, 1);
    expect(after.model.id).toBe('microsoft-classic-2023');
    expect(after.layers.find((l) => l.layerId === 'devices-mobile-and-pcs')).toMatchObject({ overridden: true, justification: 'Intune by MSP' });
    expect(after.layers.find((l) => l.layerId === 'accounts-and-identities')!.names.C).toEqual(['Bob']);
    undo(wb, ctx);
    const restored = assetDetail(wb, ctx, 1);
    expect(restored.model.id).toBe('microsoft-2026-01');
    expect(restored.layers.filter((l) => l.overridden).map((l) => l.layerId)).toEqual(['configurations-and-settings', 'client-devices']);
    close();
  });
});
