import { describe, expect, it } from 'vitest';
import { readInventory, type ReadInventoryOptions } from '@main/import/read-inventory';
import { resolveDisplayKind, resolveDisplayType, resolveRegion } from '@core/classify';

const SUB = '11111111-2222-3333-4444-555555555555';
const read = (text: string, opts: Partial<ReadInventoryOptions> = {}) =>
  readInventory(Buffer.from(text), { fileName: 'in.csv', ...opts });

const PORTAL = [
  'NAME,TYPE,RESOURCE GROUP,LOCATION,SUBSCRIPTION,RESOURCE LINK',
  `vm-web-01,Virtual machine,rg-web,West Europe,Prod,https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01/overview`,
  'stweb01,Storage account,rg-web,West Europe,Prod,',
  'func-api,Function App,rg-api,(Europe) North Europe,Prod,',
  ',Key vault,rg-api,North Europe,Prod,'
].join('\r\n');

describe('Azure portal "Export to CSV"', () => {
  it('without resolvers: display names kept as read, one warning; the link gives id, type and subscription', async () => {
    const r = await read(PORTAL);
    expect([r.format, r.delimiter, r.rows.length]).toEqual(['portal-csv', ',', 3]);
    expect(r.rows[0]).toMatchObject({
      externalId: `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01`,
      type: 'Microsoft.Compute/virtualMachines',
      subscription: SUB,
      resourceGroup: 'rg-web',
      location: 'West Europe'
    });
    // The subscription display name stays visible.
    expect(r.rows[0]?.extra).toEqual({ SUBSCRIPTION: 'Prod' });
    expect(r.rows[1]).toMatchObject({ externalId: null, type: 'Storage account', subscription: 'Prod' });
    expect(r.errors).toEqual([{ line: 5, field: 'name', message: 'Missing name (column "NAME" is empty)' }]);
    expect(r.warnings).toEqual([
      'Types given as display names (e.g. "Storage account") could not be resolved to ARM types: kept as read (2 rows, first at line 3)'
    ]);
  });

  it("with the classifier's resolvers: ARM types, kinds and region codes", async () => {
    const r = await read(PORTAL, { resolveDisplayType, resolveRegion, resolveDisplayKind });
    expect(r.rows.map((row) => [row.name, row.type?.toLowerCase(), row.kind, row.location])).toEqual([
      ['vm-web-01', 'microsoft.compute/virtualmachines', null, 'westeurope'],
      ['stweb01', 'microsoft.storage/storageaccounts', null, 'westeurope'],
      ['func-api', 'microsoft.web/sites', 'functionapp', 'northeurope']
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('governance exports (semicolon, @{k=v} tags, dd/MM/yyyy)', () => {
  const text = [
    'Name;ResourceType;ResourceGroup;SubscriptionId;Location;Tags;CreatedDate;Owner',
    `vm-01;Microsoft.Compute/virtualMachines;rg-prod;${SUB};westeurope;"@{env=prod; owner=team-a; costCenter=CC 12}";31/01/2024;Team A`,
    `kv-01;Microsoft.KeyVault/vaults;rg-prod;${SUB};westeurope;@{};15/02/2024 14:05;`,
    `app-01;Microsoft.Web/sites;rg-prod;${SUB};westeurope;@{a=1};31/02/2024;`
  ].join('\n');

  it('detects the shape, parses tags and dates', async () => {
    const r = await read(text);
    expect([r.format, r.delimiter, r.rows.length, r.errors.length]).toEqual(['governance-csv', ';', 3, 0]);
    expect(r.rows[0]).toMatchObject({
      tags: { env: 'prod', owner: 'team-a', costCenter: 'CC 12' },
      owner: 'Team A',
      provider: 'azure',
      subscription: SUB
    });
    expect(r.rows.map((row) => row.extra?.CreatedDate)).toEqual([
      '2024-01-31',
      '2024-02-15T14:05:00',
      '31/02/2024'
    ]);
    expect(r.warnings).toEqual([
      'Column "CreatedDate" holds "31/02/2024", not a valid dd/MM/yyyy date: kept as read (line 4)'
    ]);
  });
});

describe('Get-AzResource variants', () => {
  it('Windows PowerShell 5.1 #TYPE line and -Delimiter ";": detected, line numbers stay true', async () => {
    const r = await read(
      [
        '#TYPE Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResource',
        '"Name";"ResourceGroupName";"ResourceType";"Location";"ResourceId";"Sku";"Tags"',
        `"vm-01";"rg-a";"Microsoft.Compute/virtualMachines";"westeurope";"/subscriptions/${SUB}/resourceGroups/rg-a/providers/Microsoft.Compute/virtualMachines/vm-01";"Microsoft.Azure.Management.ResourceManager.Models.Sku";"System.Collections.Hashtable"`
      ].join('\r\n')
    );
    expect([r.format, r.delimiter, r.rows.length]).toEqual(['get-azresource-csv', ';', 1]);
    expect(r.rows[0]).toMatchObject({ line: 3, subscription: SUB, sku: null, tags: {} });
    expect(r.warnings).toEqual([
      'Skipped the PowerShell type line "#TYPE Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResource"',
      'Column "Sku" holds the .NET type name Microsoft.Azure.Management.ResourceManager.Models.Sku instead of a value: treated as empty (line 3)',
      'Tags column holds the .NET type name System.Collections.Hashtable instead of tags: treated as no tags (line 3)'
    ]);
  });

  it('a row without a type is an error naming the line and field', async () => {
    const r = await read('ResourceName,ResourceType,ResourceGroupName\nvm-01,,rg\n');
    expect(r.errors).toEqual([
      {
        line: 2,
        field: 'type',
        message: 'Missing resource type for "vm-01" (column "ResourceType" is empty)'
      }
    ]);
  });
});

describe('generic CSV', () => {
  it('TSV with hostname/owner/service model columns: mapping suggested, values normalised', async () => {
    const r = await read(
      'Hostname\tCategory\tOwner\tService model\tSite\nsrv-01\tServer\tinfra-team\tOn-premises\tAmsterdam DC\nsaas-crm\tApplication\tsales-ops\tSaaS\t\nodd\tServer\t\tHybrid\t\n'
    );
    expect([r.format, r.delimiter, r.rows.length]).toEqual(['generic-csv', '\t', 3]);
    expect(r.mapping).toEqual({
      name: 'Hostname',
      type: 'Category',
      location: 'Site',
      owner: 'Owner',
      serviceModel: 'Service model'
    });
    expect(r.rows.map((row) => [row.name, row.serviceModel, row.owner, row.provider])).toEqual([
      ['srv-01', 'onprem', 'infra-team', 'other'],
      ['saas-crm', 'saas', 'sales-ops', 'other'],
      ['odd', null, null, 'other']
    ]);
    expect(r.warnings).toEqual([
      'Service model "Hybrid" is not IaaS, PaaS, SaaS or on-premises: ignored (line 4)'
    ]);
  });

  it('pipe-delimited with Excel sep= line; an ARM id makes the row azure, else the default provider', async () => {
    const r = await read(
      `sep=|\nName|Id|Tags\nvm-01|/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-01|env=prod;app=crm\nrack-7||\n`,
      {
        provider: 'onprem'
      }
    );
    expect([r.delimiter, r.rows.length]).toEqual(['|', 2]);
    expect(r.rows[0]).toMatchObject({
      line: 3,
      provider: 'azure',
      type: 'Microsoft.Compute/virtualMachines',
      resourceGroup: 'rg',
      tags: { env: 'prod', app: 'crm' }
    });
    expect(r.rows[1]).toMatchObject({ line: 4, provider: 'onprem', type: null, externalId: null });
  });

  it('ARI-style Tag Name / Tag Value rows each carry one tag (merging is the import service’s job)', async () => {
    const r = await read(
      'Subscription,Resource Group,VM Name,VM Size,Tag Name,Tag Value\nProd,rg-a,vm-1,Standard_D2s_v5,env,prod\nProd,rg-a,vm-1,Standard_D2s_v5,owner,team-a\n'
    );
    expect(r.rows.map((row) => [row.name, row.sku, row.tags])).toEqual([
      ['vm-1', 'Standard_D2s_v5', { env: 'prod' }],
      ['vm-1', 'Standard_D2s_v5', { owner: 'team-a' }]
    ]);
  });

  it('an explicit mapping naming a missing column is refused', async () => {
    const r = await read('a,b\n1,2\n', { mapping: { name: 'Server' } });
    expect(r.errors).toEqual([
      { line: 1, field: null, message: 'The mapping names columns the file does not have: Server' }
    ]);
    expect(r.complete).toBe(false);
  });

  it('blank and repeated headers get names; delimiter-only lines are ignored', async () => {
    const r = await read('Name,Notes,Notes,\nvm-1,a,b,c\n,,,\n');
    expect(r.columns).toEqual(['Name', 'Notes', 'Notes (2)', 'Column 4']);
    expect(r.rows[0]?.extra).toEqual({ Notes: 'a', 'Notes (2)': 'b', 'Column 4': 'c' });
    expect([r.rows.length, r.totalRecords]).toEqual([1, 1]);
    expect(r.warnings).toEqual([
      'The header "Notes" appears more than once; the repeat is called "Notes (2)"'
    ]);
  });

  it('a missing name in one row is a row error; the others are read', async () => {
    const r = await read('Name,Type\nvm-1,VM\n  ,VM\nvm-3,VM\n');
    expect(r.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(r.errors).toEqual([{ line: 3, field: 'name', message: 'Missing name (column "Name" is empty)' }]);
  });

  it('notes when the extension disagrees with the content', async () => {
    const r = await readInventory(Buffer.from('Name\nvm-1\n'), { fileName: 'inventory.json' });
    expect(r.warnings).toEqual(['"inventory.json" is named .json but holds CSV: read as CSV']);
  });
});
