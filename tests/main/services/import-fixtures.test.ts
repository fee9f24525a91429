/** Every shared inventory fixture imports with exact counts and types; a re-import changes nothing. */
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '@shared/contract/import';
import type { Asset } from '@shared/domain';
import { listAssets } from '@main/store/repos/assets';
import { countsById } from '@tests/helpers/service-model-counts';
import { fixturePath, importRouter } from '@tests/helpers/import-fixture';

interface Expected {
  file: string;
  format: string;
  encoding: string;
  rows: number;
  models: Partial<Record<'onprem' | 'iaas' | 'paas' | 'saas' | 'none', number>>;
  needsReview: number;
  azure: boolean;
  /** A few assets: name → the fields to check. */
  spot: Record<string, Partial<Pick<Asset, 'type' | 'kind' | 'subscription' | 'resourceGroup' | 'location' | 'serviceModel' | 'serviceModelSource' | 'provider'>>>;
}

const SUB_NSC = '27db5ec6-d206-4028-b5e1-6004dca5eeef';
const SUB_SHIWEI = '58aa6c07-2c69-4922-9196-19aed3771a8e';

const CASES: Expected[] = [
  {
    file: 'inventory/drghassen_az-resource-list-default_utf8.json',
    format: 'az-json',
    encoding: 'utf-8',
    rows: 2,
    models: { iaas: 1, paas: 1 },
    needsReview: 1,
    azure: true,
    spot: {
      NetworkWatcher_norwayeast: { type: 'Microsoft.Network/networkWatchers', resourceGroup: 'NetworkWatcherRG', location: 'norwayeast', serviceModel: 'iaas', subscription: '8eef52e8-b918-4aec-8a36-fb2218e65f77' },
      sttfstateghassen01: { type: 'Microsoft.Storage/storageAccounts', kind: 'StorageV2', resourceGroup: 'rg-terraform-state', serviceModel: 'paas' }
    }
  },
  {
    file: 'inventory/mce-lib-azure_arm-rest-resource_group_list.json',
    format: 'arm-rest',
    encoding: 'utf-8',
    rows: 2,
    models: { saas: 2 },
    needsReview: 2,
    azure: true,
    spot: { MY_RG: { type: 'Microsoft.Resources/resourceGroups', resourceGroup: 'MY_RG', location: 'francecentral' } }
  },
  {
    file: 'inventory/mce-lib-azure_arm-rest-resource_list.json',
    format: 'arm-rest',
    encoding: 'utf-8',
    rows: 2,
    models: { paas: 2 },
    needsReview: 1,
    azure: true,
    spot: {
      'xxx-csp-reporting-autoaccount': { type: 'Microsoft.Automation/automationAccounts', resourceGroup: 'xxx-CSP-Reporting-01', serviceModel: 'paas', location: 'westeurope' }
    }
  },
  {
    file: 'inventory/nsc-infra_az-resource-list-full_utf16le.json',
    format: 'az-json',
    encoding: 'utf-16le',
    rows: 20,
    models: { iaas: 14, paas: 6 },
    needsReview: 6,
    azure: true,
    spot: {
      'team4-trade-data': { type: 'Microsoft.EventHub/namespaces', subscription: SUB_NSC, resourceGroup: '2dt-final-team4', location: 'koreacentral', serviceModel: 'paas' },
      'kafka-1-nsg': { type: 'Microsoft.Network/networkSecurityGroups', serviceModel: 'iaas', provider: 'azure' }
    }
  },
  {
    file: 'inventory/shiwei1981_Get-AzResourceGroup_Export-Csv_utf8bom.csv',
    format: 'get-azresource-csv',
    encoding: 'utf-8-bom',
    rows: 17,
    models: { saas: 17 },
    needsReview: 17,
    azure: true,
    spot: { AOAIRG: { type: 'Microsoft.Resources/resourceGroups', resourceGroup: 'AOAIRG', location: 'eastus' } }
  },
  {
    file: 'inventory/shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv',
    format: 'get-azresource-csv',
    encoding: 'utf-8-bom',
    rows: 173,
    models: { iaas: 104, paas: 57, saas: 12 },
    needsReview: 53,
    azure: true,
    spot: {
      BillAPIEmailAlertAction: { type: 'microsoft.insights/actiongroups', subscription: SUB_SHIWEI, resourceGroup: 'AlertActionRG', location: 'global', serviceModel: 'saas' },
      azureaihub8666279378: { type: 'Microsoft.Storage/storageAccounts', resourceGroup: 'AOAIRG', location: 'eastus2', serviceModel: 'paas', serviceModelSource: 'classifier' }
    }
  },
  {
    file: 'onprem/microhack_azure-migrate-import_servers.csv',
    format: 'azure-migrate-csv',
    encoding: 'utf-8',
    rows: 90,
    models: { onprem: 90 },
    needsReview: 0,
    azure: false,
    spot: { lnx5032: { type: 'Server', kind: 'Virtual', serviceModel: 'onprem', serviceModelSource: 'import', provider: 'onprem' } }
  },
  {
    file: 'cmdb/snipe-it_assets-sample.csv',
    format: 'snipe-it-csv',
    encoding: 'utf-8-bom',
    rows: 22,
    models: { none: 22 },
    needsReview: 22,
    azure: false,
    spot: { Backhoe: { type: 'Ornamental Railings', provider: 'cmdb', serviceModel: null } }
  },
  {
    file: 'cmdb/snipe-it_models-sample.csv',
    format: 'generic-csv',
    encoding: 'utf-8-bom',
    rows: 20,
    models: { none: 20 },
    needsReview: 20,
    azure: false,
    spot: { 'Test Model 2': { type: 'Laptops', provider: 'other' } }
  }
];

describe('importing every shared fixture', () => {
  it.each(CASES)('$file', async (c) => {
    const { router, session } = await importRouter();
    const path = fixturePath(c.file);
    const preview = await router.handle('import.preview', { paths: [path] });
    expect(preview.ok).toBe(true);
    const p = (preview as { data: ImportPreview }).data;
    const file = p.files[0]!;
    expect([file.format, file.encoding, file.errors.length, file.complete, p.canApply]).toEqual([c.format, c.encoding, 0, true, true]);
    expect(p.counts).toEqual({ rows: c.rows, new: c.rows, updated: 0, unchanged: 0, notSeen: 0, merged: 0, errors: 0 });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.sample.length).toBe(Math.min(50, c.rows));
    const models = { onprem: 0, iaas: 0, paas: 0, saas: 0, none: 0, ...c.models };
    expect(countsById(p.classification.byServiceModel)).toEqual(models);
    expect(p.classification.needsReview).toBe(c.needsReview);
    if (c.azure) expect(p.classification.classifiedShare).toBeGreaterThanOrEqual(0.95);

    const applied = await router.handle('import.apply', { token: p.token });
    expect(applied).toMatchObject({ ok: true, data: { counts: { new: c.rows, updated: 0 } } });
    const assets = listAssets(session.require().db);
    expect(assets.length).toBe(c.rows);
    for (const [name, fields] of Object.entries(c.spot)) {
      expect(assets.find((a) => a.name === name), name).toMatchObject(fields);
    }
    expect(assets.every((a) => a.source === c.format && !a.notSeenInLastImport)).toBe(true);

    const again = await router.handle('import.apply', { paths: [path] });
    expect(again.ok).toBe(true);
    const counts = (again as { data: ImportResult }).data.counts;
    expect([counts.new, counts.updated, counts.unchanged, counts.notSeen]).toEqual([0, 0, c.rows, 0]);
    expect(listAssets(session.require().db).length).toBe(c.rows);
    session.close();
  });
});
