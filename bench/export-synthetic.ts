/**
 * The export bench's synthetic workbook: 100k assets × 10 layers by default. Role lists, tags and
 * justifications are shared from small pools, as a real report's repeated names would be interned
 * strings; every asset and layer object is its own.
 */
import type { ChangeLogEntry, Responsibility, ServiceModel, StandardServiceModel } from '@shared/domain';
import type { Report, ReportAsset, ReportLayer, ReportParty } from '@shared/report';
import { tallyOf, type ExportSource } from '@core/export-model';
import { reportSourceOf } from '@core/report-source';
import type { XlsxInput } from '@main/export/xlsx-writer';

const TITLES = [
  'Information and data',
  'Devices (Mobile and PCs)',
  'Accounts and identities',
  'Identity and directory infrastructure',
  'Applications',
  'Network controls',
  'Operating system',
  'Physical hosts',
  'Physical network',
  'Physical datacenter'
];
const PROVIDER_FROM: Record<StandardServiceModel, number> = { onprem: 10, iaas: 7, paas: 6, saas: 4 };
const LAYER_IDS = TITLES.map((_, l) => `layer-${l}`);
const MODELS: (StandardServiceModel | null)[] = [
  'iaas',
  'paas',
  'saas',
  'onprem',
  'iaas',
  'paas',
  'paas',
  'saas',
  'iaas',
  null
];

/**
 * A report of `assetCount` assets × 10 layers, 242 parties, a finding for every unclassified or
 * unowned asset, and a change log of 3,000 entries.
 */
export function syntheticReport(assetCount: number): { report: Report; changeLog: ChangeLogEntry[] } {
  const parties: ReportParty[] = [];
  for (let i = 0; i < 200; i += 1)
    parties.push({
      id: i + 1,
      name: `Person ${i} Müller-Østergaard`,
      kind: 'person',
      active: i % 37 !== 0,
      leftAt: null
    });
  for (let i = 0; i < 40; i += 1)
    parties.push({ id: 300 + i, name: `Team ${i} operations`, kind: 'team', active: true, leftAt: null });
  parties.push({ id: 900, name: 'Microsoft', kind: 'provider', active: true, leftAt: null });
  parties.push({
    id: 901,
    name: 'Contoso Managed Services',
    kind: 'third_party',
    active: true,
    leftAt: null
  });
  const pool = Array.from({ length: 97 }, (_, i) => [
    parties[i % 240]!.name,
    ...(i % 3 === 0 ? [parties[(i * 7) % 240]!.name] : [])
  ]);
  const provider = ['Microsoft'];
  const none: string[] = [];
  const noRoles: ReportLayer['defaultRoles'] = [];
  const tagPool = Array.from({ length: 50 }, (_, i) => ({
    env: i % 2 ? 'prod' : 'test',
    costCenter: `CC-${1000 + i}`
  }));
  const assets: ReportAsset[] = [];
  for (let a = 0; a < assetCount; a += 1) {
    const serviceModel = MODELS[a % MODELS.length] ?? null;
    const name = `vm-${String(a).padStart(6, '0')}-app-${a % 7 === 0 ? 'frontend' : 'backend'}`;
    const layers: ReportLayer[] = TITLES.map((title, l) => {
      const published: Responsibility =
        serviceModel === null
          ? 'unknown'
          : l >= PROVIDER_FROM[serviceModel]
            ? 'provider'
            : l === 3 || l === 5
              ? 'shared'
              : 'customer';
      const overridden = a % 50 === 0 && l === 5 && serviceModel !== null;
      const responsibility: Responsibility = overridden ? 'customer' : published;
      const onProvider = responsibility === 'provider';
      return {
        layerId: LAYER_IDS[l]!,
        title,
        responsibility,
        published,
        overridden,
        justification: overridden ? 'Network controls run by our own firewall team per ISMS-2024-17' : null,
        note: null,
        R: onProvider ? provider : pool[(a + l) % pool.length]!,
        A: onProvider ? provider : pool[(a * 3 + l) % pool.length]!,
        C: l % 3 === 0 ? pool[(a + 2 * l) % pool.length]! : none,
        I: l % 2 === 0 ? pool[(a + 5 * l) % pool.length]! : none,
        defaultRoles: noRoles
      };
    });
    assets.push({
      id: a + 1,
      externalId: `/subscriptions/00000000-0000-0000-0000-${String(a % 9).padStart(12, '0')}/resourceGroups/rg-${a % 300}/providers/Microsoft.Compute/virtualMachines/${name}`,
      name,
      type: 'Microsoft.Compute/virtualMachines',
      subscription: `sub-${a % 9}`,
      resourceGroup: `rg-${a % 300}`,
      location: 'westeurope',
      tags: tagPool[a % tagPool.length]!,
      extra: {},
      serviceModel,
      serviceModelSource: serviceModel === null ? null : 'classifier',
      classificationReason: serviceModel === null ? null : 'Microsoft.Compute/virtualMachines is a virtual machine (IaaS)',
      classificationConfidence: serviceModel === null ? null : 'high',
      needsReview: serviceModel === null,
      modelId: 'microsoft-classic',
      owner: a % 11 === 0 ? null : parties[a % 240]!.name,
      lastReviewedAt: null,
      notSeenInLastImport: false,
      layers
    });
  }
  const findings = assets
    .filter((asset) => asset.serviceModel === null || asset.owner === null)
    .map((asset) => ({
      code: asset.serviceModel === null ? ('UNCLASSIFIED' as const) : ('NO_OWNER' as const),
      severity: asset.serviceModel === null ? ('error' as const) : ('warning' as const),
      assetId: asset.id,
      asset: asset.name,
      layerId: null,
      message: `${asset.name}: ${asset.serviceModel === null ? 'no service model' : 'nobody owns it'}.`,
      fix: 'Open the asset and fix it.'
    }));
  const changeLog: ChangeLogEntry[] = Array.from({ length: 3000 }, (_, i) => ({
    id: i + 1,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    actor: parties[i % 240]!.name,
    action: 'raci.assign',
    entity: 'raci',
    entityId: String(i),
    summary: `Assigned ${parties[i % 240]!.name} as Accountable for layer ${TITLES[i % 10]!} of ${assets[i % assetCount]!.name}`,
    before: null,
    after: null
  }));
  const layerCells = (l: number): Partial<Record<ServiceModel, 'provider' | 'customer' | 'shared'>> =>
    Object.fromEntries(
      (['onprem', 'iaas', 'paas', 'saas'] as const).map((sm) => [
        sm,
        l >= PROVIDER_FROM[sm] ? 'provider' : l === 3 || l === 5 ? 'shared' : 'customer'
      ])
    );
  const report: Report = {
    format: 'demarc-report',
    formatVersion: 1,
    workbook: {
      name: 'Bench',
      organisation: 'Contoso Ltd',
      formatVersion: 1,
      defaultModelId: 'microsoft-classic',
      reviewPeriodDays: 180,
      lastChangeAt: null
    },
    models: [
      {
        id: 'microsoft-classic',
        name: 'Microsoft shared responsibility (classic)',
        version: '2023-09-28',
        source: {
          title: 'Shared responsibility in the cloud',
          url: 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility',
          date: '2023-09-28'
        },
        serviceModels: ['onprem', 'iaas', 'paas', 'saas'],
        serviceModelLabels: { onprem: 'On-premises', iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' },
        providerName: 'Microsoft',
        layers: TITLES.map((title, l) => ({
          id: `layer-${l}`,
          title,
          description: title,
          permanentCustomer: l < 3,
          cells: layerCells(l)
        }))
      }
    ],
    parties,
    assets,
    findings
  };
  return { report, changeLog };
}

/** What the xlsx writer reads, over a report held in memory (one page) and its change log. */
export function exportInputOf(report: Report, changeLog: readonly ChangeLogEntry[]): XlsxInput {
  const source: ExportSource = { ...reportSourceOf(report), changeLog: () => changeLog, changeLogCount: changeLog.length };
  return { source, tally: tallyOf(source) };
}
