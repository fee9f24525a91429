/**
 * The done-when scenario of the responsibility engine, end to end through the CLI: one asset of
 * each service model reports exactly the published cells of the workbook's model (both Microsoft
 * tables written out literally below), a permanent customer layer cannot be handed to the
 * provider, and `demarc check` finds the seed's mistakes until they are fixed.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '@shared/report';
import { setDefaultModel } from '@main/services/model-default';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { sha256File } from '@tests/helpers/temp';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';
import { cli } from '@tests/helpers/run-cli';

type Cell = 'customer' | 'provider' | 'shared';
const C: Cell = 'customer';
const M: Cell = 'provider';
const S: Cell = 'shared';

// Microsoft, "Shared responsibility in the cloud", text table (ms.date 2026-01-12).
//                                        On-prem IaaS PaaS SaaS
const MICROSOFT_2026: [string, Cell, Cell, Cell, Cell][] = [
  ['Customer data',                         C, C, C, C],
  ['Configurations and settings',           C, C, C, C],
  ['Identities and users',                  C, C, C, C],
  ['Client devices',                        C, C, C, S],
  ['Applications',                          C, C, S, S],
  ['Network controls',                      C, C, S, M],
  ['Operating system',                      C, C, M, M],
  ['Physical hosts',                        C, M, M, M],
  ['Physical network',                      C, M, M, M],
  ['Physical datacenter',                   C, M, M, M]
];

// The classic diagram (page dated 2023-09-28), read from its cell fills.
const MICROSOFT_CLASSIC_2023: [string, Cell, Cell, Cell, Cell][] = [
  ['Information and data',                  C, C, C, C],
  ['Devices (Mobile and PCs)',              C, C, C, C],
  ['Accounts and identities',               C, C, C, C],
  ['Identity and directory infrastructure', C, C, S, S],
  ['Applications',                          C, C, S, M],
  ['Network controls',                      C, C, S, M],
  ['Operating system',                      C, C, M, M],
  ['Physical hosts',                        C, M, M, M],
  ['Physical network',                      C, M, M, M],
  ['Physical datacenter',                   C, M, M, M]
];

const ASSETS = [
  { name: 'dc-fileserver', serviceModel: 'onprem' as const, column: 1 },
  { name: 'vm-erp', serviceModel: 'iaas' as const, column: 2 },
  { name: 'app-portal', serviceModel: 'paas' as const, column: 3 },
  { name: 'm365-mail', serviceModel: 'saas' as const, column: 4 }
];

function expectPublishedCells(report: Report, table: [string, Cell, Cell, Cell, Cell][]): void {
  for (const { name, column } of ASSETS) {
    const asset = report.assets.find((a) => a.name === name);
    expect(asset, name).toBeDefined();
    const actual = asset!.layers.map((l) => [l.title, l.published, l.responsibility]);
    const expected = table.map((row) => [row[0], row[column], row[column]]);
    expect(actual, name).toEqual(expected);
  }
  const model = report.models[0]!;
  expect(model.layers.map((l) => [l.title, l.cells.onprem, l.cells.iaas, l.cells.paas, l.cells.saas])).toEqual(table);
}

function seedScenario() {
  const { wb, path, close } = createTestWorkbook();
  const [alice, bob] = seedParties(wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Bob Leroy', kind: 'person', active: false, leftAt: '2026-10-31' }
  ]);
  seedAssets(wb.db, [
    ...ASSETS.map((a) => ({ name: a.name, serviceModel: a.serviceModel, ownerPartyId: alice!, type: 'Microsoft.Compute/virtualMachines' })),
    // A security tool with no owner: NO_OWNER and UNWATCHED_SECURITY_TOOL.
    { name: 'kv-secrets', type: 'Microsoft.KeyVault/vaults', serviceModel: 'paas' }
  ]);
  // Bob left but is still Responsible for the ERP VM's applications: INACTIVE_PARTY.
  wb.db.prepare("INSERT INTO raci_assignments (asset_id, layer_id, party_id, role) VALUES (2, 'applications', ?, 'R')").run(bob);
  close();
  return path;
}

describe('done-when: the responsibility engine through the CLI', () => {
  it('reports the published cells, refuses handing a permanent layer to the provider, and checks', async () => {
    const path = seedScenario();

    const report = await cli(['report', path, '--json']);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expectPublishedCells(JSON.parse(report.stdout) as Report, MICROSOFT_2026);

    const before = sha256File(path);
    const refused = await cli(['override', path, '--asset', 'app-portal', '--layer', 'Customer data', '--to', 'provider', '--why', 'We bought Defender']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('"Customer data" always stays with the customer');
    expect(refused.stderr).toContain('cannot be overridden to the provider');
    expect(sha256File(path)).toBe(before);

    const failing = await cli(['check', path]);
    expect(failing.code).toBe(1);
    for (const code of ['NO_OWNER', 'UNWATCHED_SECURITY_TOOL', 'INACTIVE_PARTY']) expect(failing.stdout).toContain(code);
    expect(failing.stdout).toContain('Bob Leroy left on 2026-10-31 but is still Responsible for "Applications" on "vm-erp"');
    const json = JSON.parse((await cli(['check', path, '--json'])).stdout) as { ok: boolean; groups: { code: string; count: number }[] };
    expect(json.ok).toBe(false);
    expect(json.groups.map((g) => g.code)).toEqual(expect.arrayContaining(['NO_OWNER', 'UNWATCHED_SECURITY_TOOL', 'INACTIVE_PARTY']));

    const assigned = await cli(['assign', path, '--where', 'owner=none', '--owner', 'alice martin']);
    expect(assigned).toMatchObject({ code: 0, stdout: 'Set owner Alice Martin on 1 asset\n' });
    const moved = await cli(['parties', path, 'reassign', 'Bob Leroy', 'Alice Martin']);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('1 role');

    const passing = await cli(['check', path, '--json']);
    const after = JSON.parse(passing.stdout) as { ok: boolean; groups: { severity: string }[] };
    expect(after.groups.filter((g) => g.severity === 'error')).toEqual([]);
    expect(passing.code).toBe(0);
  });

  it('reports the classic model’s cells after switching the default to microsoft-classic-2023', async () => {
    const path = seedScenario();
    const ctx = testServiceContext();
    const wb = openWorkbook(ctx, path);
    setDefaultModel(wb, ctx, 'microsoft-classic-2023');
    closeWorkbook(wb);
    const report = await cli(['report', path, '--json']);
    expect(report.code).toBe(0);
    const parsed = JSON.parse(report.stdout) as Report;
    expect(parsed.workbook.defaultModelId).toBe('microsoft-classic-2023');
    expectPublishedCells(parsed, MICROSOFT_CLASSIC_2023);
    // Bob's role on "Applications" kept its layer: both models have it.
    expect(parsed.assets.find((a) => a.name === 'vm-erp')!.layers.find((l) => l.layerId === 'applications')!.R).toEqual(['Bob Leroy']);
  });

  it('names close parties when --owner is unknown, and exits 2', async () => {
    const path = seedScenario();
    const result = await cli(['assign', path, '--where', 'sm=paas', '--owner', 'ALICE MARTIN']);
    expect(result.code).toBe(0);
    const unknown = await cli(['assign', path, '--where', 'sm=paas', '--owner', 'Alise Martin']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--owner: no party is named "Alise Martin"; close names: Alice Martin/);
  });
});
