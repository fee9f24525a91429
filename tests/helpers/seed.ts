import type { Asset, PartyKind } from '@shared/domain';
import type { Db } from '@main/store/workbook-file';

export type SeedAsset = Partial<Omit<Asset, 'id'>> & { name: string };

/**
 * Inserts assets straight into a test workbook (tests only: the app writes assets through the
 * import service). Returns the new ids in order.
 */
export function seedAssets(db: Db, assets: readonly SeedAsset[], at = '2026-11-01T00:00:00.000Z'): number[] {
  const insert = db.prepare(
    `INSERT INTO assets (key, external_id, name, type, kind, sku, provider, subscription, resource_group, location, tags,
       service_model, service_model_source, classification_reason, classification_confidence, needs_review, model_id,
       owner_party_id, last_reviewed_at, not_seen_in_last_import, source, created_at, updated_at)
     VALUES (@key, @externalId, @name, @type, @kind, @sku, @provider, @subscription, @resourceGroup, @location, @tags,
       @serviceModel, @serviceModelSource, @classificationReason, @classificationConfidence, @needsReview, @modelId,
       @ownerPartyId, @lastReviewedAt, @notSeen, @source, @createdAt, @updatedAt)`
  );
  const ids: number[] = [];
  db.transaction(() => {
    assets.forEach((asset, index) => {
      const info = insert.run({
        key: asset.key ?? `seed|${index}|${asset.name.toLowerCase()}`,
        externalId: asset.externalId ?? null,
        name: asset.name,
        type: asset.type ?? null,
        kind: asset.kind ?? null,
        sku: asset.sku ?? null,
        provider: asset.provider ?? 'azure',
        subscription: asset.subscription ?? null,
        resourceGroup: asset.resourceGroup ?? null,
        location: asset.location ?? null,
        tags: JSON.stringify(asset.tags ?? {}),
        serviceModel: asset.serviceModel ?? null,
        serviceModelSource: asset.serviceModelSource ?? (asset.serviceModel ? 'classifier' : null),
        classificationReason: asset.classificationReason ?? null,
        classificationConfidence: asset.classificationConfidence ?? null,
        needsReview: asset.needsReview ? 1 : 0,
        modelId: asset.modelId ?? null,
        ownerPartyId: asset.ownerPartyId ?? null,
        lastReviewedAt: asset.lastReviewedAt ?? null,
        notSeen: asset.notSeenInLastImport ? 1 : 0,
        source: asset.source ?? 'seed',
        createdAt: asset.createdAt ?? at,
        updatedAt: asset.updatedAt ?? at
      });
      ids.push(Number(info.lastInsertRowid));
    });
  })();
  return ids;
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
