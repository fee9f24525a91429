/**
 * The picture's SQL agrees with the engine: on hand-made and generated workbooks and on the
 * round-1 fixture, the aggregates composed from readPictureFacts equal those computed asset by
 * asset with compileFilter, deriveResponsibility and effectiveRaci, for every scope and model.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '@core/models';
import { composeAggregates } from '@core/picture/aggregates';
import { loadEngineInput } from '@main/engine/input';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { insertCustomModel } from '@main/store/repos/custom-models';
import { META_KEYS, writeMeta } from '@main/store/repos/meta';
import { readPictureFacts } from '@main/store/repos/picture';
import { insertAssignments, upsertOverride } from '@main/store/repos/responsibility';
import type { Db } from '@main/store/workbook-file';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import type { CellValue, RaciRole, ResponsibilityModel, ServiceModel } from '@shared/domain';
import type { PictureScope } from '@shared/picture';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';
import { referenceAggregates } from './engine-reference';

const CURRENT = BUILTIN_MODELS['microsoft-2026-01']!;
const CLASSIC = BUILTIN_MODELS['microsoft-classic-2023']!;

/** Microsoft 2026 with Fabrikam MSP operating IaaS operating systems. */
const MSP_MODEL: ResponsibilityModel = {
  ...CURRENT,
  id: 'msp-operated',
  name: 'Microsoft with Fabrikam MSP',
  parties: [...CURRENT.parties, { id: 'msp', name: 'Fabrikam MSP', kind: 'third_party' }],
  cells: { ...CURRENT.cells, 'operating-system': { ...CURRENT.cells['operating-system'], iaas: { responsibility: 'customer', operatedBy: 'msp' } } }
};

/** A small deterministic generator, so a failure repeats. */
function random(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

/** A workbook with everything that decides an Accountable, mixed at random. */
function generatedWorkbook(db: Db, count: number, seed: number): void {
  const r = random(seed);
  // Microsoft (party 1) comes with every new workbook.
  const [alice, bob, platform, , unicode] = seedParties(db, [
    { name: 'Alice', kind: 'person' },
    { name: 'Bob', kind: 'person', active: false, leftAt: '2025-12-31' },
    { name: 'Platform Team', kind: 'team' },
    { name: 'Fabrikam MSP', kind: 'third_party' },
    { name: 'Équipe Données', kind: 'team' }
  ]);
  const owners = [alice!, bob!, platform!, unicode!, null];
  writeMeta(db, META_KEYS.defaultTeamPerLayer, JSON.stringify({ 'network-controls': platform, 'client-devices': 999_999, applications: unicode }));
  insertCustomModel(db, { id: MSP_MODEL.id, version: MSP_MODEL.version, json: JSON.stringify(MSP_MODEL) }, '2026-01-01T00:00:00Z', 'test');
  const serviceModels: (ServiceModel | null)[] = ['onprem', 'iaas', 'paas', 'saas', null];
  const ids = seedAssets(
    db,
    Array.from({ length: count }, (_, i) => ({
      name: r.pick(['web', 'db', 'Vault', 'Ärger']) + `-${i}`,
      key: `gen|${i}`,
      externalId: `/subscriptions/s/resourceGroups/rg/providers/x/${i}`,
      type: r.pick(['Microsoft.Compute/virtualMachines', 'microsoft.compute/disks', 'Microsoft.Web/sites', 'Microsoft.KeyVault/vaults', null]),
      subscription: r.pick(['Sub-A', 'sub-b', null]),
      resourceGroup: r.pick(['Prod', 'prod-ä', 'PROD-Ä', 'dev', null]),
      location: r.pick(['westeurope', 'northeurope']),
      tags: r.pick<Record<string, string>>([{}, { Env: 'Prod' }, { env: 'dev' }, { CostCentre: 'İ42' }, { Env: 'prod', Owner: 'ops' }]),
      serviceModel: r.pick(serviceModels),
      ownerPartyId: r.pick(owners),
      modelId: r.pick([null, null, null, CLASSIC.id, MSP_MODEL.id])
    }))
  );
  const layers = [...new Set([...CURRENT.layers, ...CLASSIC.layers].map((l) => l.id))];
  const parties = [alice!, bob!, platform!, unicode!, 1];
  const roles: RaciRole[] = ['A', 'A', 'R', 'C', 'I'];
  for (const id of ids) {
    if (r.next() < 0.15) {
      const layer = r.pick(layers);
      upsertOverride(db, { assetId: id, layerId: layer, responsibility: r.pick<CellValue>(['provider', 'customer', 'shared']), justification: 'test', by: 't', at: 'x' });
    }
    if (r.next() < 0.25) {
      const layer = r.pick(layers);
      const n = r.next() < 0.1 ? 2 : 1;
      insertAssignments(db, Array.from({ length: n }, () => ({ assetId: id, layerId: layer, partyId: r.pick(parties), role: r.pick(roles) })));
    }
  }
}

const SCOPES: PictureScope[] = [
  {},
  { subscription: 'SUB-A' },
  { resourceGroup: 'prod-ä' },
  { tag: 'env' },
  { tag: 'ENV=prod' },
  { tag: 'costcentre=İ42' },
  { text: 'prod' },
  { text: 'ä' },
  { text: 'ops' },
  { type: 'microsoft.compute/*' },
  { type: 'Microsoft.Web/sites' },
  { serviceModel: 'none' },
  { serviceModel: 'paas' },
  { owner: 'none' },
  { owner: 2 },
  { ids: [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144] },
  { subscription: 'sub-b', tag: 'Env', serviceModel: 'iaas' }
];

function expectAgreement(wb: OpenWorkbook, ctx: ServiceContext, scopes: readonly PictureScope[], drawn: string, assetModel = drawn): void {
  const input = loadEngineInput(wb, ctx);
  const model = input.models[drawn]!;
  for (const scope of scopes) {
    const facts = readPictureFacts(wb.db, { modelId: assetModel, settings: input.settings, models: input.models, scope });
    const composed = composeAggregates({ model, parties: input.parties, settings: input.settings }, facts);
    expect({ scope, drawn, ...composed }).toEqual({ scope, drawn, ...referenceAggregates(input, drawn, scope, assetModel) });
  }
}

describe('picture facts from SQL', () => {
  it('agree with the engine on a generated workbook, for every scope and model', () => {
    const { wb, ctx, close } = createTestWorkbook();
    generatedWorkbook(wb.db, 800, 20260112);
    // Every scope but the whole workbook takes some assets and leaves others.
    const input = loadEngineInput(wb, ctx);
    for (const scope of SCOPES.slice(1)) {
      const n = referenceAggregates(input, CURRENT.id, scope).scopeAssets;
      expect({ scope, some: n > 0 && n < 800 }).toEqual({ scope, some: true });
    }
    expectAgreement(wb, ctx, SCOPES, CURRENT.id);
    expectAgreement(wb, ctx, SCOPES.slice(0, 8), MSP_MODEL.id);
    expectAgreement(wb, ctx, SCOPES.slice(8), CLASSIC.id);
    // A model drawn over another model's assets (the side-by-side comparison).
    expectAgreement(wb, ctx, [{}, { tag: 'env' }], CLASSIC.id, CURRENT.id);
    close();
  });

  it('agree with the engine on the round-1 workbook (migrated copy)', () => {
    const dir = tempDir();
    const path = join(dir, 'round-1.demarc');
    copyFileSync(join(__dirname, '../../fixtures/workbooks/round-1.demarc'), path);
    const ctx = testServiceContext();
    const wb = openWorkbook(ctx, path);
    try {
      const input = loadEngineInput(wb, ctx);
      expect(input.assets.length).toBeGreaterThan(100);
      expect(input.overrides.length + input.assignments.length).toBeGreaterThan(0);
      const owners = [...new Set(input.assets.map((a) => a.ownerPartyId))].filter((o): o is number => o !== null);
      const groups = [...new Set(input.assets.map((a) => a.resourceGroup))].filter((g): g is string => g !== null).slice(0, 3);
      expectAgreement(wb, ctx, [{}, ...owners.map((owner) => ({ owner })), ...groups.map((resourceGroup) => ({ resourceGroup })), { ids: [1, 2, 3] }], input.settings.defaultModelId);
      // Migrated to format 5: the whole workbook's counts read the covering index, not the table.
      const plan = wb.db
        .prepare('EXPLAIN QUERY PLAN SELECT a.service_model, a.owner_party_id, a.model_id, count(*) FROM assets a WHERE 1 GROUP BY a.service_model, a.owner_party_id, a.model_id')
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail)).toEqual(['SCAN a USING COVERING INDEX assets_picture']);
    } finally {
      closeWorkbook(wb);
    }
  });

  it('count an asset once however many Accountables it names', () => {
    const { wb, ctx, close } = createTestWorkbook();
    const [alice, team] = seedParties(wb.db, [{ name: 'Alice', kind: 'person' }, { name: 'Team', kind: 'team' }]);
    const [a1] = seedAssets(wb.db, [{ name: 'one', serviceModel: 'paas', ownerPartyId: alice! }]);
    insertAssignments(wb.db, [
      { assetId: a1!, layerId: 'customer-data', partyId: alice!, role: 'A' },
      { assetId: a1!, layerId: 'customer-data', partyId: team!, role: 'A' }
    ]);
    const input = loadEngineInput(wb, ctx);
    const facts = readPictureFacts(wb.db, { modelId: CURRENT.id, settings: { defaultModelId: CURRENT.id, modelByProvider: {} }, models: BUILTIN_MODELS, scope: {} });
    expect(facts.exceptions).toEqual([{ serviceModel: 'paas', owner: alice, layerId: 'customer-data', override: null, accountable: [alice, team], assets: 1 }]);
    const cell = composeAggregates({ model: CURRENT, parties: input.parties, settings: input.settings }, facts).cells.find((c) => c.serviceModel === 'paas' && c.layerId === 'customer-data');
    expect(cell).toMatchObject({ assets: 1, noAccountable: 0, accountable: [{ partyId: alice, assets: 1 }, { partyId: team, assets: 1 }] });
    close();
  });
});
