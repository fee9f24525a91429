/**
 * The asset filter contract (shared/filter.ts) as a SQL condition, for reads that aggregate in
 * SQL instead of loading the inventory. It matches exactly what core/bulk-filter.ts matches:
 * case folds use JavaScript's toLowerCase (registered as SQL functions; SQLite's lower() folds
 * ASCII only), and a text search reads the same fields the core names.
 */
import { TEXT_OWN_FIELDS, TEXT_SHARED_FIELDS } from '@core/bulk-filter';
import { ASSET_ATTRIBUTES } from '@shared/asset-attributes';
import type { PictureScope } from '@shared/picture';
import { columnOf, type AssetField } from '../asset-fields';
import type { Db } from '../workbook-file';

/** A field's column on the assets table aliased `a` (as every scoped read names it). */
export function assetColumn(field: AssetField): string {
  return `a.${columnOf(field)}`;
}
const a = assetColumn;

/**
 * demarc_lower(text) and demarc_has(text, needle): JavaScript's case fold, in SQL. Registered on
 * each call (better-sqlite3 replaces a function of the same name), so no registry is kept.
 */
function registerFunctions(db: Db): void {
  // SQLite hands over text, numbers or null (a tag value may be a JSON number).
  const fold = (value: unknown): string | null =>
    typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' || typeof value === 'bigint' ? String(value) : null;
  db.function('demarc_lower', { deterministic: true }, (value: unknown) => fold(value));
  db.function('demarc_has', { deterministic: true }, (value: unknown, needle: unknown) =>
    fold(value)?.includes(String(needle)) === true ? 1 : 0
  );
}

export interface ScopeSql {
  /** A condition over the assets table aliased `a` ('1' when the scope takes every asset). */
  where: string;
  params: Record<string, string | number | null>;
}

/**
 * The condition selecting a scope's assets, with its named parameters (prefixed `scope_`).
 * @param db the functions the condition calls are registered on it
 */
export function scopeSql(db: Db, scope: PictureScope): ScopeSql {
  if (scope.set !== undefined) throw new Error(`The scope names saved set #${scope.set}: resolve it (services/saved-set-filter.ts) before building its SQL.`);
  registerFunctions(db);
  const conditions: string[] = [];
  const params: ScopeSql['params'] = {};
  if (scope.ids !== undefined) {
    conditions.push(`${a('id')} IN (SELECT value FROM json_each(@scope_ids))`);
    params.scope_ids = JSON.stringify(scope.ids);
  }
  if (scope.type !== undefined) {
    const type = scope.type.toLowerCase();
    if (type.endsWith('*')) {
      conditions.push(`instr(demarc_lower(${a('type')}), @scope_type) = 1`);
      params.scope_type = type.slice(0, -1);
    } else {
      conditions.push(`demarc_lower(${a('type')}) = @scope_type`);
      params.scope_type = type;
    }
  }
  if (scope.subscription !== undefined) {
    conditions.push(`demarc_lower(${a('subscription')}) = @scope_subscription`);
    params.scope_subscription = scope.subscription.toLowerCase();
  }
  if (scope.resourceGroup !== undefined) {
    conditions.push(`demarc_lower(${a('resourceGroup')}) = @scope_resource_group`);
    params.scope_resource_group = scope.resourceGroup.toLowerCase();
  }
  if (scope.tag !== undefined) {
    const at = scope.tag.indexOf('=');
    params.scope_tag_key = (at < 0 ? scope.tag : scope.tag.slice(0, at)).toLowerCase();
    params.scope_tag_value = at < 0 ? null : scope.tag.slice(at + 1).toLowerCase();
    conditions.push(
      `EXISTS (SELECT 1 FROM json_each(${a('tags')}) t WHERE demarc_lower(t.key) = @scope_tag_key AND (@scope_tag_value IS NULL OR demarc_lower(t.value) = @scope_tag_value))`
    );
  }
  if (scope.serviceModel !== undefined) {
    if (scope.serviceModel === 'none') conditions.push(`${a('serviceModel')} IS NULL`);
    else {
      conditions.push(`${a('serviceModel')} = @scope_service_model`);
      params.scope_service_model = scope.serviceModel;
    }
  }
  if (scope.owner !== undefined) {
    if (scope.owner === 'none') conditions.push(`${a('ownerPartyId')} IS NULL`);
    else {
      conditions.push(`${a('ownerPartyId')} = @scope_owner`);
      params.scope_owner = scope.owner;
    }
  }
  if (scope.seen !== undefined) conditions.push(`${a('notSeenInLastImport')} = ${scope.seen ? 0 : 1}`);
  for (const attribute of ASSET_ATTRIBUTES) {
    const wanted = scope[attribute];
    if (wanted === undefined) continue;
    if (wanted === 'none') conditions.push(`${a(attribute)} IS NULL`);
    else {
      conditions.push(`${a(attribute)} = @scope_${attribute}`);
      params[`scope_${attribute}`] = wanted;
    }
  }
  if (scope.text !== undefined) {
    params.scope_text = scope.text.toLowerCase();
    const fields = [...TEXT_OWN_FIELDS, ...TEXT_SHARED_FIELDS].map((field) => `demarc_has(${a(field)}, @scope_text)`);
    fields.push(`EXISTS (SELECT 1 FROM json_each(${a('tags')}) t WHERE demarc_has(t.key, @scope_text) OR demarc_has(t.value, @scope_text))`);
    conditions.push(`(${fields.join(' OR ')})`);
  }
  return { where: conditions.length === 0 ? '1' : conditions.join(' AND '), params };
}
