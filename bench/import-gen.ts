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
    const hex = (n: number): string => Array.from({ length: n }, () => this.int(16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  }
}

const sku = (name: string, tier: string, capacity: number | null): Json => ({
  capacity,
  family: null,
  model: null,
  name,
  size: null,
  tier
});

type More = Omit<TypeSpec, 'type' | 'weight' | 'prefix'>;
const t = (type: string, weight: number, prefix: string, more: More = {}): TypeSpec => ({
  type,
  weight,
  prefix,
  ...more
});
const skuOf =
  (names: string[], tiers: string[], capacity: number | null = null) =>
  (r: Random): Json =>
    sku(r.pick(names), r.pick(tiers), capacity);
const oneOf =
  (...values: string[]) =>
  (r: Random): string =>
    r.pick(values);

/** Weights are relative counts: NICs, disks, VMs and extensions dominate real tenants. */
const TYPES: readonly TypeSpec[] = [
  t('Microsoft.Network/networkInterfaces', 12, 'nic'),
  t('Microsoft.Compute/disks', 10, 'disk', {
    sku: skuOf(['Premium_LRS', 'StandardSSD_LRS', 'Standard_LRS'], ['Premium'])
  }),
  t('Microsoft.Compute/virtualMachines', 8, 'vm', { identity: 0.4 }),
  t('Microsoft.Compute/virtualMachines/extensions', 10, 'ext'),
  t('Microsoft.Network/networkSecurityGroups', 5, 'nsg'),
  t('Microsoft.Network/publicIPAddresses', 4, 'pip', { sku: skuOf(['Standard'], ['Regional']) }),
  t('Microsoft.Network/virtualNetworks', 3, 'vnet'),
  t('Microsoft.Storage/storageAccounts', 5, 'st', {
    sku: skuOf(['Standard_LRS', 'Standard_GRS', 'Standard_ZRS'], ['Standard']),
    kind: oneOf('StorageV2', 'StorageV2', 'BlobStorage', 'Storage')
  }),
  t('Microsoft.KeyVault/vaults', 3, 'kv'),
  t('Microsoft.Web/sites', 4, 'app', {
    kind: oneOf('app', 'app,linux', 'functionapp', 'functionapp,linux'),
    identity: 0.5
  }),
  t('Microsoft.Web/serverFarms', 2, 'asp', {
    sku: skuOf(['P1v3', 'S1', 'Y1', 'B1'], ['PremiumV3', 'Standard', 'Dynamic'], 1),
    kind: oneOf('app', 'linux', 'functionapp')
  }),
  t('Microsoft.Sql/servers', 1.5, 'sql', { kind: oneOf('v12.0') }),
  t('Microsoft.Sql/servers/databases', 2, 'sqldb', {
    sku: skuOf(['GP_S_Gen5', 'S0', 'Basic'], ['GeneralPurpose', 'Standard', 'Basic'], 1),
    kind: oneOf('v12.0,user')
  }),
  t('microsoft.insights/components', 2, 'appi', { kind: oneOf('web') }),
  t('microsoft.insights/actiongroups', 1.5, 'ag', { location: 'Global' }),
  t('microsoft.insights/metricalerts', 2, 'alert', { location: 'global' }),
  t('Microsoft.OperationalInsights/workspaces', 1, 'log'),
  t('Microsoft.Network/privateEndpoints', 2, 'pe'),
  t('Microsoft.Network/privateDnsZones', 1.5, 'privatelink', { location: 'global' }),
  t('Microsoft.ManagedIdentity/userAssignedIdentities', 1.5, 'id'),
  t('Microsoft.DocumentDB/databaseAccounts', 0.7, 'cosmos', { kind: oneOf('GlobalDocumentDB') }),
  t('Microsoft.ContainerService/managedClusters', 0.5, 'aks', {
    sku: skuOf(['Base'], ['Free']),
    identity: 1
  }),
  t('Microsoft.ContainerRegistry/registries', 0.7, 'acr', {
    sku: skuOf(['Basic', 'Standard', 'Premium'], ['Standard'])
  }),
  t('Microsoft.EventHub/namespaces', 0.5, 'evhns', { sku: skuOf(['Standard'], ['Standard'], 1) }),
  t('Microsoft.ServiceBus/namespaces', 0.5, 'sbns', { sku: skuOf(['Standard'], ['Standard']) }),
  t('Microsoft.CognitiveServices/accounts', 0.7, 'cog', {
    sku: skuOf(['S0'], ['Standard']),
    kind: oneOf('OpenAI', 'TextAnalytics', 'FormRecognizer', 'CognitiveServices'),
    identity: 0.3
  }),
  t('Microsoft.DataFactory/factories', 0.5, 'adf', { identity: 1 }),
  t('Microsoft.Network/loadBalancers', 0.8, 'lb', { sku: skuOf(['Standard'], ['Regional']) }),
  t('Microsoft.Network/applicationGateways', 0.3, 'agw'),
  t('Microsoft.Network/routeTables', 0.8, 'rt'),
  t('Microsoft.Compute/snapshots', 1, 'snap', { sku: skuOf(['Standard_LRS'], ['Standard']) }),
  t('Microsoft.Automation/automationAccounts', 0.4, 'aa'),
  t('Microsoft.RecoveryServices/vaults', 0.5, 'rsv', { sku: skuOf(['RS0'], ['Standard']) }),
  t('Microsoft.Logic/workflows', 0.8, 'logic'),
  t('Microsoft.Web/staticSites', 0.3, 'stapp', { sku: skuOf(['Free'], ['Free']) }),
  t('Microsoft.ApiManagement/service', 0.2, 'apim', {
    sku: skuOf(['Developer'], ['Developer'], 1),
    identity: 0.5
  }),
  t('Microsoft.Cache/Redis', 0.3, 'redis'),
  t('Microsoft.DBforPostgreSQL/flexibleServers', 0.5, 'psql', {
    sku: skuOf(['Standard_B2s'], ['Burstable'])
  }),
  t('Microsoft.Databricks/workspaces', 0.2, 'dbw', { sku: skuOf(['premium'], ['Premium']) }),
  t('Microsoft.Network/bastionHosts', 0.2, 'bas', { sku: skuOf(['Basic'], ['Basic']) }),
  t('Microsoft.Network/networkWatchers', 0.5, 'NetworkWatcher'),
  t('Microsoft.OperationsManagement/solutions', 0.4, 'solution'),
  t('Microsoft.Compute/sshPublicKeys', 0.3, 'sshkey'),
  t('Microsoft.DevTestLab/schedules', 0.5, 'shutdown-computevm'),
  t('Microsoft.Network/virtualNetworkGateways', 0.1, 'vgw'),
  t('Microsoft.Portal/dashboards', 0.2, 'dash')
];

const TOTAL_WEIGHT = TYPES.reduce((sum, t) => sum + t.weight, 0);
const LOCATIONS = [
  'westeurope',
  'westeurope',
  'westeurope',
  'northeurope',
  'swedencentral',
  'eastus',
  'eastus2',
  'uksouth'
];
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
