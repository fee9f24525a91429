/**
 * The hand-made workbook of the framework tests: one asset per service model of Microsoft's 2026
 * table (owner Alice), Contoso MSP (a third party) named Responsible for the IaaS VM's operating
 * system, the Platform team the default team for customer data, and one unclassified asset.
 */
import { join } from 'node:path';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { setRaci } from '@main/services/raci-assign';
import { createWorkbook, updateSettings } from '@main/services/workbook-service';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { fixedClock, tempDir } from '@tests/helpers/temp';

export interface HandMade {
  wb: OpenWorkbook;
  ctx: ServiceContext;
  dir: string;
  path: string;
  ids: { onprem: number; iaas: number; paas: number; saas: number; unclassified: number };
  parties: { alice: number; platform: number; msp: number };
}

export function handMadeWorkbook(options: { dir?: string; name?: string } = {}): HandMade {
  const dir = options.dir ?? tempDir();
  const path = join(dir, options.name ?? 'Northwind.demarc');
  const ctx: ServiceContext = { clock: fixedClock(), osUser: 'tester' };
  const wb = createWorkbook(ctx, { path, organisation: 'Northwind Traders' });
  const [alice, platform, msp] = seedParties(wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Platform team', kind: 'team' },
    { name: 'Contoso MSP', kind: 'third_party' }
  ]) as [number, number, number];
  const [onprem, iaas, paas, saas, unclassified] = seedAssets(wb.db, [
    { name: 'dc-01', serviceModel: 'onprem', provider: 'onprem', ownerPartyId: alice },
    { name: 'vm-01', serviceModel: 'iaas', subscription: 'sub-prod', ownerPartyId: alice },
    { name: 'web-01', serviceModel: 'paas', subscription: 'sub-prod', ownerPartyId: alice },
    { name: 'm365', serviceModel: 'saas', subscription: 'sub-office', ownerPartyId: alice },
    { name: 'mystery', serviceModel: null, subscription: 'sub-lab', ownerPartyId: alice }
  ]) as [number, number, number, number, number];
  updateSettings(wb, ctx, { defaultTeamPerLayer: { 'customer-data': platform } });
  setRaci(wb, ctx, { assetId: iaas, layerId: 'operating-system', roles: { R: [msp] } });
  return { wb, ctx, dir, path, ids: { onprem, iaas, paas, saas, unclassified }, parties: { alice, platform, msp } };
}
