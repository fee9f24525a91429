/**
 * Selecting assets: the grid's filter, bulk assign's selection and the CLI's `--where`
 * expression all go through here, so "the assets I see" and "the assets I change" agree.
 */
import {
  FINDING_CODES,
  ServiceModelSchema,
  type Asset,
  type Finding,
  type FindingCode,
  type Party
} from '@shared/domain';
import { AssetFilterSchema, type AssetFilter } from '@shared/filter';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeValue, attributeValueList, type AssetAttribute } from '@shared/asset-attributes';

export interface FilterContext {
  /** Finding codes per asset id; needed only when the filter has a findingCode. */
  findingCodes?: ReadonlyMap<number, ReadonlySet<FindingCode>>;
}

/** Groups finding codes by asset, for FilterContext.findingCodes. */
export function indexFindingCodes(findings: readonly Finding[]): Map<number, Set<FindingCode>> {
  const byAsset = new Map<number, Set<FindingCode>>();
  for (const f of findings) {
    const codes = byAsset.get(f.assetId);
    if (codes === undefined) byAsset.set(f.assetId, new Set([f.code]));
    else codes.add(f.code);
  }
  return byAsset;
}

function typeMatcher(pattern: string): (type: string | null) => boolean {
  const lower = pattern.toLowerCase();
  if (lower.endsWith('*')) {
    const prefix = lower.slice(0, -1);
    return (type) => type !== null && type.toLowerCase().startsWith(prefix);
  }
  return (type) => type !== null && type.toLowerCase() === lower;
}

function tagMatcher(tag: string): (tags: Record<string, string>) => boolean {
  const at = tag.indexOf('=');
  const key = (at < 0 ? tag : tag.slice(0, at)).toLowerCase();
  const value = at < 0 ? null : tag.slice(at + 1).toLowerCase();
  return (tags) => {
    for (const [k, v] of Object.entries(tags)) {
      if (k.toLowerCase() === key && (value === null || v.toLowerCase() === value)) return true;
    }
    return false;
  };
}

/**
 * The fields a text filter searches, besides tag keys and values: each asset's own, and those
 * whose few values many assets share (main's search index encodes these once per value).
 */
export const TEXT_OWN_FIELDS = ['name', 'externalId'] as const;
export const TEXT_SHARED_FIELDS = ['type', 'resourceGroup', 'subscription', 'location'] as const;

function textMatcher(text: string): (asset: Asset) => boolean {
  const needle = text.toLowerCase();
  const has = (value: string | null): boolean => value !== null && value.toLowerCase().includes(needle);
  return (asset) =>
    TEXT_OWN_FIELDS.some((field) => has(asset[field])) ||
    TEXT_SHARED_FIELDS.some((field) => has(asset[field])) ||
    Object.entries(asset.tags).some(([k, v]) => has(k) || has(v));
}

/**
 * Compiles a filter once into a predicate, for filtering many assets.
 * @throws Error when the filter has a findingCode and ctx carries no findingCodes, or names a saved set
 */
export function compileFilter(filter: AssetFilter, ctx: FilterContext = {}): (asset: Asset) => boolean {
  // A saved set is resolved into its content by main before matching; matching without it would take every asset.
  if (filter.set !== undefined) throw new Error(`The filter names saved set #${filter.set}: resolve it (main/services/saved-set-filter.ts) before matching.`);
  const tests: ((asset: Asset) => boolean)[] = [];
  const lowerEq = (wanted: string) => {
    const lower = wanted.toLowerCase();
    return (value: string | null): boolean => value !== null && value.toLowerCase() === lower;
  };
  if (filter.ids !== undefined) {
    const ids = new Set(filter.ids);
    tests.push((a) => ids.has(a.id));
  }
  if (filter.type !== undefined) {
    const match = typeMatcher(filter.type);
    tests.push((a) => match(a.type));
  }
  if (filter.subscription !== undefined) {
    const match = lowerEq(filter.subscription);
    tests.push((a) => match(a.subscription));
  }
  if (filter.resourceGroup !== undefined) {
    const match = lowerEq(filter.resourceGroup);
    tests.push((a) => match(a.resourceGroup));
  }
  if (filter.tag !== undefined) {
    const match = tagMatcher(filter.tag);
    tests.push((a) => match(a.tags));
  }
  const { serviceModel, owner, findingCode, text, seen } = filter;
  if (seen !== undefined) tests.push((a) => a.notSeenInLastImport !== seen);
  if (serviceModel !== undefined) {
    tests.push((a) => (serviceModel === 'none' ? a.serviceModel === null : a.serviceModel === serviceModel));
  }
  if (owner !== undefined) {
    tests.push((a) => (owner === 'none' ? a.ownerPartyId === null : a.ownerPartyId === owner));
  }
  if (findingCode !== undefined) {
    const codes = ctx.findingCodes;
    if (codes === undefined) throw new Error('Filtering by finding code needs the findings (ctx.findingCodes).');
    tests.push((a) => codes.get(a.id)?.has(findingCode) === true);
  }
  for (const attribute of ASSET_ATTRIBUTES) {
    const wanted = filter[attribute];
    if (wanted !== undefined) tests.push((a) => a[attribute] === (wanted === 'none' ? null : wanted));
  }
  if (text !== undefined) tests.push(textMatcher(text));
  return (asset) => tests.every((test) => test(asset));
}

/** Whether one asset passes the filter (every condition given must hold). */
export function matchesFilter(asset: Asset, filter: AssetFilter, ctx: FilterContext = {}): boolean {
  return compileFilter(filter, ctx)(asset);
}

/** A `--where` expression that cannot be read; the message names the offending key. */
export class FilterParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterParseError';
  }
}

type WhereKey = 'type' | 'resourceGroup' | 'subscription' | 'tag' | 'serviceModel' | 'owner' | 'text' | 'findingCode' | 'seen' | 'ids' | 'set' | AssetAttribute;

const KEYS: Record<string, WhereKey> = {
  type: 'type',
  rg: 'resourceGroup',
  resourcegroup: 'resourceGroup',
  sub: 'subscription',
  subscription: 'subscription',
  tag: 'tag',
  sm: 'serviceModel',
  servicemodel: 'serviceModel',
  owner: 'owner',
  text: 'text',
  q: 'text',
  finding: 'findingCode',
  findingcode: 'findingCode',
  seen: 'seen',
  id: 'ids',
  ids: 'ids',
  set: 'set',
  ...Object.fromEntries(ASSET_ATTRIBUTES.flatMap((a) => [[a.toLowerCase(), a], [ATTRIBUTE_VOCABULARY[a].cliName, a]]))
};
const KEY_LIST = `type, rg, sub, tag, sm, owner, text, finding, seen, id, set, ${ASSET_ATTRIBUTES.map((a) => ATTRIBUTE_VOCABULARY[a].cliName).join(', ')}`;

/** Splits on commas, honouring `\,` (a literal comma) and `\\`. */
function splitClauses(expr: string): string[] {
  const clauses: string[] = [];
  let current = '';
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '\\' && i + 1 < expr.length) current += expr[++i];
    else if (ch === ',') {
      clauses.push(current);
      current = '';
    } else current += ch;
  }
  clauses.push(current);
  return clauses;
}

function parseOwner(value: string, parties: readonly Pick<Party, 'id' | 'name'>[] | undefined): number | 'none' {
  if (value.toLowerCase() === 'none') return 'none';
  if (/^\d+$/.test(value) && Number(value) > 0) return Number(value);
  if (parties === undefined) throw new FilterParseError(`owner: "${value}" is not a party id; use a number or none.`);
  const matches = parties.filter((p) => p.name.toLowerCase() === value.toLowerCase());
  const [first, ...rest] = matches;
  if (first === undefined) throw new FilterParseError(`owner: no party is named "${value}".`);
  if (rest.length > 0) throw new FilterParseError(`owner: ${matches.length} parties are named "${value}"; use the party id.`);
  return first.id;
}

function parseSet(value: string, sets: readonly { id: number; name: string }[] | undefined): number {
  if (sets === undefined) throw new FilterParseError(`set: "${value}" cannot be looked up here; saved sets are named in the workbook's commands.`);
  const found = sets.filter((s) => s.name.toLowerCase() === value.toLowerCase());
  if (found[0] !== undefined) return found[0].id;
  const byId = /^#?\d+$/.test(value) ? sets.find((s) => s.id === Number(value.replace('#', ''))) : undefined;
  if (byId !== undefined) return byId.id;
  throw new FilterParseError(`set: no saved set is named "${value}" (saved sets: ${sets.map((s) => `"${s.name}"`).join(', ') || 'none'}).`);
}

/**
 * Reads the CLI's `--where` expression, e.g.
 * `type=microsoft.compute/virtualmachines,rg=prod,tag=env=prod,sm=none,owner=none,sub=…`.
 * Keys: type, rg, sub, tag, sm, owner (id, `none`, or a party name when `parties` is given),
 * text (or q), finding, seen (`seen=no`: assets the last import did not list), id (repeatable,
 * or `id=1|2|3`), criticality, data-classification, environment (a level, a common spelling of
 * one such as `prod`, or `none`), set (a saved set by name, when `sets` is given). Write `\,` for a comma inside a value.
 * @throws FilterParseError naming the bad key or value
 */
export function parseWhere(expr: string, options: { parties?: readonly Pick<Party, 'id' | 'name'>[]; sets?: readonly { id: number; name: string }[] } = {}): AssetFilter {
  const filter: AssetFilter = {};
  const seen = new Set<WhereKey>();
  if (expr.trim() === '') return filter;
  for (const clause of splitClauses(expr)) {
    const at = clause.indexOf('=');
    const rawKey = (at < 0 ? clause : clause.slice(0, at)).trim();
    const value = at < 0 ? '' : clause.slice(at + 1).trim();
    if (rawKey === '') throw new FilterParseError(`Empty condition in "${expr}": write key=value pairs separated by commas.`);
    const key = KEYS[rawKey.toLowerCase()];
    if (key === undefined) throw new FilterParseError(`Unknown key "${rawKey}" in "${clause.trim()}"; use one of: ${KEY_LIST}.`);
    if (value === '') throw new FilterParseError(`${rawKey}: no value given; write ${rawKey}=<value>.`);
    if (seen.has(key) && key !== 'ids') throw new FilterParseError(`${rawKey}: given twice; give each key once (only id may repeat).`);
    seen.add(key);
    switch (key) {
      case 'serviceModel': {
        const sm = value.toLowerCase();
        const known: string | undefined = sm === 'none' || ServiceModelSchema.safeParse(sm).success ? sm : undefined;
        if (known === undefined) {
          throw new FilterParseError(`${rawKey}: "${value}" is not a service model; use a column id of the assets' model (iaas, paas, infrastructure…) or none.`);
        }
        filter.serviceModel = known;
        break;
      }
      case 'owner':
        filter.owner = parseOwner(value, options.parties);
        break;
      case 'set':
        filter.set = parseSet(value, options.sets);
        break;
      case 'findingCode': {
        const code = FINDING_CODES.find((c) => c === value.toUpperCase());
        if (code === undefined) throw new FilterParseError(`${rawKey}: "${value}" is not a finding code; use one of ${FINDING_CODES.join(', ')}.`);
        filter.findingCode = code;
        break;
      }
      case 'seen': {
        const yes = ['yes', 'true', '1'].includes(value.toLowerCase());
        if (!yes && !['no', 'false', '0'].includes(value.toLowerCase())) throw new FilterParseError(`${rawKey}: "${value}" is not yes or no.`);
        filter.seen = yes;
        break;
      }
      case 'criticality':
      case 'dataClassification':
      case 'environment': {
        const known = value.toLowerCase() === 'none' ? 'none' : attributeValue(key, value);
        if (known === null) throw new FilterParseError(`${rawKey}: "${value}" is not ${attributeValueList(key)} (or none).`);
        (filter as Record<AssetAttribute, string>)[key] = known;
        break;
      }
      case 'ids':
        for (const part of value.split('|')) {
          const id = part.trim();
          if (!/^\d+$/.test(id) || Number(id) <= 0) throw new FilterParseError(`${rawKey}: "${id}" is not an asset id.`);
          (filter.ids ??= []).push(Number(id));
        }
        break;
      case 'tag':
        if (value.startsWith('=')) throw new FilterParseError(`${rawKey}: "${value}" has no tag name; write tag=key or tag=key=value.`);
        filter.tag = value;
        break;
      default:
        filter[key] = value;
    }
  }
  return AssetFilterSchema.parse(filter);
}
