/** Small builders for core tests: plain data with sensible defaults, overridden per test. */
import type { Asset, LayerOverride, Party, RaciAssignment, WorkbookSettings } from '@shared/domain';
import type { EngineInput } from '@core/engine-input';
import { BUILTIN_MODELS } from '@core/models';

export const NOW = '2026-03-01T12:00:00.000Z';

export function asset(id: number, patch: Partial<Asset> = {}): Asset {
  return {
    id,
    key: `key-${id}`,
    externalId: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm${id}`,
    name: `vm${id}`,
    type: 'Microsoft.Compute/virtualMachines',
    kind: null,
    sku: null,
    managedBy: null,
    provider: 'azure',
    subscription: 's1',
    resourceGroup: 'rg',
    location: 'westeurope',
    tags: {},
    extra: {},
    criticality: null,
    dataClassification: null,
    environment: null,
    serviceModel: 'iaas',
    serviceModelSource: 'classifier',
    classificationReason: 'virtual machines are IaaS',
    classificationConfidence: 'high',
    needsReview: false,
    modelId: null,
    ownerPartyId: 1,
    lastReviewedAt: '2026-02-01T00:00:00.000Z',
    notSeenInLastImport: false,
    lastImportRunId: null,
    source: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch
  };
}

export function party(id: number, name: string, kind: Party['kind'], patch: Partial<Party> = {}): Party {
  return { id, name, kind, email: null, active: true, leftAt: null, notes: null, ...patch };
}

/** 1 Alice (person), 2 Platform team, 3 Microsoft (provider), 4 Contoso MSP (third party), 5 Bob (left). */
export function parties(): Party[] {
  return [
    party(1, 'Alice', 'person'),
    party(2, 'Platform team', 'team'),
    party(3, 'Microsoft', 'provider'),
    party(4, 'Contoso MSP', 'third_party'),
    party(5, 'Bob', 'person', { active: false, leftAt: '2025-12-31' })
  ];
}

export function settings(patch: Partial<WorkbookSettings> = {}): WorkbookSettings {
  return {
    organisation: 'Test org',
    defaultModelId: 'microsoft-2026-01',
    defaultModelVersion: '2026-01-12',
    modelByProvider: {},
    reviewPeriodDays: 365,
    defaultTeamPerLayer: {},
    userName: 'tester',
    ...patch
  };
}

export function override(assetId: number, layerId: string, responsibility: LayerOverride['responsibility']): LayerOverride {
  return { assetId, layerId, responsibility, justification: 'contract says so', by: 'tester', at: NOW };
}

export function assign(assetId: number, layerId: string, partyId: number, role: RaciAssignment['role']): RaciAssignment {
  return { assetId, layerId, partyId, role };
}

export function engineInput(patch: Partial<EngineInput> = {}): EngineInput {
  return {
    settings: settings(),
    models: { ...BUILTIN_MODELS },
    assets: [],
    parties: parties(),
    overrides: [],
    assignments: [],
    now: NOW,
    ...patch
  };
}
