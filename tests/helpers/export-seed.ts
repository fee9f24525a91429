/**
 * A realistic workbook for the export tests: the assets of a REAL `az resource list` export
 * (UTF-16LE, read by the inventory reader and classified by the classifier), parties, owners,
 * RACI assignments and overrides set through the engine services, and the formula-injection
 * payloads of the fixture as asset names, tags, party names and justifications.
 */
import { classifyResourceType } from '@core/classify';
import { readInventory } from '@main/import/read-inventory';
import { updateAssets } from '@main/services/asset-update';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { setOverride } from '@main/services/overrides';
import { addParty, leaveParty } from '@main/services/parties';
import { setRaci } from '@main/services/raci-assign';
import { injectionPayloads } from './report-builder';
import { fixture } from './fixture-paths';
import { seedAssets, type SeedAsset } from '@tests/helpers/seed';

/** The shared fixtures sit next to the repository (as in CI), like the import tests' fixtures. */
export const INVENTORY_FILE = 'nsc-infra_az-resource-list-full_utf16le.json';

/** The payloads used in the seeded workbook (a few of each kind, so every check stays readable). */
export const HOSTILE = injectionPayloads().filter((p) => /^[=+\-@\t\r＝＋－＠]/.test(p)).slice(0, 12);

export interface SeededExportWorkbook {
  assetIds: number[];
  parties: Record<'alice' | 'bob' | 'secops' | 'msp' | 'hostile' | 'leaver', number>;
}

/** Fills `wb` through the reader, the classifier and the engine services. */
export async function seedExportWorkbook(wb: OpenWorkbook, ctx: ServiceContext): Promise<SeededExportWorkbook> {
  const read = await readInventory(fixture('inventory', INVENTORY_FILE), { fileName: INVENTORY_FILE });
  if (read.rows.length < 10) throw new Error(`fixture gave only ${read.rows.length} rows`);
  const assets: SeedAsset[] = read.rows.map((row, i) => {
    const c = classifyResourceType({ type: row.type, kind: row.kind, provider: row.provider, name: row.name, sku: row.sku });
    const hostile = i % 4 === 1 ? HOSTILE[i % HOSTILE.length]! : null;
    return {
      key: `fixture|${row.externalId ?? row.name}|${i}`,
      externalId: row.externalId,
      name: hostile ?? row.name,
      type: row.type,
      kind: row.kind,
      sku: row.sku,
      provider: row.provider,
      subscription: row.subscription,
      resourceGroup: row.resourceGroup,
      location: row.location,
      tags: i % 3 === 0 ? { ...row.tags, [HOSTILE[(i + 1) % HOSTILE.length]!]: HOSTILE[(i + 2) % HOSTILE.length]! } : row.tags,
      serviceModel: c.serviceModel,
      serviceModelSource: c.serviceModel ? 'classifier' : null,
      classificationReason: c.reason,
      classificationConfidence: c.confidence,
      needsReview: c.needsReview,
      source: row.source
    };
  });
  const assetIds = seedAssets(wb.db, assets);
  const alice = addParty(wb, ctx, { name: 'Alice Martin', kind: 'person' }).id;
  const bob = addParty(wb, ctx, { name: 'Bob Østergaard', kind: 'person' }).id;
  const secops = addParty(wb, ctx, { name: 'SecOps', kind: 'team' }).id;
  const msp = addParty(wb, ctx, { name: 'Contoso Managed Services', kind: 'third_party' }).id;
  const hostile = addParty(wb, ctx, { name: HOSTILE[0]!, kind: 'person' }).id;
  const leaver = addParty(wb, ctx, { name: '@Leaver', kind: 'person' }).id;

  const half = Math.floor(assetIds.length / 2);
  updateAssets(wb, ctx, { filter: { ids: assetIds.slice(0, half) }, set: { ownerPartyId: alice } });
  updateAssets(wb, ctx, { filter: { ids: assetIds.slice(half, assetIds.length - 2) }, set: { ownerPartyId: hostile } });
  updateAssets(wb, ctx, { filter: { ids: assetIds.slice(0, 3) }, set: { reviewed: true } });
  const first = assetIds[0]!;
  const second = assetIds[1]!;
  const third = assetIds[2]!;
  setRaci(wb, ctx, { assetId: first, layerId: 'identities-and-users', roles: { R: [secops, bob], A: [alice], C: [msp], I: [hostile] } });
  setRaci(wb, ctx, { assetId: second, layerId: 'customer-data', roles: { A: [hostile], R: [leaver] } });
  setRaci(wb, ctx, { assetId: third, layerId: 'configurations-and-settings', roles: { C: [hostile, msp], I: [secops] } });
  setOverride(wb, ctx, { assetId: first, layerId: 'physical-hosts', responsibility: 'shared', justification: HOSTILE[1]! });
  setOverride(wb, ctx, { assetId: third, layerId: 'network-controls', responsibility: 'shared', justification: `${HOSTILE[2]!}\nsecond line` });
  leaveParty(wb, ctx, { id: leaver, leftAt: '2026-10-31' });
  return { assetIds, parties: { alice, bob, secops, msp, hostile, leaver } };
}
