/**
 * "An owner is an active person or team" is one rule in the core (canOwn), asked by the service:
 * the CLI cannot make the provider, a third party or a leaver an asset's owner, and a refusal
 * writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { sha256File } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { cli } from '@tests/helpers/run-cli';

describe('demarc assign --owner', () => {
  it('refuses the provider, a third party and a leaver as owner, naming why, the workbook unchanged', async () => {
    const t = createTestWorkbook();
    seedParties(t.wb.db, [
      { name: 'Fabrikam MSP', kind: 'third_party' },
      { name: 'Gone', kind: 'person', active: false, leftAt: '2026-01-31' },
      { name: 'Platform', kind: 'team' }
    ]);
    seedAssets(t.wb.db, [{ name: 'vm-1', serviceModel: 'iaas' }]);
    t.close();
    const before = sha256File(t.path);
    const refusals: [string, RegExp][] = [
      ['Microsoft', /Microsoft is the cloud provider: an asset's owner is an active person or team/],
      ['Fabrikam MSP', /Fabrikam MSP is a third party: an asset's owner is an active person or team/],
      ['Gone', /Gone is no longer active \(left 2026-01-31\) and cannot own assets/]
    ];
    for (const [owner, why] of refusals) {
      const run = await cli(['assign', t.path, '--where', 'text=vm-1', '--owner', owner]);
      expect(run.code, owner).toBe(2);
      expect(run.stderr).toMatch(why);
      expect(sha256File(t.path)).toBe(before);
    }
    const ok = await cli(['assign', t.path, '--where', 'text=vm-1', '--owner', 'Platform']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Set owner Platform on 1 asset/);
  });

  it('refuses to reassign what a leaver owns to the provider', async () => {
    const t = createTestWorkbook();
    const [gone] = seedParties(t.wb.db, [{ name: 'Gone', kind: 'person', active: false, leftAt: '2026-01-31' }]);
    seedAssets(t.wb.db, [{ name: 'vm-1', ownerPartyId: gone! }]);
    t.close();
    const run = await cli(['parties', t.path, 'reassign', 'Gone', 'Microsoft']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Gone owns 1 asset: Microsoft is the cloud provider/);
  });
});
