/**
 * A workshop-sized workbook written on disk before the UI opens it: the real migrations via
 * createWorkbook, then assets and parties seeded straight into SQLite (tests only).
 */
import { join } from 'node:path';
import { closeWorkbook, createWorkbook } from '@main/services/workbook-service';
import type { ServiceModel } from '@shared/domain';
import { seedAssets, seedParties, type SeedAsset } from '@tests/helpers/seed';

export const PARTIES = ['Alice Martin', 'Bob Chen', 'Platform Team', 'Security Team', 'Carol Diaz'] as const;

export interface SeededWorkbook {
  path: string;
  partyIds: Record<(typeof PARTIES)[number], number>;
  assetIds: number[];
}

const SUB = '0f3c2a1e-0000-4000-8000-000000000001';

function vm(index: number, ownerPartyId: number | null): SeedAsset {
  const name = `vm-web-${String(index).padStart(2, '0')}`;
  return {
    name,
    externalId: `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/${name}`,
    type: 'Microsoft.Compute/virtualMachines',
    subscription: SUB,
    resourceGroup: 'rg-web',
    location: 'westeurope',
    tags: { env: index % 2 ? 'prod' : 'test', app: 'shop' },
    serviceModel: 'iaas',
    classificationReason: 'Virtual machines: the customer runs the operating system (FinOps toolkit: IaaS).',
    classificationConfidence: 'high',
    ownerPartyId
  };
}

function paas(name: string, type: string, serviceModel: ServiceModel | null, extra: Partial<SeedAsset> = {}): SeedAsset {
  return {
    name,
    externalId: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/${type}/${name}`,
    type,
    subscription: SUB,
    resourceGroup: 'rg-data',
    location: 'northeurope',
    tags: { env: 'prod' },
    serviceModel,
    classificationReason: serviceModel ? `${type} is listed as ${serviceModel.toUpperCase()} by the FinOps toolkit.` : 'Type not in the catalogue.',
    classificationConfidence: serviceModel ? 'high' : 'none',
    ...extra
  };
}

export function seedWorkshopWorkbook(dir: string, name = 'Contoso'): SeededWorkbook {
  const path = join(dir, `${name}.demarc`);
  const ctx = { clock: () => '2026-11-28T09:00:00.000Z', osUser: 'e2e-user' };
  const wb = createWorkbook(ctx, { path, organisation: 'Contoso Ltd' });
  try {
    const ids = seedParties(wb.db, [
      { name: 'Alice Martin', kind: 'person' },
      { name: 'Bob Chen', kind: 'person' },
      { name: 'Platform Team', kind: 'team' },
      { name: 'Security Team', kind: 'team' },
      { name: 'Carol Diaz', kind: 'person' }
    ]);
    const partyIds = Object.fromEntries(PARTIES.map((party, index) => [party, ids[index]!])) as SeededWorkbook['partyIds'];
    const assets: SeedAsset[] = [];
    for (let index = 1; index <= 24; index++) assets.push(vm(index, index <= 4 ? partyIds['Platform Team'] : null));
    assets.push(
      paas('sqldb-orders', 'Microsoft.Sql/servers/databases', 'paas', { ownerPartyId: partyIds['Alice Martin'] }),
      paas('kv-secrets', 'Microsoft.KeyVault/vaults', 'paas', { ownerPartyId: partyIds['Carol Diaz'] }),
      paas('stlogs001', 'Microsoft.Storage/storageAccounts', 'paas', {
        needsReview: true,
        classificationReason: 'Storage accounts: FinOps says IaaS, Microsoft Learn says PaaS — flagged for review.',
        classificationConfidence: 'medium'
      }),
      paas('aks-main', 'Microsoft.ContainerService/managedClusters', 'paas', {
        needsReview: true,
        classificationReason: 'AKS is hybrid: the customer runs node pools — flagged for review.',
        classificationConfidence: 'medium'
      }),
      paas('app-shop-api', 'Microsoft.Web/sites', 'paas', { ownerPartyId: partyIds['Carol Diaz'] }),
      paas('m365-tenant', 'Microsoft 365', 'saas', { provider: 'other', externalId: null, subscription: null, resourceGroup: null }),
      paas('legacy-appliance', 'Contoso/appliance', null),
      paas('onprem-dc01', 'Server', 'onprem', { provider: 'onprem', externalId: null, subscription: null, resourceGroup: null, location: 'Paris DC' })
    );
    const assetIds = seedAssets(wb.db, assets);
    return { path, partyIds, assetIds };
  } finally {
    closeWorkbook(wb);
  }
}
