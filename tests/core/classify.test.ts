import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  classifyResourceType,
  resolveDisplayKind,
  resolveDisplayType,
  resolveRegion
} from '@core/classify';
import type { ClassifyInput } from '@core/classify';

const row = (type: string | null, extra: Partial<ClassifyInput> = {}): ClassifyInput => ({ type, ...extra });

// Expected: "<serviceModel> <confidence>[ review]".
const TRUTH: Array<[string, ClassifyInput, string]> = [
  ['VM', row('Microsoft.Compute/virtualMachines'), 'iaas high'],
  ['VM lower-case', row('microsoft.compute/virtualmachines'), 'iaas high'],
  ['disk', row('Microsoft.Compute/disks'), 'iaas high'],
  ['NIC', row('Microsoft.Network/networkInterfaces'), 'iaas high'],
  ['NSG', row('Microsoft.Network/networkSecurityGroups'), 'iaas high'],
  ['key vault', row('Microsoft.KeyVault/vaults'), 'paas high'],
  ['SQL database', row('Microsoft.Sql/servers/databases'), 'paas high'],
  ['Log Analytics', row('Microsoft.OperationalInsights/workspaces'), 'paas high'],
  ['action group, lower-case', row('microsoft.insights/actiongroups'), 'saas high'],
  ['action group, Pascal case', row('Microsoft.Insights/actionGroups'), 'saas high'],
  ['spaces around the slash', row(' Microsoft.Compute / virtualMachines '), 'iaas high'],
  ['VM extension (child)', row('Microsoft.Compute/virtualMachines/extensions'), 'iaas medium review'],
  ['VNet link (child)', row('Microsoft.Network/privateDnsZones/virtualNetworkLinks'), 'iaas medium review'],
  [
    'blob container (child of flagged)',
    row('Microsoft.Storage/storageAccounts/blobServices/containers'),
    'paas low review'
  ],
  ['web app, no kind', row('Microsoft.Web/sites'), 'paas high'],
  ['web app, kind app,linux', row('Microsoft.Web/sites', { kind: 'app,linux' }), 'paas high'],
  ['function app', row('Microsoft.Web/sites', { kind: 'functionapp,linux' }), 'paas medium review'],
  ['Logic Apps Standard', row('Microsoft.Web/sites', { kind: 'functionapp,workflowapp' }), 'paas high'],
  ['storage account', row('Microsoft.Storage/storageAccounts', { kind: 'StorageV2' }), 'paas medium review'],
  ['AKS', row('Microsoft.ContainerService/managedClusters'), 'paas medium review'],
  ['AVD host pool', row('Microsoft.DesktopVirtualization/hostPools'), 'iaas medium review'],
  ['AVD session host', row('Microsoft.DesktopVirtualization/hostPools/sessionHosts'), 'iaas medium review'],
  ['Front Door', row('Microsoft.Network/frontDoors'), 'saas medium review'],
  ['AI Search', row('Microsoft.Search/searchServices'), 'saas medium review'],
  ['App Insights', row('microsoft.insights/components'), 'saas medium review'],
  ['Arc server', row('Microsoft.HybridCompute/machines'), 'onprem medium review'],
  ['Defender plans (toolkit conflict)', row('Microsoft.Security/pricings'), 'paas medium review'],
  ['managed identity (rule)', row('Microsoft.ManagedIdentity/userAssignedIdentities'), 'saas medium review'],
  ['ASG (rule)', row('Microsoft.Network/applicationSecurityGroups'), 'iaas medium review'],
  ['smart detector (rule)', row('microsoft.alertsmanagement/smartDetectorAlertRules'), 'saas medium review'],
  ['deployment (rule)', row('Microsoft.Resources/deployments'), 'saas medium review'],
  ['unknown ARM type', row('Contoso.Widgets/gadgets'), 'null none review'],
  ['unknown child of unknown', row('Microsoft.Nothing/things/children'), 'null none review'],
  ['on-prem server', row('Windows Server 2019', { provider: 'onprem', name: 'lnx5032' }), 'onprem high'],
  ['on-prem without type', row(null, { provider: 'onprem' }), 'onprem high'],
  ['SaaS by type', row('Microsoft 365', { provider: 'cmdb' }), 'saas high'],
  ['SaaS within type', row('Salesforce Sales Cloud', { provider: 'other' }), 'saas medium'],
  [
    'SaaS by name only',
    row('Business application', { provider: 'cmdb', name: 'ServiceNow ITSM' }),
    'saas low review'
  ],
  [
    'self-hosted edition is not SaaS',
    row('Exchange Online Server', { provider: 'cmdb' }),
    'null none review'
  ],
  ['service-model word', row('SaaS', { provider: 'cmdb' }), 'saas high'],
  ['portal display name', row('Key vault', { provider: 'azure' }), 'paas high'],
  ['portal Function App', row('Function App'), 'paas medium review'],
  ['CMDB category', row('Laptops', { provider: 'cmdb', name: 'Backhoe' }), 'null none review'],
  ['no type at all', row(null), 'null none review']
];

describe('classifyResourceType: truth table', () => {
  const table = TRUTH.map(([label, input, expected]) => ({ label, input, expected }));
  it.each(table)('$label → $expected', ({ input, expected }) => {
    const result = classifyResourceType(input);
    const review = result.needsReview ? ' review' : '';
    expect(`${result.serviceModel ?? 'null'} ${result.confidence}${review}`).toBe(expected);
    expect(result.reason.length).toBeGreaterThan(20);
  });
});

describe('classifyResourceType: reasons', () => {
  it('names the source for a toolkit entry', () => {
    expect(classifyResourceType(row('Microsoft.Compute/virtualMachines')).reason).toBe(
      'Microsoft FinOps toolkit lists Virtual Machines (microsoft.compute/virtualmachines) as IaaS.'
    );
    expect(classifyResourceType(row('microsoft.web/sites')).reason).toBe(
      'Microsoft FinOps toolkit lists Azure App Service and Functions (microsoft.web/sites) as PaaS.'
    );
  });
  it('says a child type borrowed its parent', () => {
    expect(classifyResourceType(row('Microsoft.Compute/virtualMachines/extensions')).reason).toBe(
      'The type microsoft.compute/virtualmachines/extensions is not catalogued itself, so Demarc uses its parent type: ' +
        'Microsoft FinOps toolkit lists Virtual Machines (microsoft.compute/virtualmachines) as IaaS.'
    );
  });
  it('puts the disagreement in words', () => {
    const storage = classifyResourceType(row('Microsoft.Storage/storageAccounts')).reason;
    expect(storage).toContain('where the Microsoft FinOps toolkit lists IaaS');
    expect(storage).toContain('Microsoft Learn');
    expect(classifyResourceType(row('Microsoft.Web/sites', { kind: 'functionapp' })).reason).toContain(
      'FaaS'
    );
    expect(classifyResourceType(row('Microsoft.ContainerService/managedClusters')).reason).toContain(
      'node pools'
    );
    expect(classifyResourceType(row('Microsoft.DesktopVirtualization/hostPools')).reason).toContain(
      'session hosts'
    );
    expect(classifyResourceType(row('Microsoft.Network/frontDoors')).reason).toContain('sources disagree');
  });
  it('asks for a choice on unknown types, never guessing', () => {
    expect(classifyResourceType(row('Contoso.Widgets/gadgets')).reason).toMatch(
      /^Unknown type “contoso\.widgets\/gadgets” — choose a service model/
    );
  });
  it('returns copies, so a caller cannot poison the memo', () => {
    const first = classifyResourceType(row('Microsoft.KeyVault/vaults'));
    first.serviceModel = 'saas';
    expect(classifyResourceType(row('microsoft.keyvault/vaults')).serviceModel).toBe('paas');
  });
  it('memoises per (type, kind): repeated rows get equal, independent answers', () => {
    // Speed is measured in `npm run bench`, never asserted here.
    const first = classifyResourceType({ type: 'Microsoft.Web/sites', kind: 'functionapp' });
    const again = classifyResourceType({ type: 'microsoft.web/SITES', kind: 'functionapp' });
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});

describe('resolveDisplayType, resolveDisplayKind and resolveRegion', () => {
  it.each([
    ['Virtual machine', 'microsoft.compute/virtualmachines'],
    ['Virtual machines', 'microsoft.compute/virtualmachines'],
    ['Key vault', 'microsoft.keyvault/vaults'],
    ['  storage   ACCOUNT ', 'microsoft.storage/storageaccounts'],
    ['Public IP address', 'microsoft.network/publicipaddresses'],
    ['Log Analytics workspace', 'microsoft.operationalinsights/workspaces'],
    ['Function App', 'microsoft.web/sites'],
    ['Microsoft.Compute/virtualMachines', 'microsoft.compute/virtualmachines'],
    ['Not a thing', null],
    ['', null]
  ])('display type %j → %s', (name, type) => expect(resolveDisplayType(name)).toBe(type));
  it('knows the kind a display name implies', () => {
    expect(resolveDisplayKind('Function App')).toBe('functionapp');
    expect(resolveDisplayKind('Virtual machine')).toBeNull();
  });
  it.each([
    ['West Europe', 'westeurope'],
    ['east us 2', 'eastus2'],
    ['(Europe) Norway East', 'norwayeast'],
    ['UK South', 'uksouth'],
    ['westeurope', 'westeurope'],
    ['JAPANEAST', 'japaneast'],
    ['Global', 'global'],
    ['Atlantis', null],
    ['', null]
  ])('region %j → %s', (name, code) => expect(resolveRegion(name)).toBe(code));
});

// The goal: real Azure exports classify at ≥ 95 %, and whatever lacks a toolkit entry is flagged.
const SHARED = join(__dirname, '../../../shared');
const INVENTORY = join(SHARED, 'fixtures/inventory');
const finopsTypes = new Set(
  (
    parse(readFileSync(join(SHARED, 'data/finops-toolkit-Services.csv')), {
      columns: true,
      bom: true
    }) as Array<{ ResourceType: string }>
  ).map((r) => r.ResourceType.toLowerCase())
);
// Known disagreements named in DOMAIN.md §6 and public-opinions_iaas-paas-saas_quotes.md.
const knownAmbiguous = new Set([
  'microsoft.storage/storageaccounts',
  'microsoft.containerservice/managedclusters',
  'microsoft.desktopvirtualization/hostpools',
  'microsoft.network/frontdoors',
  'microsoft.search/searchservices'
]);

interface Asset {
  type: string;
  kind: string | null;
}

function decode(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  return new TextDecoder('utf-8').decode(buffer).replace(/^\uFEFF/, '');
}

/** The ARM type an id implies, for envelopes that carry no `type` (resource group lists). */
function typeFromId(id: string): string {
  const providers = id.split('/providers/');
  const tail = providers.at(-1) ?? '';
  if (providers.length > 1) {
    const [namespace, ...rest] = tail.split('/');
    return [namespace, ...rest.filter((_, i) => i % 2 === 0)].join('/');
  }
  return /\/resourceGroups\/[^/]+$/i.test(id) ? 'Microsoft.Resources/resourceGroups' : '';
}

function loadAssets(file: string): Asset[] | null {
  const text = decode(readFileSync(join(INVENTORY, file)));
  if (file.endsWith('.csv')) {
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    if (!rows[0] || !('ResourceType' in rows[0])) return null;
    return rows.map((r) => ({ type: r.ResourceType ?? '', kind: null }));
  }
  const json = JSON.parse(text) as unknown;
  const envelope = json as { value?: unknown; data?: unknown };
  const items = (Array.isArray(json) ? json : (envelope.value ?? envelope.data)) as Array<
    Record<string, unknown>
  >;
  return items.map((r) => ({
    type: typeof r.type === 'string' ? r.type : typeFromId(String(r.id)),
    kind: typeof r.kind === 'string' ? r.kind : null
  }));
}

const fixtures = readdirSync(INVENTORY)
  .filter((f) => /\.(json|csv)$/.test(f))
  .sort()
  .flatMap((file) => {
    const assets = loadAssets(file);
    if (!assets) return [];
    const results = assets.map((a) => ({
      ...a,
      result: classifyResourceType({ type: a.type, kind: a.kind, provider: 'azure' })
    }));
    const classified = results.filter((r) => r.result.serviceModel !== null).length;
    const percent = ((100 * classified) / results.length).toFixed(1);
    console.log(`classify: ${file}: ${classified}/${results.length} assets classified (${percent} %)`);
    return [{ file, percent, results, share: classified / results.length }];
  });

describe('real Azure exports', () => {
  it('reads every export that carries resource types', () => {
    expect(fixtures.map((f) => f.file)).toEqual([
      'drghassen_az-resource-list-default_utf8.json',
      'mce-lib-azure_arm-rest-resource_group_list.json',
      'mce-lib-azure_arm-rest-resource_list.json',
      'nsc-infra_az-resource-list-full_utf16le.json',
      'shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv'
    ]);
  });
  it.each(fixtures)(
    '$file: $percent % classified, unlisted and ambiguous types flagged',
    ({ results, share }) => {
      expect(share).toBeGreaterThanOrEqual(0.95);
      for (const { type, kind, result } of results) {
        const lower = type.toLowerCase();
        const functions =
          lower === 'microsoft.web/sites' && (kind ?? '').toLowerCase().includes('functionapp');
        if (!finopsTypes.has(lower) || knownAmbiguous.has(lower) || functions) {
          expect({ type, needsReview: result.needsReview }).toEqual({ type, needsReview: true });
        }
      }
    }
  );
});
