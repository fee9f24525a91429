import type { Asset, PartyKind } from '@shared/domain';
import { insertAssets } from '@main/store/repos/assets';
import type { Db } from '@main/store/workbook-file';

export type SeedAsset = Partial<Omit<Asset, 'id'>> & { name: string };

/**
 * Inserts assets straight into a test workbook (tests only: the app writes assets through the
 * import service), through the field table's INSERT. Returns the new ids in order.
 */
export function seedAssets(db: Db, assets: readonly SeedAsset[], at = '2026-11-01T00:00:00.000Z'): number[] {
  const rows = assets.map(
    (asset, index): Omit<Asset, 'id'> => ({
      key: `seed|${index}|${asset.name.toLowerCase()}`,
      externalId: null,
      type: null,
      kind: null,
      sku: null,
      managedBy: null,
      provider: 'azure',
      subscription: null,
      resourceGroup: null,
      location: null,
      tags: {},
      extra: {},
      criticality: null,
      dataClassification: null,
      environment: null,
      serviceModel: null,
      serviceModelSource: asset.serviceModel ? 'classifier' : null,
      classificationReason: null,
      classificationConfidence: null,
      needsReview: false,
      modelId: null,
      ownerPartyId: null,
      lastReviewedAt: null,
      notSeenInLastImport: false,
      lastImportRunId: null,
      source: 'seed',
      createdAt: at,
      updatedAt: at,
      ...asset
    })
  );
  return db.transaction(() => insertAssets(db, rows))();
}

/** Inserts parties straight into a test workbook; returns their ids. */
export function seedParties(
  db: Db,
  parties: readonly { name: string; kind: PartyKind; active?: boolean; leftAt?: string | null }[],
  at = '2026-11-01T00:00:00.000Z'
): number[] {
  const insert = db.prepare(
    'INSERT INTO parties (name, kind, active, left_at, created_at) VALUES (@name, @kind, @active, @leftAt, @at)'
  );
  return parties.map((party) =>
    Number(insert.run({ name: party.name, kind: party.kind, active: party.active === false ? 0 : 1, leftAt: party.leftAt ?? null, at }).lastInsertRowid)
  );
}
