/**
 * Sign-offs: recorded with the state they vouch for; stale the moment anything they cover changes
 * (RACI, override, owner, service model), naming what changed and the change-log entry that did;
 * SIGN_OFF_STALE and NOT_SIGNED_OFF findings; the rules on who may sign; the export's sheet and column.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateAssets } from '@main/services/asset-update';
import { exportWorkbook } from '@main/services/export-service';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { addSignOff, listSignOffs } from '@main/services/sign-offs';
import { updateSettings } from '@main/services/workbook-service';
import type { Finding } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

function signedWorkbook() {
  const t = createTestWorkbook();
  const [alice, platform, msp, bob] = seedParties(t.wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Platform team', kind: 'team' },
    { name: 'Contoso MSP', kind: 'third_party' },
    { name: 'Bob Chen', kind: 'person' }
  ]) as [number, number, number, number];
  const [vm, web, other] = seedAssets(t.wb.db, [
    { name: 'vm-01', serviceModel: 'iaas', subscription: 'sub-prod', ownerPartyId: alice },
    { name: 'web-01', serviceModel: 'paas', subscription: 'sub-prod', ownerPartyId: alice },
    { name: 'lab-01', serviceModel: 'iaas', subscription: 'sub-lab', ownerPartyId: alice }
  ]) as [number, number, number];
  return { ...t, parties: { alice, platform, msp, bob }, assets: { vm, web, other } };
}

const findingsOf = (t: ReturnType<typeof signedWorkbook>, code: Finding['code']) => t.wb.engine.state(t.ctx).findings.filter((f) => f.code === code);

describe('sign-offs', () => {
  it('records a sign-off of an asset, valid until something it covers changes', () => {
    const t = signedWorkbook();
    const signed = addSignOff(t.wb, t.ctx, { scope: { kind: 'asset', assetId: t.assets.vm }, partyId: t.parties.alice, signedOn: '2026-11-30', statement: 'I confirm the RACI' });
    expect(signed).toMatchObject({ scopeLabel: 'vm-01', partyName: 'Alice Martin', signedOn: '2026-11-30', assets: 1, stale: null, recordedBy: 'tester' });
    expect(signed.changeId).not.toBeNull();
    expect(findingsOf(t, 'SIGN_OFF_STALE')).toEqual([]);
    // The workbook now signs off: the assets nobody signed show their customer layers (info by default).
    const never = findingsOf(t, 'NOT_SIGNED_OFF');
    expect(never.map((f) => f.assetId).sort()).toEqual([t.assets.web, t.assets.other].sort());
    expect(never[0]!.severity).toBe('info');
    t.close();
  });

  const changes: { name: string; change: (t: ReturnType<typeof signedWorkbook>) => void; words: string }[] = [
    { name: 'a RACI cell', change: (t) => setRaci(t.wb, t.ctx, { assetId: t.assets.vm, layerId: 'operating-system', roles: { R: [t.parties.msp] } }), words: 'Operating system (responsibility or RACI)' },
    {
      name: 'an override',
      change: (t) => setOverride(t.wb, t.ctx, { assetId: t.assets.vm, layerId: 'network-controls', responsibility: 'shared', justification: 'the provider runs the perimeter firewall for us' }),
      words: '(responsibility or RACI)'
    },
    { name: 'the owner', change: (t) => updateAssets(t.wb, t.ctx, { filter: { ids: [t.assets.vm] }, set: { ownerPartyId: t.parties.bob } }), words: 'owner' },
    { name: 'the service model', change: (t) => updateAssets(t.wb, t.ctx, { filter: { ids: [t.assets.vm] }, set: { serviceModel: 'paas' } }), words: 'service model' }
  ];
  for (const c of changes) {
    it(`goes stale when ${c.name} changes, naming what changed and who changed it`, () => {
      const t = signedWorkbook();
      addSignOff(t.wb, t.ctx, { scope: { kind: 'asset', assetId: t.assets.vm }, partyId: t.parties.platform, statement: 'ok' });
      // The next change is made by someone else at their machine.
      c.change({ ...t, ctx: { ...t.ctx, osUser: 'Carol Editor' } });
      const [status] = listSignOffs(t.wb, t.ctx, {});
      expect(status!.stale).not.toBeNull();
      expect(status!.stale!.changes.join(', ')).toContain(c.words);
      expect(status!.stale!.since).toMatchObject({ actor: 'Carol Editor' });
      const stale = findingsOf(t, 'SIGN_OFF_STALE');
      expect(stale).toHaveLength(1);
      expect(stale[0]).toMatchObject({ assetId: t.assets.vm, severity: 'warning' });
      expect(stale[0]!.message).toContain('The sign-off by Platform team on');
      expect(stale[0]!.message).toContain(c.words);
      t.close();
    });
  }

  it('a one-layer sign-off ignores changes to other layers', () => {
    const t = signedWorkbook();
    addSignOff(t.wb, t.ctx, { scope: { kind: 'layer', assetId: t.assets.vm, layerId: 'customer-data' }, partyId: t.parties.alice, statement: 'ok' });
    setRaci(t.wb, t.ctx, { assetId: t.assets.vm, layerId: 'operating-system', roles: { R: [t.parties.msp] } });
    expect(listSignOffs(t.wb, t.ctx, {})[0]!.stale).toBeNull();
    setRaci(t.wb, t.ctx, { assetId: t.assets.vm, layerId: 'customer-data', roles: { C: [t.parties.bob] } });
    expect(listSignOffs(t.wb, t.ctx, {})[0]!.stale!.changes).toEqual(['Customer data (responsibility or RACI)']);
    t.close();
  });

  it('covers the assets a filter or the workbook matched when signed', () => {
    const t = signedWorkbook();
    const prod = addSignOff(t.wb, t.ctx, { scope: { kind: 'filter', filter: { subscription: 'sub-prod' } }, partyId: t.parties.alice, statement: 'ok' });
    expect(prod).toMatchObject({ assets: 2, scopeLabel: 'Subscription sub-prod' });
    const all = addSignOff(t.wb, t.ctx, { scope: { kind: 'workbook' }, partyId: t.parties.platform, statement: 'ok' });
    expect(all).toMatchObject({ assets: 3, scopeLabel: 'Whole workbook' });
    updateAssets(t.wb, t.ctx, { filter: { ids: [t.assets.other] }, set: { ownerPartyId: t.parties.bob } });
    const [wholeNow, prodNow] = listSignOffs(t.wb, t.ctx, {});
    expect(wholeNow!.stale).toMatchObject({ assets: 1, assetName: 'lab-01', changes: ['owner', '10 layers (responsibility or RACI)'] });
    expect(prodNow!.stale).toBeNull();
    expect(listSignOffs(t.wb, t.ctx, { assetId: t.assets.web }).map((s) => s.id)).toEqual([all.id, prod.id]);
    expect(listSignOffs(t.wb, t.ctx, { assetId: t.assets.other }).map((s) => s.id)).toEqual([all.id]);
    t.close();
  });

  it('refuses a provider, a third party, someone who left, and a scope without assets', () => {
    const t = signedWorkbook();
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof DemarcError ? `${error.code}: ${error.message}` : String(error);
      }
      return 'no error';
    };
    expect(refusal(() => addSignOff(t.wb, t.ctx, { scope: { kind: 'workbook' }, partyId: t.parties.msp, statement: 'ok' }))).toMatch(/^RULE_VIOLATION: Contoso MSP is a third party/);
    expect(refusal(() => addSignOff(t.wb, t.ctx, { scope: { kind: 'filter', filter: { subscription: 'nope' } }, partyId: t.parties.alice, statement: 'ok' }))).toMatch(/^INVALID_INPUT: scope.filter: no asset matches/);
    expect(refusal(() => addSignOff(t.wb, t.ctx, { scope: { kind: 'layer', assetId: t.assets.vm, layerId: 'roof' }, partyId: t.parties.alice, statement: 'ok' }))).toMatch(/^INVALID_INPUT: scope.layerId/);
    expect(listSignOffs(t.wb, t.ctx, {})).toEqual([]);
    t.close();
  });

  it('NOT_SIGNED_OFF follows the severity chosen in Settings', () => {
    const t = signedWorkbook();
    addSignOff(t.wb, t.ctx, { scope: { kind: 'asset', assetId: t.assets.vm }, partyId: t.parties.alice, statement: 'ok' });
    updateSettings(t.wb, t.ctx, { notSignedOffSeverity: 'warning' });
    expect(findingsOf(t, 'NOT_SIGNED_OFF').map((f) => f.severity)).toEqual(['warning', 'warning']);
    updateSettings(t.wb, t.ctx, { notSignedOffSeverity: 'off' });
    expect(findingsOf(t, 'NOT_SIGNED_OFF')).toEqual([]);
    t.close();
  });

  it('the export has a Sign-offs sheet and says who signed each row off, stale or not', async () => {
    const t = signedWorkbook();
    addSignOff(t.wb, t.ctx, { scope: { kind: 'asset', assetId: t.assets.vm }, partyId: t.parties.alice, signedOn: '2026-11-30', statement: 'I confirm' });
    addSignOff(t.wb, t.ctx, { scope: { kind: 'layer', assetId: t.assets.web, layerId: 'customer-data' }, partyId: t.parties.bob, signedOn: '2026-12-01', statement: 'Data is ours' });
    setRaci(t.wb, t.ctx, { assetId: t.assets.vm, layerId: 'operating-system', roles: { R: [t.parties.msp] } });
    const out = join(t.path, '..', 'audit.xlsx');
    const result = await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: out, exportedAt: 'last-change' });
    expect(result.sheets).toContain('Sign-offs');
    const book = await readWorkbook(out);
    const signOffs = sheetRows(book.getWorksheet('Sign-offs')!, 12);
    expect(signOffs[0]).toEqual(['Scope', 'Assets', 'Signed by', 'Signed on', 'Statement', 'Note', 'Recorded at', 'Recorded by', 'Status', 'Stale since', 'Changed by', 'Why']);
    expect(signOffs.slice(1).map((r) => [r[0], r[2], r[3], r[8]])).toEqual([
      ['web-01 × Customer data', 'Bob Chen', '2026-12-01', 'Valid'],
      ['vm-01', 'Alice Martin', '2026-11-30', 'Stale']
    ]);
    expect(String(signOffs[2]![11])).toContain('Operating system (responsibility or RACI) changed on vm-01');
    const raci = sheetRows(book.getWorksheet('RACI')!, 13);
    const signedCol = raci[0]!.indexOf('Signed off by / on');
    expect(signedCol).toBe(12);
    expect(raci.find((r) => r[0] === 'vm-01' && r[2] === 'Operating system')![signedCol]).toBe('Alice Martin on 2026-11-30, stale');
    expect(raci.find((r) => r[0] === 'web-01' && r[2] === 'Customer data')![signedCol]).toBe('Bob Chen on 2026-12-01');
    expect(raci.find((r) => r[0] === 'web-01' && r[2] === 'Applications')![signedCol]).toBeNull();
    const matrix = sheetRows(book.getWorksheet('Matrix')!);
    const matrixCol = matrix[0]!.indexOf('Signed off by / on');
    // Right after the layers' column pairs, before what the import brought (not seen, other columns, why).
    expect(matrix[0]![matrixCol + 1]).toBe('Not seen in last import');
    expect(matrix.find((r) => r[0] === 'vm-01')![matrixCol]).toBe('Alice Martin on 2026-11-30, stale');
    t.close();
  });

  it('the CLI signs off and lists, exiting 1 while a sign-off is stale', async () => {
    const t = signedWorkbook();
    t.close();
    const signed = await cli(['signoff', t.path, '--by', 'alice martin', '--asset', 'vm-01', '--layer', 'operating-system', '--on', '2026-11-30', '--json']);
    expect(signed.code, signed.stderr).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ scopeLabel: 'vm-01 × Operating system', signedOn: '2026-11-30', stale: null });
    expect((await cli(['signoff', t.path, '--by', 'Platform team', '--where', 'sub=sub-prod'])).stdout).toContain('Subscription sub-prod (2 assets) — Platform team');
    expect((await cli(['signoff', t.path, '--list'])).code).toBe(0);
    expect((await cli(['raci', t.path, '--asset', 'vm-01', '--layer', 'operating-system', '--R', 'Bob Chen'])).code).toBe(0);
    const listed = await cli(['signoff', t.path, '--list']);
    expect(listed.code).toBe(1);
    expect(listed.stdout).toMatch(/STALE since \S+ by cli-tester \(.*\): Operating system \(responsibility or RACI\) changed on vm-01/);
    const refused = await cli(['signoff', t.path, '--by', 'Contoso MSP', '--workbook']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Contoso MSP is a third party');
  });
});
