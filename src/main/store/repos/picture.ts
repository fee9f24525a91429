/**
 * What the demarcation picture counts, read by SQL without loading the inventory: assets per
 * service model and owner, and the asset × layer pairs that depart from those groups' defaults
 * (an override, explicit Accountables), grouped too. core/picture/aggregates.ts composes them.
 */
import type { PictureFacts } from '@core/picture/aggregates';
import { fallbackModelId, readModelId } from '@core/model-references';
import type { CellValue, ResponsibilityModel, WorkbookSettings } from '@shared/domain';
import type { PictureScope } from '@shared/picture';
import type { Db } from '../workbook-file';
import { assetColumn as a, scopeSql } from './asset-scope';

export interface PictureFactsQuery {
  /** Count the assets read under this model (an asset without a model of its own: its provider's, else the default). */
  modelId: string;
  settings: Pick<WorkbookSettings, 'defaultModelId' | 'modelByProvider'>;
  /** The workbook's models: an asset naming one not among them is read under the fallback (readModelId). */
  models: Readonly<Record<string, ResponsibilityModel>>;
  scope: PictureScope;
}

interface GroupRow {
  serviceModel: string | null;
  owner: number | null;
  modelId: string | null;
  provider: string | null;
  assets: number;
}

interface ExceptionRow {
  serviceModel: string | null;
  owner: number | null;
  layerId: string;
  override: CellValue | null;
  accountable: string;
  assets: number;
}

/** The facts of one model's assets in a scope (see PictureFacts). */
export function readPictureFacts(db: Db, query: PictureFactsQuery): PictureFacts {
  const scope = scopeSql(db, query.scope);
  const params = {
    ...scope.params,
    model_id: query.modelId,
    default_model_id: query.settings.defaultModelId,
    by_provider: JSON.stringify(query.settings.modelByProvider),
    known_models: JSON.stringify(Object.keys(query.models)),
    fallback_model_id: fallbackModelId(query.settings, query.models)
  };
  // The same rule as core's readModelId: the asset's own model, its provider's, the default; one
  // the workbook does not hold reads as the fallback.
  const named = `coalesce(${a('modelId')}, (SELECT value FROM json_each(@by_provider) WHERE key = ${a('provider')}), @default_model_id)`;
  const inModel = `(CASE WHEN ${named} IN (SELECT value FROM json_each(@known_models)) THEN ${named} ELSE @fallback_model_id END) = @model_id`;
  // One pass over the scope, grouped in the order of the assets_picture index (which covers the
  // whole workbook's grouping): the model's groups, and how many assets use another model.
  const rows = db
    .prepare(
      `SELECT ${a('serviceModel')} AS serviceModel, ${a('ownerPartyId')} AS owner, ${a('modelId')} AS modelId, ${a('provider')} AS provider, count(*) AS assets
       FROM assets a WHERE ${scope.where} GROUP BY 1, 2, 3, 4`
    )
    .all(scope.params) as GroupRow[];
  const mine = (row: GroupRow) => readModelId(row, query.settings, query.models) === query.modelId;
  const groups = new Map<string, PictureFacts['groups'][number]>();
  for (const row of rows.filter(mine)) {
    // A model named explicitly and the default (null) are one group.
    const key = `${row.serviceModel}|${row.owner}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { serviceModel: row.serviceModel, owner: row.owner, assets: row.assets });
    else group.assets += row.assets;
  }
  const exceptions = db
    .prepare(
      `WITH pairs AS (
         SELECT asset_id, layer_id FROM layer_overrides
         UNION
         SELECT asset_id, layer_id FROM raci_assignments WHERE role = 'A'
       )
       SELECT ${a('serviceModel')} AS serviceModel, ${a('ownerPartyId')} AS owner, p.layer_id AS layerId,
         o.responsibility AS override,
         (SELECT json_group_array(party_id) FROM (
            SELECT r.party_id FROM raci_assignments r
            WHERE r.asset_id = p.asset_id AND r.layer_id = p.layer_id AND r.role = 'A' ORDER BY r.party_id
         )) AS accountable,
         count(*) AS assets
       FROM pairs p
       JOIN assets a ON ${a('id')} = p.asset_id
       LEFT JOIN layer_overrides o ON o.asset_id = p.asset_id AND o.layer_id = p.layer_id
       WHERE ${inModel} AND ${scope.where}
       GROUP BY 1, 2, 3, 4, 5`
    )
    .all(params) as ExceptionRow[];
  return {
    groups: [...groups.values()],
    exceptions: exceptions.map((e) => ({ ...e, accountable: JSON.parse(e.accountable) as number[] })),
    scopeAssets: rows.reduce((n, r) => n + r.assets, 0)
  };
}
