/**
 * Hand-built reports for the export tests (independent of core/report.ts), plus the formula
 * injection payloads from PayloadsAllTheThings (MIT licence, swisskyrepo/PayloadsAllTheThings,
 * "CSV Injection/README.md"; copied verbatim into fixtures/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CellValue,
  ChangeLogEntry,
  PartyKind,
  Responsibility,
  ServiceModel
} from '@shared/domain';
import type { Report, ReportAsset, ReportLayer, ReportModel, ReportParty } from '@shared/report';
import type { ExportSource } from '@core/export-model';
import type { XlsxInput } from '@main/export/xlsx-writer';
import { reportSourceOf } from '@core/report-source';

const LAYERS: [string, string, Partial<Record<ServiceModel, CellValue>>][] = [
  [
    'data',
    'Information and data',
    { saas: 'customer', paas: 'customer', iaas: 'customer', onprem: 'customer' }
  ],
  [
    'devices',
    'Devices (Mobile and PCs)',
    { saas: 'customer', paas: 'customer', iaas: 'customer', onprem: 'customer' }
  ],
  [
    'accounts',
    'Accounts and identities',
    { saas: 'customer', paas: 'customer', iaas: 'customer', onprem: 'customer' }
  ],
  [
    'identity-infra',
    'Identity and directory infrastructure',
    { saas: 'shared', paas: 'shared', iaas: 'customer', onprem: 'customer' }
  ],
  [
    'applications',
    'Applications',
    { saas: 'provider', paas: 'shared', iaas: 'customer', onprem: 'customer' }
  ],
  [
    'network-controls',
    'Network controls',
    { saas: 'provider', paas: 'shared', iaas: 'customer', onprem: 'customer' }
  ],
  ['os', 'Operating system', { saas: 'provider', paas: 'provider', iaas: 'customer', onprem: 'customer' }],
  [
    'physical-hosts',
    'Physical hosts',
    { saas: 'provider', paas: 'provider', iaas: 'provider', onprem: 'customer' }
  ],
  [
    'physical-network',
    'Physical network',
    { saas: 'provider', paas: 'provider', iaas: 'provider', onprem: 'customer' }
  ],
  [
    'physical-datacenter',
    'Physical datacenter',
    { saas: 'provider', paas: 'provider', iaas: 'provider', onprem: 'customer' }
  ]
];

export function classicModel(): ReportModel {
  return {
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
    layers: LAYERS.map(([id, title, cells]) => ({
      id,
      title,
      description: `${title}: who secures it.`,
      permanentCustomer: id === 'data' || id === 'devices' || id === 'accounts',
      cells
    }))
  };
}

const SERVICE_MODELS: (ServiceModel | null)[] = ['iaas', 'paas', 'saas', 'onprem', null];

export interface ReportShape {
  assets?: number;
  /** Override asset names, in order (the rest get generated names). */
  assetNames?: string[];
  partyNames?: string[];
  justification?: (assetIndex: number, layerIndex: number) => string | null;
  /** The note on a layer (the Comments column); none by default. */
  note?: (assetIndex: number, layerIndex: number) => string | null;
  tags?: (assetIndex: number) => Record<string, string>;
}

export function party(id: number, name: string, kind: PartyKind, active = true): ReportParty {
  return { id, name, kind, active, leftAt: active ? null : '2026-01-31' };
}

function layerFor(
  asset: number,
  index: number,
  serviceModel: ServiceModel | null,
  names: string[],
  shape: ReportShape
): ReportLayer {
  const [layerId, title, cells] = LAYERS[index]!;
  const published: Responsibility = serviceModel === null ? 'unknown' : (cells[serviceModel] ?? 'unknown');
  const overridden = asset % 4 === 1 && index === 5 && published !== 'unknown';
  const responsibility: Responsibility = overridden ? 'customer' : published;
  const pick = (k: number): string => names[(asset + index + k) % names.length]!;
  const justification =
    shape.justification?.(asset, index) ?? (overridden ? 'Firewall run by us per contract' : null);
  return {
    layerId,
    title,
    responsibility,
    published,
    overridden,
    justification,
    note: shape.note?.(asset, index) ?? null,
    R: responsibility === 'provider' ? ['Microsoft'] : [pick(0)],
    A: responsibility === 'provider' ? ['Microsoft'] : [pick(1)],
    C: index % 3 === 0 ? [pick(2), pick(3)] : [],
    I: index % 2 === 0 ? [pick(4)] : [],
    defaultRoles: index % 2 === 0 ? ['R'] : []
  };
}

/** A report with `assets` assets over every service model (and unclassified), 10 layers each. */
export function buildTestReport(shape: ReportShape = {}): Report {
  const partyNames = shape.partyNames ?? [
    'Identity team',
    'Jane Doe',
    'Network team',
    'Émilie Ölund',
    'Service desk'
  ];
  const parties: ReportParty[] = [
    ...partyNames.map((name, i) => party(i + 1, name, i % 2 === 0 ? 'team' : 'person', i !== 3)),
    party(90, 'Microsoft', 'provider'),
    party(91, 'Contoso MSP', 'third_party')
  ];
  const count = shape.assets ?? 12;
  const assets: ReportAsset[] = [];
  for (let a = 0; a < count; a += 1) {
    const serviceModel = SERVICE_MODELS[a % SERVICE_MODELS.length] ?? null;
    const name = shape.assetNames?.[a] ?? `vm-prod-${String(a).padStart(3, '0')}`;
    assets.push({
      id: a + 1,
      externalId: `/subscriptions/0000/resourceGroups/rg-${a % 3}/providers/Microsoft.Compute/virtualMachines/${name}`,
      name,
      type: 'Microsoft.Compute/virtualMachines',
      subscription: 'sub-prod',
      resourceGroup: `rg-${a % 3}`,
      location: 'westeurope',
      tags: shape.tags?.(a) ?? { env: 'prod', costCenter: String(100 + (a % 5)) },
      extra: {},
      criticality: null,
      dataClassification: null,
      environment: null,
      serviceModel,
      serviceModelSource: serviceModel === null ? null : 'classifier',
      classificationReason: serviceModel === null ? null : 'Microsoft.Compute/virtualMachines is a virtual machine (IaaS)',
      classificationConfidence: serviceModel === null ? null : 'high',
      needsReview: serviceModel === null,
      modelId: 'microsoft-classic',
      owner: a % 5 === 4 ? null : (partyNames[a % partyNames.length] ?? null),
      lastReviewedAt: null,
      notSeenInLastImport: false,
      layers: LAYERS.map((_, i) => layerFor(a, i, serviceModel, partyNames, shape))
    });
  }
  return {
    format: 'demarc-report',
    formatVersion: 1,
    workbook: {
      name: 'Contoso production',
      organisation: 'Contoso Ltd',
      formatVersion: 1,
      defaultModelId: 'microsoft-classic',
      reviewPeriodDays: 180,
      lastChangeAt: '2026-11-27T10:00:00.000Z'
    },
    models: [classicModel()],
    parties,
    assets,
    findings: assets.flatMap((asset) =>
      asset.serviceModel === null
        ? [
            {
              code: 'UNCLASSIFIED' as const,
              severity: 'error' as const,
              assetId: asset.id,
              asset: asset.name,
              layerId: null,
              message: `${asset.name} has no service model.`,
              fix: 'Set its service model.'
            },
            {
              code: 'NO_ACCOUNTABLE' as const,
              severity: 'warning' as const,
              assetId: asset.id,
              asset: asset.name,
              layerId: 'data',
              message: 'Nobody is Accountable for Information and data.',
              fix: 'Name one Accountable party.'
            }
          ]
        : []
    )
  };
}

export function buildChangeLog(count = 5, summary?: (i: number) => string): ChangeLogEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    at: `2026-11-2${i % 8}T09:00:0${i % 10}.000Z`,
    actor: i % 2 === 0 ? 'Jane Doe' : 'importer',
    action: i === 0 ? 'workbook.create' : 'raci.assign',
    entity: i === 0 ? 'workbook' : 'raci',
    entityId: i === 0 ? null : String(i),
    summary: summary?.(i) ?? `Change number ${i + 1}`,
    before: null,
    after: { n: i }
  }));
}

/**
 * Every payload line of the PayloadsAllTheThings CSV-injection page (the lines of its ```text
 * blocks, indentation removed), plus starters it only names (full-width, tab, CR, leading space)
 * and OOXML `_xHHHH_` escapes, which a reader would otherwise decode (`_x003D_` → `=`).
 */
export function injectionPayloads(): string[] {
  const page = readFileSync(
    join(__dirname, '..', 'fixtures', 'injection', 'PayloadsAllTheThings_CSV-Injection_README.md'),
    'utf8'
  );
  const payloads: string[] = [];
  let inBlock = false;
  for (const line of page.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('```')) {
      inBlock = trimmed === '```text';
      continue;
    }
    if (inBlock && trimmed.length > 0) payloads.push(trimmed);
  }
  return [
    ...payloads,
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    '-2+3',
    ' =1+1',
    '=HYPERLINK("http://x","y")'
  ];
}

/** A report and change log held in memory as the export's source (one page each). */
export function exportSourceOf(report: Report, changeLog: readonly ChangeLogEntry[]): ExportSource {
  return { ...reportSourceOf(report), changeLog: () => changeLog, changeLogCount: changeLog.length };
}

/** What writeXlsx takes, from a report and change log in memory: the source and its rows. */
export function exportInput(report: Report, changeLog: readonly ChangeLogEntry[]): XlsxInput {
  return { source: exportSourceOf(report, changeLog), planned: { assets: report.assets.length, raciRows: raciRowCount(report) } };
}

/** The RACI rows of a report (asset × layer): what the CSV writer is told to expect. */
export function raciRowCount(report: Report): number {
  return report.assets.reduce((n, asset) => n + asset.layers.length, 0);
}
