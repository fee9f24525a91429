/**
 * `demarc sets` and `--where set=NAME`: save a filter and a selection, list, show, rename, use a
 * set in assign and in a sign-off, delete; bad input exits 2 with one clear line and leaves the
 * workbook byte-identical.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SavedSet } from '@shared/saved-set';
import { closeWorkbook } from '@main/services/workbook-service';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { sha256File } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { cli } from '@tests/helpers/run-cli';

let dir: string;

beforeAll(() => {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  const [alice] = seedParties(t.wb.db, [
    { name: 'Alice', kind: 'person' },
    { name: 'Platform team', kind: 'team' }
  ]) as [number, number];
  seedAssets(t.wb.db, [
    { name: 'vm1', type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas', subscription: 'prod', ownerPartyId: alice },
    { name: 'vm2', type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas', subscription: 'prod', resourceGroup: 'rg-b' },
    { name: 'db1', type: 'Microsoft.Sql/servers/databases', serviceModel: 'paas', subscription: 'prod' },
    { name: 'vm-dev', type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas', subscription: 'dev' }
  ]);
  closeWorkbook(t.wb);
  dir = mkdtempSync(join(tmpdir(), 'demarc-cli-sets-'));
  copyFileSync(t.path, join(dir, 'test.demarc'));
  return () => rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('demarc sets', () => {
  it('saves a filter and a selection, lists, shows and renames them', async () => {
    const filter = await cli(['sets', 'test.demarc', 'save', 'Prod VMs', '--where', 'sub=prod,type=microsoft.compute/virtualmachines'], dir);
    expect(filter.code).toBe(0);
    expect(filter.stdout).toBe('Saved #1  Prod VMs  [Filter (follows the inventory)]  Subscription prod · Type microsoft.compute/virtualmachines: 2 assets now\n');
    const selection = await cli(['sets', 'test.demarc', 'save', 'Dev now', '--where', 'sub=dev', '--selection', '--json'], dir);
    expect(selection.code).toBe(0);
    expect(JSON.parse(selection.stdout) as SavedSet).toMatchObject({ id: 2, kind: 'selection', filter: null, assets: 1, label: '1 chosen asset' });
    const list = await cli(['sets', 'test.demarc', 'list'], dir);
    expect(list.stdout.split('\n').filter(Boolean).map((l) => l.split('  ')[1])).toEqual(['Dev now', 'Prod VMs']);
    const show = await cli(['sets', 'test.demarc', 'show', 'prod vms'], dir);
    expect(show.stdout).toContain('\n  vm1\n  vm2\n');
    const renamed = await cli(['sets', 'test.demarc', 'rename', 'Dev now', 'Dev review'], dir);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toMatch(/^Renamed: #2 {2}Dev review/);
  });

  it('takes a set wherever a filter is: assign --where set=NAME, and a sign-off of the set', async () => {
    const assign = await cli(['assign', 'test.demarc', '--where', 'set=Prod VMs,rg=rg-b', '--owner', 'Platform team', '--json'], dir);
    expect(assign.code).toBe(0);
    expect(JSON.parse(assign.stdout)).toMatchObject({ count: 1 });
    const signed = await cli(['signoff', 'test.demarc', '--by', 'Alice', '--where', 'set=Prod VMs', '--on', '2026-12-01'], dir);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/^Signed off: #1 Saved set “Prod VMs” \(2 assets\) — Alice on 2026-12-01/);
    const log = await cli(['log', 'test.demarc', '--json'], dir);
    expect(log.stdout).toContain('Saved the set “Prod VMs”');
  });

  it('refuses unknown sets, taken names and mixed sign-off scopes with exit 2, leaving the file as it was', async () => {
    const path = join(dir, 'test.demarc');
    const before = sha256File(path);
    const unknown = await cli(['assign', 'test.demarc', '--where', 'set=Nope', '--reviewed'], dir);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('demarc assign: --where: set: no saved set is named "Nope" (saved sets: "Dev review", "Prod VMs").\n');
    const taken = await cli(['sets', 'test.demarc', 'save', 'PROD vms', '--where', 'sub=dev'], dir);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('a saved set is already called “Prod VMs”');
    const mixed = await cli(['signoff', 'test.demarc', '--by', 'Alice', '--where', 'set=Prod VMs,sub=prod'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('give it alone');
    expect(sha256File(path)).toBe(before);
  });

  it('deletes a set', async () => {
    const deleted = await cli(['sets', 'test.demarc', 'delete', 'dev review'], dir);
    expect(deleted).toMatchObject({ code: 0, stdout: 'Deleted the saved set #2 "Dev review"\n' });
    expect((await cli(['sets', 'test.demarc', 'list'], dir)).stdout).not.toContain('Dev review');
  });
});
