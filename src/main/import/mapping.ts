/**
 * Column mapping: which source column feeds which asset field. Suggested from header names
 * (case, spaces, `*` and punctuation ignored), always shown to the user and overridable.
 */
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY } from '@shared/asset-attributes';
import type { ColumnMapping, MappableField } from '@shared/import';

/** `*Server name` → `servername`, `RESOURCE GROUP` → `resourcegroup`, `Checked Out To: Email` → `checkedouttoemail`. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Header aliases per field, most specific first. Only exact (normalised) matches count:
 * a fuzzy match that maps "Model" to the service model would be worse than no match.
 */
const ALIASES: Record<MappableField, readonly string[]> = {
  name: [
    'resourcename',
    'name',
    'servername',
    'hostname',
    'host',
    'computername',
    'computer',
    'vmname',
    'machinename',
    'devicename',
    'assetname',
    'displayname',
    'ciname',
    'systemname',
    'fqdn'
  ],
  externalId: [
    'resourceid',
    'id',
    'armid',
    'assettag',
    'assetid',
    'ciid',
    'sysid',
    'configurationitemid',
    'uuid',
    'resourcelink'
  ],
  type: ['resourcetype', 'type', 'assettype', 'citype', 'category', 'class', 'sysclassname', 'assetcategory'],
  kind: ['kind', 'subtype'],
  sku: ['sku', 'skuname', 'vmsize', 'size', 'pricingtier'],
  provider: ['provider', 'cloudprovider', 'cloud'],
  subscription: ['subscriptionid', 'subscription', 'subscriptionname', 'subid'],
  resourceGroup: ['resourcegroupname', 'resourcegroup', 'rg', 'rgname'],
  location: ['location', 'region', 'azureregion', 'datacenter', 'site'],
  tags: ['tags', 'tag'],
  tagName: ['tagname', 'tagkey'],
  tagValue: ['tagvalue'],
  managedBy: ['managedby'],
  owner: [
    'owner',
    'ownedby',
    'ownerteam',
    'team',
    'businessowner',
    'technicalowner',
    'assignedto',
    'responsible',
    'custodian',
    'owneremail',
    'contact'
  ],
  serviceModel: ['servicemodel', 'deliverymodel', 'cloudmodel', 'cloudservicemodel'],
  criticality: ATTRIBUTE_VOCABULARY.criticality.sources,
  dataClassification: ATTRIBUTE_VOCABULARY.dataClassification.sources,
  environment: ATTRIBUTE_VOCABULARY.environment.sources
};

/** Fields in the order they claim columns: a column feeds one field only. */
const CLAIM_ORDER: readonly MappableField[] = [
  'name',
  'externalId',
  'type',
  'resourceGroup',
  'subscription',
  'location',
  'kind',
  'sku',
  'tags',
  'tagName',
  'tagValue',
  'managedBy',
  'owner',
  'serviceModel',
  ...ASSET_ATTRIBUTES,
  'provider'
];

/**
 * Suggest a mapping from source headers (or JSON keys). The first alias that matches a column
 * not yet claimed wins. Columns that match nothing stay unmapped and end up in `extra`.
 */
export function suggestMapping(columns: readonly string[]): ColumnMapping {
  const byNorm = new Map<string, string>();
  for (const c of columns) {
    const n = normaliseHeader(c);
    if (n && !byNorm.has(n)) byNorm.set(n, c);
  }
  const claimed = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of CLAIM_ORDER) {
    for (const alias of ALIASES[field]) {
      const column = byNorm.get(alias);
      if (column !== undefined && !claimed.has(column)) {
        mapping[field] = column;
        claimed.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** Columns named in a mapping that the source does not have (a stale saved mapping, a typo). */
export function missingColumns(mapping: ColumnMapping, columns: readonly string[]): string[] {
  const present = new Set(columns);
  return Object.values(mapping).filter((c): c is string => typeof c === 'string' && !present.has(c));
}

/** The source columns a mapping uses. */
export function mappedColumns(mapping: ColumnMapping): Set<string> {
  return new Set(Object.values(mapping).filter((c): c is string => typeof c === 'string'));
}
