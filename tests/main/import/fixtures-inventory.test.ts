import { describe, expect, it } from 'vitest';
import { importKey } from '@main/import/import-key';
import { readInventory } from '@main/import/read-inventory';
import { ReadResultSchema } from '@shared/import';
import { fixture } from '@tests/helpers/fixture-paths';

// Expected counts were computed independently of this code (python csv/json, iconv).

async function read(dir: string, file: string) {
  const result = await readInventory(fixture(dir, file), { fileName: file });
  // Every result must satisfy the IPC contract.
  ReadResultSchema.parse(result);
  return result;
}

describe('inventory fixtures', () => {
  it('az resource list, UTF-8: 2 resources', async () => {
    const r = await read('inventory', 'drghassen_az-resource-list-default_utf8.json');
    expect([r.format, r.encoding, r.rows.length, r.errors.length, r.totalRecords, r.complete]).toEqual([
      'az-json',
      'utf-8',
      2,
      0,
      2,
      true
    ]);
    const [watcher, storage] = r.rows;
    expect(watcher).toMatchObject({
      line: 1,
      name: 'NetworkWatcher_norwayeast',
      type: 'Microsoft.Network/networkWatchers',
      subscription: '8eef52e8-b918-4aec-8a36-fb2218e65f77',
      resourceGroup: 'NetworkWatcherRG',
      location: 'norwayeast',
      provider: 'azure',
      kind: null,
      sku: null,
      tags: {},
      source: 'az-json'
    });
    expect(storage).toMatchObject({
      kind: 'StorageV2',
      sku: 'Standard_LRS',
      tags: {},
      resourceGroup: 'rg-terraform-state'
    });
    expect(storage?.extra).toMatchObject({
      provisioningState: 'Succeeded',
      createdTime: '2026-04-03T00:04:47.189417+00:00'
    });
  });

  it('az resource list, UTF-16LE with BOM and CRLF (Windows PowerShell): 20 resources', async () => {
    const r = await read('inventory', 'nsc-infra_az-resource-list-full_utf16le.json');
    expect([r.format, r.encoding, r.rows.length, r.errors.length, r.warnings]).toEqual([
      'az-json',
      'utf-16le',
      20,
      0,
      []
    ]);
    // tags: null 8×, {} 9×, populated 3× (records 14, 15, 16)
    expect(r.rows.filter((row) => Object.keys(row.tags).length > 0).map((row) => row.line)).toEqual([
      14, 15, 16
    ]);
    expect(r.rows[13]?.tags).toEqual({
      destroyable: 'true',
      env: 'dev',
      expires_on: '2026-02-28',
      owner: '2dt026',
      project: 'data-pipeline'
    });
    const disk = r.rows.find((row) => row.type === 'Microsoft.Compute/disks');
    expect(disk?.resourceGroup).toBe('2DT-FINAL-TEAM4');
    expect(disk?.managedBy).toBe(
      '/subscriptions/27db5ec6-d206-4028-b5e1-6004dca5eeef/resourceGroups/2dt-final-team4/providers/Microsoft.Compute/virtualMachines/flink'
    );
    expect(disk?.sku).toBe('Premium_LRS');
    expect(importKey(disk!)).toBe(
      '/subscriptions/27db5ec6-d206-4028-b5e1-6004dca5eeef/resourcegroups/2dt-final-team4/providers/microsoft.compute/disks/flink_osdisk_1_a4348cb1657a4be58f118f47449e0e53'
    );
    expect(r.rows.find((row) => row.name === 'flink')?.extra?.identity).toBe('SystemAssigned');
    // identity {type: "None"} is no identity
    expect(r.rows.find((row) => row.name === '2dt-final-team4-aoai')).toMatchObject({
      kind: 'OpenAI',
      sku: 'S0'
    });
    expect(r.rows.find((row) => row.name === '2dt-final-team4-aoai')?.extra?.identity).toBeUndefined();
    expect(
      r.rows
        .filter((row) => row.type === 'Microsoft.Compute/virtualMachines/extensions')
        .map((row) => row.name)
    ).toEqual(['flink/AADSSHLoginForLinux', 'flink/HealthExtension']);
    expect(new Set(r.rows.map(importKey)).size).toBe(20);
  });

  it('ARM REST {value: [...]}: 2 resources', async () => {
    const r = await read('inventory', 'mce-lib-azure_arm-rest-resource_list.json');
    expect([r.format, r.encoding, r.rows.length, r.errors.length]).toEqual(['arm-rest', 'utf-8', 2, 0]);
    expect(r.rows[0]).toMatchObject({
      name: 'xxxcloudshellsa01',
      resourceGroup: 'Cloud-Shell',
      subscription: '00000000-0000-0000-0000-000000000000',
      sku: 'Standard_LRS',
      kind: 'Storage',
      tags: { 'ms-resource-usage': 'azure-cloud-shell' },
      source: 'arm-rest'
    });
    // No resourceGroup key in the REST shape: parsed from the id.
    expect(r.rows[1]).toMatchObject({
      type: 'Microsoft.Automation/automationAccounts',
      resourceGroup: 'xxx-CSP-Reporting-01'
    });
  });

  it('ARM REST resource-group list: 2 groups, type from the id', async () => {
    const r = await read('inventory', 'mce-lib-azure_arm-rest-resource_group_list.json');
    expect([r.format, r.rows.length, r.errors.length]).toEqual(['arm-rest', 2, 0]);
    expect(r.rows.map((row) => [row.name, row.type, row.resourceGroup, row.location])).toEqual([
      ['MY_RG', 'Microsoft.Resources/resourceGroups', 'MY_RG', 'francecentral'],
      ['Cloud-Shell', 'Microsoft.Resources/resourceGroups', 'Cloud-Shell', 'westeurope']
    ]);
  });

  it('Get-AzResource | Export-Csv (UTF-8 BOM): 173 resources, .NET tag artefact warned once', async () => {
    const r = await read('inventory', 'shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv');
    expect([r.format, r.encoding, r.delimiter, r.rows.length, r.errors.length, r.totalRecords]).toEqual([
      'get-azresource-csv',
      'utf-8-bom',
      ',',
      173,
      0,
      173
    ]);
    expect(r.columns).toEqual([
      'ResourceName',
      'ResourceType',
      'ResourceGroupName',
      'Location',
      'SubscriptionId',
      'Tags'
    ]);
    expect(r.warnings).toEqual([
      'Tags column holds the .NET type name System.Collections.Generic.Dictionary`2[System.String,System.String] instead of tags: treated as no tags (71 rows, first at line 3)'
    ]);
    expect(
      r.rows.every(
        (row) => Object.keys(row.tags).length === 0 && row.provider === 'azure' && row.externalId === null
      )
    ).toBe(true);
    expect(new Set(r.rows.map((row) => row.type?.toLowerCase())).size).toBe(34);
    expect(new Set(r.rows.map((row) => row.type)).size).toBe(36);
    expect(r.rows.filter((row) => row.name.includes('/')).length).toBe(28);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      name: 'BillAPIEmailAlertAction',
      type: 'microsoft.insights/actiongroups',
      resourceGroup: 'AlertActionRG'
    });
    expect(r.rows[172]).toMatchObject({
      line: 174,
      name: 'tempsasw-bfc5d5bb-bf3c-4c6f-841e-1b2b41ab294a',
      location: 'japaneast'
    });
    expect(new Set(r.rows.map(importKey)).size).toBe(173);
  });

  it('Get-AzResourceGroup | Export-Csv: 17 groups', async () => {
    const r = await read('inventory', 'shiwei1981_Get-AzResourceGroup_Export-Csv_utf8bom.csv');
    expect([r.format, r.encoding, r.rows.length, r.errors.length]).toEqual([
      'get-azresource-csv',
      'utf-8-bom',
      17,
      0
    ]);
    expect(r.rows[2]).toMatchObject({
      line: 4,
      name: 'vmjp',
      type: 'Microsoft.Resources/resourceGroups',
      resourceGroup: 'vmjp',
      location: 'japaneast',
      tags: {}
    });
    expect(r.rows[2]?.extra).toEqual({ ProvisioningState: 'Succeeded' });
    expect(r.warnings).toEqual([
      'Tags column holds the .NET type name System.Collections.Hashtable instead of tags: treated as no tags (8 rows, first at line 4)'
    ]);
  });
});

describe('on-premises and CMDB fixtures', () => {
  it('Azure Migrate import template: 90 servers, all on-premises', async () => {
    const r = await read('onprem', 'microhack_azure-migrate-import_servers.csv');
    expect([r.format, r.encoding, r.rows.length, r.errors.length, r.totalRecords]).toEqual([
      'azure-migrate-csv',
      'utf-8',
      90,
      0,
      90
    ]);
    expect(
      r.rows.every(
        (row) => row.provider === 'onprem' && row.serviceModel === 'onprem' && row.type === 'Server'
      )
    ).toBe(true);
    expect(r.rows.filter((row) => row.kind === 'Virtual').length).toBe(85);
    expect(r.rows.filter((row) => row.kind === 'Physical').length).toBe(5);
    const typo = r.rows.find((row) => row.name === 'nx7060');
    expect(typo).toMatchObject({ line: 12, kind: 'Virtual' });
    expect(typo?.extra).toMatchObject({
      '*OS name': 'SUSE Linux Enterprise Server 12 (64-bit)',
      Hypervisor: 'Vmware'
    });
    expect(r.rows[0]?.extra).toEqual({
      '*Cores': '2',
      '*Memory (In MB)': '15884',
      '*OS name': 'Red Hat Enterprise Linux 7 (64-bit)',
      Hypervisor: 'Vmware',
      'Storage in use (In GB)': '665',
      'Disk 1 size (In GB)': '1146'
    });
    expect(r.rows[89]).toMatchObject({ line: 91, name: 'WS2907' });
    expect(importKey(r.rows[0]!)).toBe('azure-migrate-csv|||server|lnx5032');
  });

  it('Snipe-IT assets (UTF-8 BOM): 22 assets keyed by asset tag', async () => {
    const r = await read('cmdb', 'snipe-it_assets-sample.csv');
    expect([r.format, r.encoding, r.rows.length, r.errors.length]).toEqual([
      'snipe-it-csv',
      'utf-8-bom',
      22,
      0
    ]);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      name: 'Backhoe',
      externalId: 'ICC-2065556',
      type: 'Ornamental Railings',
      provider: 'cmdb',
      location: 'Wilkinson, Waters and Kerluke',
      owner: 'Abshire and Sons'
    });
    expect(r.rows[0]?.extra?.Model).toBe('Macbook Pro 13"');
    expect(r.rows[1]).toMatchObject({ name: 'Dragline', externalId: 'WBH-2841795', owner: 'Gage McCrackem' });
    expect(r.rows[1]?.extra?.['Checked Out To: Email']).toBe('gmccrackem2a@bing.com');
    // Two "Dragline" assets in one category: the asset tag keeps them apart.
    const draglines = r.rows.filter((row) => row.name === 'Dragline');
    expect(draglines.map((row) => row.externalId)).toEqual(['WBH-2841795', 'OLM-0226994']);
    expect(new Set(r.rows.map(importKey)).size).toBe(22);
  });

  it('Snipe-IT models (no asset tag): read as a generic CSV, 20 rows', async () => {
    const r = await read('cmdb', 'snipe-it_models-sample.csv');
    expect([r.format, r.encoding, r.rows.length, r.errors.length]).toEqual([
      'generic-csv',
      'utf-8-bom',
      20,
      0
    ]);
    expect(r.mapping).toEqual({ name: 'Name', type: 'Category' });
    expect(r.rows[0]).toMatchObject({ name: 'Test Model 2', type: 'Laptops', provider: 'other' });
  });
});
