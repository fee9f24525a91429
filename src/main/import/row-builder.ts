/**
 * One mapped source record → one ImportRow or one RowError. Shared by every shape: CSV and
 * xlsx read cells by header, JSON reads object keys; the mapping decides which feeds what.
 */
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeValue, attributeValueList, type AssetAttribute } from '@shared/asset-attributes';
import type { ServiceModel } from '@shared/domain';
import type { AssetProvider, ColumnMapping, ImportFormat, ImportRow, RowError } from '@shared/import';
import { armIdFromPortalLink, isArmId, parseArmId, subscriptionOfArmId, type ArmIdParts } from './arm-id';
import { isArn } from './arn';
import { isGcpResourceName } from './gcp-name';
import { isDotNetTypeName, parseTagsCell, tagsFromObject } from './tags';
import type { ReadWarnings } from './warnings';

/** Reads one source column (header or key) of the current record. */
export type CellReader = (column: string) => unknown;

export interface RowSpec {
  format: ImportFormat;
  /** A fixed provider, or 'infer' (aws for an ARN, gcp for a Google resource name, azure for an ARM id or subscription). */
  provider: AssetProvider | 'infer';
  /** Provider for inferred rows that show no Azure trait. */
  fallbackProvider: AssetProvider;
  /** Azure CSV shapes: a row without a type is an error. */
  requireType: boolean;
  /** Azure JSON shapes: a row needs an id or a type. */
  requireIdOrType: boolean;
  /** A service-model hint every row of this source carries (Azure Migrate: onprem). */
  serviceModel?: ServiceModel;
  /** Unmapped columns copied into `extra` when non-empty. */
  extraColumns: readonly string[];
  /** Per-shape fix-ups (display names, dates, owners), run once the row has a name. */
  finish?: (row: ImportRow, read: CellReader, warnings: ReadWarnings) => void;
}

/** A primitive cell as trimmed text; empty strings, null and objects as null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

const SERVICE_MODEL_WORDS: Record<string, ServiceModel> = {
  iaas: 'iaas',
  paas: 'paas',
  saas: 'saas',
  onprem: 'onprem',
  onpremise: 'onprem',
  onpremises: 'onprem',
  onpremisses: 'onprem'
};

/** `IaaS`, `On-premises`, `on prem` → the domain's service model; anything else → null. */
export function parseServiceModel(text: string): ServiceModel | null {
  const word = text.toLowerCase().replace(/[^a-z]/g, '');
  // Own keys only: a cell reading "constructor" is not a service model.
  return Object.hasOwn(SERVICE_MODEL_WORDS, word) ? (SERVICE_MODEL_WORDS[word] ?? null) : null;
}

/**
 * The longest text an import takes per field (an ARN or a nested ARM id may reach 2,048; a name,
 * a location or a tag far less). A longer cell refuses its row with the field and column named,
 * so a crafted file cannot fill the workbook with megabytes per asset.
 */
export const IMPORT_FIELD_LIMITS = { externalId: 4096, text: 1024, tag: 1024 } as const;

const LIMITED_FIELDS = ['name', 'type', 'kind', 'sku', 'subscription', 'resourceGroup', 'location', 'managedBy', 'owner'] as const;

/** The first field of a row past its length limit, as a row error naming the field and column. */
function overlongField(row: ImportRow, mapping: ColumnMapping): RowError | null {
  const too = (field: string, column: string | undefined, length: number, limit: number): RowError => ({
    line: row.line,
    field,
    message: `${field}${column === undefined ? '' : ` (column "${column.slice(0, 60)}")`} is ${length.toLocaleString('en-GB')} characters long: at most ${limit.toLocaleString('en-GB')} are imported`
  });
  if (row.externalId !== null && row.externalId.length > IMPORT_FIELD_LIMITS.externalId) {
    return too('externalId', mapping.externalId, row.externalId.length, IMPORT_FIELD_LIMITS.externalId);
  }
  for (const field of LIMITED_FIELDS) {
    const value = row[field];
    if (typeof value === 'string' && value.length > IMPORT_FIELD_LIMITS.text) return too(field, mapping[field], value.length, IMPORT_FIELD_LIMITS.text);
  }
  for (const [key, value] of Object.entries(row.tags)) {
    if (key.length > IMPORT_FIELD_LIMITS.tag || value.length > IMPORT_FIELD_LIMITS.tag) {
      return too(`tag "${key.slice(0, 40)}"`, mapping.tags ?? mapping.tagName, Math.max(key.length, value.length), IMPORT_FIELD_LIMITS.tag);
    }
  }
  for (const [column, value] of Object.entries(row.extra ?? {})) {
    if (value.length > IMPORT_FIELD_LIMITS.text) return too('extra', column, value.length, IMPORT_FIELD_LIMITS.text);
  }
  return null;
}

function parseProvider(text: string): AssetProvider {
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  if (t === 'azure' || t === 'microsoftazure') return 'azure';
  if (t === 'aws' || t === 'amazonwebservices' || t === 'amazon') return 'aws';
  if (t === 'gcp' || t === 'googlecloud' || t === 'googlecloudplatform' || t === 'google') return 'gcp';
  if (t === 'onprem' || t === 'onpremises' || t === 'onpremise') return 'onprem';
  if (t === 'cmdb') return 'cmdb';
  return 'other';
}

export interface RowBuilder {
  build(line: number, read: CellReader): ImportRow | RowError;
}

/** Build rows for one source: the mapping and spec are fixed for the whole file. */
export function createRowBuilder(mapping: ColumnMapping, spec: RowSpec, warnings: ReadWarnings): RowBuilder {
  const col = mapping;

  /** Mapped text; a .NET type name in a cell means PowerShell could not flatten it: no value. */
  const text = (read: CellReader, line: number, column: string | undefined): string | null => {
    if (column === undefined) return null;
    const value = textOf(read(column));
    if (value !== null && isDotNetTypeName(value)) {
      warnings.add(
        `dotnet:${column}`,
        line,
        `Column "${column}" holds the .NET type name ${value} instead of a value: treated as empty`
      );
      return null;
    }
    return value;
  };

  /** az writes sku as an object {name, tier, ...}; CSVs as text. */
  const skuOf = (read: CellReader, line: number, column: string | undefined): string | null => {
    const value = column === undefined ? null : read(column);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const sku = value as Record<string, unknown>;
      return textOf(sku.name) ?? textOf(sku.tier);
    }
    return text(read, line, column);
  };

  const readTags = (read: CellReader, line: number): Record<string, string> => {
    let tags: Record<string, string> = {};
    if (col.tags !== undefined) {
      const raw = read(col.tags);
      if (raw !== null && typeof raw === 'object') tags = tagsFromObject(raw);
      else if (typeof raw === 'string') {
        const cell = parseTagsCell(raw);
        if (cell.kind === 'tags') tags = cell.tags;
        else if (cell.kind === 'dotnet-type') {
          warnings.add(
            `dotnet-tags`,
            line,
            `Tags column holds the .NET type name ${cell.typeName} instead of tags: treated as no tags`
          );
        } else {
          warnings.add(
            'unparsed-tags',
            line,
            `Tags cell could not be read as tags (e.g. "${cell.text.slice(0, 60)}"): treated as no tags`
          );
        }
      }
    }
    const tagName = text(read, line, col.tagName);
    if (tagName !== null)
      tags[tagName] = textOf(col.tagValue === undefined ? null : read(col.tagValue)) ?? '';
    return tags;
  };

  const readExternalId = (read: CellReader, line: number): string | null => {
    const raw = text(read, line, col.externalId);
    if (raw === null || !/^https?:\/\//i.test(raw)) return raw;
    const id = armIdFromPortalLink(raw);
    if (id === null)
      warnings.add('link-without-id', line, 'A resource link holds no ARM id: the row has no id');
    return id;
  };

  return {
    build(line, read) {
      const externalId = readExternalId(read, line);
      const armId = externalId !== null && isArmId(externalId) ? externalId : null;
      // Parsed only when a field is missing: most full exports need just the subscription.
      let parts: ArmIdParts | null | undefined;
      const fromId = (): ArmIdParts | null =>
        parts === undefined ? (parts = armId === null ? null : parseArmId(armId)) : parts;
      const row: ImportRow = {
        line,
        externalId,
        name: text(read, line, col.name) ?? fromId()?.name ?? '',
        type: text(read, line, col.type) ?? fromId()?.type ?? null,
        kind: text(read, line, col.kind),
        sku: skuOf(read, line, col.sku),
        provider: 'other',
        subscription:
          text(read, line, col.subscription) ?? (armId === null ? null : subscriptionOfArmId(armId)),
        resourceGroup: text(read, line, col.resourceGroup) ?? fromId()?.resourceGroup ?? null,
        location: text(read, line, col.location),
        tags: readTags(read, line),
        managedBy: text(read, line, col.managedBy),
        source: spec.format,
        owner: text(read, line, col.owner),
        serviceModel: spec.serviceModel ?? null
      };
      const providerText = text(read, line, col.provider);
      if (providerText !== null) row.provider = parseProvider(providerText);
      else if (spec.provider !== 'infer') row.provider = spec.provider;
      else if (externalId !== null && isArn(externalId)) row.provider = 'aws';
      else if (externalId !== null && isGcpResourceName(externalId)) row.provider = 'gcp';
      else row.provider = armId !== null || row.subscription !== null ? 'azure' : spec.fallbackProvider;

      const modelText = text(read, line, col.serviceModel);
      if (modelText !== null) {
        const model = parseServiceModel(modelText);
        if (model) row.serviceModel = model;
        else
          warnings.add(
            `model:${modelText}`,
            line,
            `Service model "${modelText}" is not IaaS, PaaS, SaaS or on-premises: ignored`
          );
      }
      const extra: Record<string, string> = {};
      for (const attribute of ASSET_ATTRIBUTES) {
        const column = col[attribute];
        const stated = text(read, line, column);
        if (stated === null || column === undefined) continue;
        const value = attributeValue(attribute, stated);
        if (value !== null) (row as Record<AssetAttribute, string | null>)[attribute] = value;
        else {
          // Not one of the vocabulary's levels: kept as read with the other columns, never lost.
          extra[column] = stated;
          warnings.add(
            `attribute:${attribute}:${stated}`,
            line,
            `${ATTRIBUTE_VOCABULARY[attribute].label} "${stated}" (column "${column}") is not ${attributeValueList(attribute)}: left unset and kept under the other columns`
          );
        }
      }
      for (const column of spec.extraColumns) {
        const value = textOf(read(column));
        if (value !== null && !isDotNetTypeName(value)) extra[column] = value;
      }
      if (Object.keys(extra).length > 0) row.extra = extra;
      if (row.name === '') {
        const where = col.name === undefined ? '' : ` (column "${col.name}" is empty)`;
        return { line, field: 'name', message: `Missing name${where}` };
      }
      const overlong = overlongField(row, col);
      if (overlong !== null) return overlong;
      spec.finish?.(row, read, warnings);
      if (spec.requireType && row.type === null) {
        const where = col.type === undefined ? '' : ` (column "${col.type}" is empty)`;
        return { line, field: 'type', message: `Missing resource type for "${row.name}"${where}` };
      }
      if (spec.requireIdOrType && row.type === null && row.externalId === null) {
        return { line, field: 'id', message: `Resource "${row.name}" has neither an id nor a type` };
      }
      return row;
    }
  };
}

/** Narrow a build result. */
export function isRowError(value: ImportRow | RowError): value is RowError {
  return 'message' in value;
}
