/**
 * The contract of the inventory readers: bytes in, normalised rows and row errors out.
 * The readers live in src/main/import; the import service merges rows by `importKey` and
 * writes them. Plain JSON data only, so results can cross IPC unchanged.
 */
import { z } from 'zod';
import { ASSET_ATTRIBUTES, CriticalitySchema, DataClassificationSchema, EnvironmentSchema } from './asset-attributes';
import { LIMITS } from './contract/bounds';
import { ServiceModelSchema } from './domain';

/** Every source shape a reader exists for. Detected from content, never from the extension. */
export const IMPORT_FORMATS = [
  'az-json',
  'az-json-projection',
  'arm-rest',
  'resource-graph',
  'get-azresource-csv',
  'portal-csv',
  'governance-csv',
  'azure-migrate-csv',
  'snipe-it-csv',
  'aws-tagging-json',
  'aws-config-json',
  'aws-config-select',
  'gcp-asset-json',
  'generic-csv',
  'xlsx'
] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'az-json': 'az resource list (JSON)',
  'az-json-projection': 'az resource list --query projection (JSON)',
  'arm-rest': 'ARM REST response {value: [...]}',
  'resource-graph': 'Azure Resource Graph response {data: [...]}',
  'get-azresource-csv': 'Get-AzResource | Export-Csv',
  'portal-csv': 'Azure portal "Export to CSV"',
  'governance-csv': 'Governance tool export (semicolon CSV)',
  'azure-migrate-csv': 'Azure Migrate server import CSV',
  'snipe-it-csv': 'Snipe-IT asset CSV',
  'aws-tagging-json': 'aws resourcegroupstaggingapi get-resources (JSON)',
  'aws-config-json': 'AWS Config list-discovered-resources (JSON)',
  'aws-config-select': 'AWS Config select-resource-config (JSON)',
  'gcp-asset-json': 'gcloud asset search-all-resources / list / export (JSON)',
  'generic-csv': 'CSV / TSV with a column mapping',
  xlsx: 'Excel workbook (.xlsx) with a column mapping'
};

export const ASSET_PROVIDERS = ['azure', 'aws', 'gcp', 'onprem', 'cmdb', 'other'] as const;
export const AssetProviderSchema = z.enum(ASSET_PROVIDERS);
export type AssetProvider = z.infer<typeof AssetProviderSchema>;

/**
 * Target fields a source column can be mapped to. `tagName`/`tagValue` read ARI-style sheets
 * that carry one tag per row; `tags` reads a whole tag cell (JSON, `@{k=v}` or `k=v; k2=v2`).
 */
export const MAPPABLE_FIELDS = [
  'name',
  'externalId',
  'type',
  'kind',
  'sku',
  'provider',
  'subscription',
  'resourceGroup',
  'location',
  'tags',
  'tagName',
  'tagValue',
  'managedBy',
  'owner',
  'serviceModel',
  ...ASSET_ATTRIBUTES
] as const;
export const MappableFieldSchema = z.enum(MAPPABLE_FIELDS);
export type MappableField = z.infer<typeof MappableFieldSchema>;

/** Header text as the file has it (any characters), bounded. */
const sourceColumn = z.string().min(1).max(LIMITS.column);

/** Target field → source column (header text as read, or an object key for JSON projections). */
export const ColumnMappingSchema = z
  .object({
    name: sourceColumn.optional(),
    externalId: sourceColumn.optional(),
    type: sourceColumn.optional(),
    kind: sourceColumn.optional(),
    sku: sourceColumn.optional(),
    provider: sourceColumn.optional(),
    subscription: sourceColumn.optional(),
    resourceGroup: sourceColumn.optional(),
    location: sourceColumn.optional(),
    tags: sourceColumn.optional(),
    tagName: sourceColumn.optional(),
    tagValue: sourceColumn.optional(),
    managedBy: sourceColumn.optional(),
    owner: sourceColumn.optional(),
    serviceModel: sourceColumn.optional(),
    criticality: sourceColumn.optional(),
    dataClassification: sourceColumn.optional(),
    environment: sourceColumn.optional()
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** One asset as read from a source, before merging and classification. */
export const ImportRowSchema = z.object({
  /** 1-based line (CSV: where the record starts) or record number (JSON, xlsx row), for messages. */
  line: z.number().int().positive(),
  /** ARM resource id, AWS ARN, Google full resource name or CMDB id as read (original case). */
  externalId: z.string().nullable(),
  name: z.string().min(1),
  /** ARM type, AWS CloudFormation type, Google asset type as read, or a CMDB category. */
  type: z.string().nullable(),
  kind: z.string().nullable(),
  sku: z.string().nullable(),
  provider: AssetProviderSchema,
  subscription: z.string().nullable(),
  resourceGroup: z.string().nullable(),
  location: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  managedBy: z.string().nullable(),
  /** The format the row was read from. */
  source: ImportFormatSchema,
  /** An owner or team named by the source, if it has such a column. */
  owner: z.string().nullable().optional(),
  /** A service-model hint given by the source (Azure Migrate servers are on-premises). */
  serviceModel: ServiceModelSchema.nullable().optional(),
  /** Attributes a mapped column states (read into their vocabulary); tags are read later, when no column states one. */
  criticality: CriticalitySchema.nullable().optional(),
  dataClassification: DataClassificationSchema.nullable().optional(),
  environment: EnvironmentSchema.nullable().optional(),
  /** Source columns not mapped to a field, keyed by their header; empty cells left out. */
  extra: z.record(z.string(), z.string()).optional()
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

/**
 * A record that was skipped (`field` names the missing or wrong field; null when the record as
 * a whole is wrong, e.g. its field count), or a failure that stopped reading (then
 * `ReadResult.complete` is false). Records with errors are never in `rows`.
 */
export const RowErrorSchema = z.object({
  line: z.number().int().nonnegative(),
  field: z.string().nullable(),
  message: z.string().min(1)
});
export type RowError = z.infer<typeof RowErrorSchema>;

export const ReadResultSchema = z.object({
  format: ImportFormatSchema,
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', ... or 'binary' for xlsx. */
  encoding: z.string().min(1),
  delimiter: z.string().optional(),
  /** Source headers (CSV/xlsx) or the keys of the first objects (JSON projection). */
  columns: z.array(z.string()).optional(),
  /** The mapping actually used: given by the caller or suggested from the headers. */
  mapping: ColumnMappingSchema.optional(),
  /** xlsx only: every sheet name, and the one that was read. */
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  rows: z.array(ImportRowSchema),
  errors: z.array(RowErrorSchema),
  /** Non-fatal notes for the user, already aggregated (one line per kind, with a count). */
  warnings: z.array(z.string()),
  /** Records found in the source (read rows + rows with errors). */
  totalRecords: z.number().int().nonnegative(),
  /**
   * False when reading stopped early (syntax error, unusable mapping): the rows are only part
   * of the file, so the import must not mark absent assets as "not seen".
   */
  complete: z.boolean()
});
export type ReadResult = z.infer<typeof ReadResultSchema>;
