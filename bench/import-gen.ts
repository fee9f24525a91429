/**
 * A deterministic generator of `az resource list -o json` output for import benchmarks.
 * Proportions follow what real tenants look like: NICs, disks, VMs and VM extensions dominate,
 * a long tail of PaaS types follows, a few types appear lower-cased as the CLI really writes them.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface TypeSpec {
  type: string;
  weight: number;
  prefix: string;
  sku?: (r: Random) => Json;
  kind?: (r: Random) => string | null;
  /** Chance the resource carries a system-assigned identity. */
  identity?: number;
  location?: 'global' | 'Global';
}

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: small, fast and good enough for test data. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  guid(): string {
    const hex = (n: number): string =>
      Array.from({ length: n }, () => this.int(16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  }
}

const sku = (name: string, tier: string | null, capacity: number | null = null): Json => ({
  capacity,
  family: null,
  model: null,
  name,
  size: null,
  tier
});

const TYPES: readonly TypeSpec[] = [
  { type: 'Microsoft.Network/networkInterfaces', weight: 12, prefix: 'nic' },
  { type: 'Microsoft.Compute/disks', weight: 10, prefix: 'disk', sku: (r) => sku(r.pick(['Premium_LRS', 'StandardSSD_LRS', 'Standard_LRS']), 'Premium') },
  { type: 'Microsoft.Compute/virtualMachines', weight: 8, prefix: 'vm', identity: 0.4 },
  { type: 'Microsoft.Compute/virtualMachines/extensions', weight: 10, prefix: 'ext' },
  { type: 'Microsoft.Network/networkSecurityGroups', weight: 5, prefix: 'nsg' },
  { type: 'Microsoft.Network/publicIPAddresses', weight: 4, prefix: 'pip', sku: () => sku('Standard', 'Regional') },
  { type: 'Microsoft.Network/virtualNetworks', weight: 3, prefix: 'vnet' },
  { type: 'Microsoft.Storage/storageAccounts', weight: 5, prefix: 'st', sku: (r) => sku(r.pick(['Standard_LRS', 'Standard_GRS', 'Standard_ZRS']), 'Standard'), kind: (r) => r.pick(['StorageV2', 'StorageV2', 'BlobStorage', 'Storage']) },
  { type: 'Microsoft.KeyVault/vaults', weight: 3, prefix: 'kv' },
  { type: 'Microsoft.Web/sites', weight: 4, prefix: 'app', kind: (r) => r.pick(['app', 'app,linux', 'functionapp', 'functionapp,linux']), identity: 0.5 },
  { type: 'Microsoft.Web/serverFarms', weight: 2, prefix: 'asp', sku: (r) => sku(r.pick(['P1v3', 'S1', 'Y1', 'B1']), r.pick(['PremiumV3', 'Standard', 'Dynamic']), 1), kind: (r) => r.pick(['app', 'linux', 'functionapp']) },
  { type: 'Microsoft.Sql/servers', weight: 1.5, prefix: 'sql', kind: () => 'v12.0' },
  { type: 'Microsoft.Sql/servers/databases', weight: 2, prefix: 'sqldb', sku: (r) => sku(r.pick(['GP_S_Gen5', 'S0', 'Basic']), r.pick(['GeneralPurpose', 'Standard', 'Basic']), 1), kind: () => 'v12.0,user' },
  { type: 'microsoft.insights/components', weight: 2, prefix: 'appi', kind: () => 'web' },
  { type: 'microsoft.insights/actiongroups', weight: 1.5, prefix: 'ag', location: 'Global' },
  { type: 'microsoft.insights/metricalerts', weight: 2, prefix: 'alert', location: 'global' },
  { type: 'Microsoft.OperationalInsights/workspaces', weight: 1, prefix: 'log' },
  { type: 'Microsoft.Network/privateEndpoints', weight: 2, prefix: 'pe' },
  { type: 'Microsoft.Network/privateDnsZones', weight: 1.5, prefix: 'privatelink', location: 'global' },
  { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', weight: 1.5, prefix: 'id' },
  { type: 'Microsoft.DocumentDB/databaseAccounts', weight: 0.7, prefix: 'cosmos', kind: () => 'GlobalDocumentDB' },
  { type: 'Microsoft.ContainerService/managedClusters', weight: 0.5, prefix: 'aks', sku: () => sku('Base', 'Free'), identity: 1 },
  { type: 'Microsoft.ContainerRegistry/registries', weight: 0.7, prefix: 'acr', sku: (r) => sku(r.pick(['Basic', 'Standard', 'Premium']), 'Standard') },
  { type: 'Microsoft.EventHub/namespaces', weight: 0.5, prefix: 'evhns', sku: () => sku('Standard', 'Standard', 1) },
  { type: 'Microsoft.ServiceBus/namespaces', weight: 0.5, prefix: 'sbns', sku: () => sku('Standard', 'Standard') },
  { type: 'Microsoft.CognitiveServices/accounts', weight: 0.7, prefix: 'cog', sku: () => sku('S0', null), kind: (r) => r.pick(['OpenAI', 'TextAnalytics', 'FormRecognizer', 'CognitiveServices']), identity: 0.3 },
  { type: 'Microsoft.DataFactory/factories', weight: 0.5, prefix: 'adf', identity: 1 },
  { type: 'Microsoft.Network/loadBalancers', weight: 0.8, prefix: 'lb', sku: () => sku('Standard', 'Regional') },
  { type: 'Microsoft.Network/applicationGateways', weight: 0.3, prefix: 'agw' },
  { type: 'Microsoft.Network/routeTables', weight: 0.8, prefix: 'rt' },
  { type: 'Microsoft.Compute/snapshots', weight: 1, prefix: 'snap', sku: () => sku('Standard_LRS', 'Standard') },
  { type: 'Microsoft.Automation/automationAccounts', weight: 0.4, prefix: 'aa' },
  { type: 'Microsoft.RecoveryServices/vaults', weight: 0.5, prefix: 'rsv', sku: () => sku('RS0', 'Standard') },
  { type: 'Microsoft.Logic/workflows', weight: 0.8, prefix: 'logic' },
  { type: 'Microsoft.Web/staticSites', weight: 0.3, prefix: 'stapp', sku: () => sku('Free', 'Free') },
  { type: 'Microsoft.ApiManagement/service', weight: 0.2, prefix: 'apim', sku: () => sku('Developer', null, 1), identity: 0.5 },
  { type: 'Microsoft.Cache/Redis', weight: 0.3, prefix: 'redis' },
  { type: 'Microsoft.DBforPostgreSQL/flexibleServers', weight: 0.5, prefix: 'psql', sku: () => sku('Standard_B2s', 'Burstable') },
  { type: 'Microsoft.Databricks/workspaces', weight: 0.2, prefix: 'dbw', sku: () => sku('premium', null) },
  { type: 'Microsoft.Network/bastionHosts', weight: 0.2, prefix: 'bas', sku: () => sku('Basic', null) },
  { type: 'Microsoft.Network/networkWatchers', weight: 0.5, prefix: 'NetworkWatcher' },
  { type: 'Microsoft.OperationsManagement/solutions', weight: 0.4, prefix: 'solution' },
  { type: 'Microsoft.Compute/sshPublicKeys', weight: 0.3, prefix: 'sshkey' },
  { type: 'Microsoft.DevTestLab/schedules', weight: 0.5, prefix: 'shutdown-computevm' },
  { type: 'Microsoft.Network/virtualNetworkGateways', weight: 0.1, prefix: 'vgw' },
  { type: 'Microsoft.Portal/dashboards', weight: 0.2, prefix: 'dash' }
];

const TOTAL_WEIGHT = TYPES.reduce((sum, t) => sum + t.weight, 0);
const LOCATIONS = ['westeurope', 'westeurope', 'westeurope', 'northeurope', 'swedencentral', 'eastus', 'eastus2', 'uksouth'];
const APPS = ['billing', 'crm', 'portal', 'data', 'hr', 'iot', 'search', 'shared', 'identity', 'reporting'];
const ENVS = ['prod', 'test', 'dev', 'acc'];
const TEAMS = ['platform', 'data-eng', 'web', 'finance-it', 'secops'];

function pickType(r: Random): TypeSpec {
  let x = r.next() * TOTAL_WEIGHT;
  for (const t of TYPES) {
    x -= t.weight;
    if (x < 0) return t;
  }
  return TYPES[0] as TypeSpec;
}

function tagsFor(r: Random, app: string, env: string): Json {
  const roll = r.next();
  if (roll < 0.35) return null;
  if (roll < 0.65) return {};
  const tags: Record<string, Json> = { env, app };
  if (r.chance(0.7)) tags.owner = `${r.pick(TEAMS)}@contoso.example`;
  if (r.chance(0.5)) tags.costCenter = `CC-${1000 + r.int(9000)}`;
  if (r.chance(0.1)) tags['hidden-link: /app-insights-resource-id'] = '/subscriptions/…';
  return tags;
}

function isoTime(r: Random, base: number): string {
  const ms = base + r.int(900 * 24 * 3600) * 1000 + r.int(1_000_000) / 1000;
  return new Date(ms).toISOString().replace('Z', '000+00:00');
}

/**
 * A realistic `az resource list -o json` array of `count` full resource objects, deterministic
 * for a seed (same seed → byte-identical output). Pretty-printed with two spaces like the CLI.
 */
export function generateAzResourceList(count: number, seed: number): string {
  const r = new Random(seed);
  const subscriptions = Array.from({ length: 4 }, () => r.guid());
  const tenant = r.guid();
  const groupCount = Math.max(1, Math.ceil(count / 25));
  const groups = Array.from({ length: groupCount }, (_, i) => ({
    name: `rg-${r.pick(APPS)}-${r.pick(ENVS)}-${String(i + 1).padStart(3, '0')}`,
    subscription: r.pick(subscriptions),
    location: r.pick(LOCATIONS)
  }));
  const vms: string[] = [];
  const base = Date.UTC(2023, 0, 1);
  const items: Json[] = [];
  for (let i = 0; i < count; i++) {
    const spec = pickType(r);
    const group = r.pick(groups);
    // ~3% of resources report their group upper-cased, as the API does for some child resources.
    const rg = r.chance(0.03) ? group.name.toUpperCase() : group.name;
    const app = r.pick(APPS);
    const env = r.pick(ENVS);
    const prefix = `/subscriptions/${group.subscription}/resourceGroups/${rg}/providers`;
    let name = `${spec.prefix}-${app}-${env}-${i.toString(36)}`;
    let managedBy: string | null = null;
    if (spec.type === 'Microsoft.Compute/virtualMachines/extensions') {
      const vm = vms.length > 0 ? r.pick(vms) : `vm-${app}-${env}-0`;
      name = `${vm.split('/').pop() ?? vm}/${r.pick(['AzureMonitorAgent', 'MDE.Windows', 'AADSSHLoginForLinux', 'HealthExtension'])}-${i.toString(36)}`;
    } else if (spec.type === 'Microsoft.Compute/disks' && vms.length > 0 && r.chance(0.8)) {
      managedBy = r.pick(vms);
    }
    const [ns, ...rest] = spec.type.split('/');
    // Other child types (SQL databases) are named `parent/child`, as az reports them.
    if (rest.length > 1 && !name.includes('/')) name = `sql-${app}-${env}/${name}`;
    const nameParts = name.split('/');
    const path = rest.map((t, k) => `${t}/${nameParts[k] ?? name}`).join('/');
    const id = `${prefix}/${ns}/${path}`;
    if (spec.type === 'Microsoft.Compute/virtualMachines') vms.push(id);
    const identity =
      spec.identity && r.chance(spec.identity)
        ? { principalId: r.guid(), tenantId: tenant, type: 'SystemAssigned', userAssignedIdentities: null }
        : null;
    const created = isoTime(r, base);
    items.push({
      changedTime: created,
      createdTime: created,
      extendedLocation: null,
      id,
      identity,
      kind: spec.kind ? spec.kind(r) : null,
      location: spec.location ?? group.location,
      managedBy,
      name,
      plan: null,
      properties: null,
      provisioningState: 'Succeeded',
      resourceGroup: rg,
      sku: spec.sku ? spec.sku(r) : null,
      tags: tagsFor(r, app, env),
      type: spec.type
    });
  }
  return JSON.stringify(items, null, 2);
}

/** The number of distinct resource types the generator mixes. */
export const GENERATED_TYPE_COUNT = TYPES.length;
