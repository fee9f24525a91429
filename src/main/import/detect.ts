/**
 * Which reader fits a file, judged from its content (never its extension): zip magic for
 * xlsx; JSON structure and keys; CSV delimiter and header signatures.
 */
import { parse } from 'csv-parse/sync';
import type { ImportFormat } from '@shared/import';
import { isArmId } from './arm-id';
import { isGcpResourceName } from './gcp-name';
import { readPreamble, sniffDelimiter } from './delimited';
import { sniffJson } from './json-text';
import { normaliseHeader } from './mapping';
import { FIXED_WIDTH_REASON, isFixedWidthTable, notInventoryReason, recogniseNotInventory } from './not-inventory';

export interface Detection {
  /** null when the content is not an inventory shape we can read. */
  format: ImportFormat | null;
  /** A table that is not an inventory (locations, licences, people): read as this when the user maps its columns. */
  mappedAs?: ImportFormat;
  delimiter?: string;
  /** Why, in words the user can check. */
  reason: string;
}

/** xlsx (and any OOXML) is a zip: `PK\x03\x04`. */
export function isZip(bytes: Buffer): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** Excel 97-2003 .xls (an OLE2 compound file), which no reader here understands. */
export function isLegacyXls(bytes: Buffer): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The AWS CLI's envelopes, told apart by their top-level keys. */
function detectAwsEnvelope(keys: readonly string[]): Detection | null {
  if (keys.includes('ResourceTagMappingList'))
    return { format: 'aws-tagging-json', reason: 'a JSON object with "ResourceTagMappingList" (aws resourcegroupstaggingapi get-resources)' };
  if (keys.includes('resourceIdentifiers') || keys.includes('ResourceIdentifiers'))
    return { format: 'aws-config-json', reason: 'a JSON object with "resourceIdentifiers" (aws configservice list-discovered-resources)' };
  // QueryInfo may come after a long Results array, beyond the sample: Results alone decides.
  if (keys.includes('Results'))
    return { format: 'aws-config-select', reason: 'a JSON object with "Results" and "QueryInfo" (aws configservice select-resource-config)' };
  return null;
}

/** Detect a JSON shape from the first part of the text. */
export function detectJson(sample: string): Detection {
  const sniff = sniffJson(sample);
  if (sniff.top === 'array') {
    const first = sniff.first;
    if (first === undefined)
      return {
        format: 'az-json',
        reason: 'a JSON array (empty, or its first element is too large to look at)'
      };
    if (!isObject(first)) return { format: null, reason: 'a JSON array whose elements are not objects' };
    const assetType = first.assetType ?? first.asset_type;
    if (typeof first.name === 'string' && isGcpResourceName(first.name) && typeof assetType === 'string') {
      return {
        format: 'gcp-asset-json',
        reason: 'a JSON array of Google Cloud assets with a full resource name and assetType (gcloud asset search-all-resources)'
      };
    }
    if (typeof first.id === 'string' && isArmId(first.id) && 'type' in first) {
      return {
        format: 'az-json',
        reason: 'a JSON array of resource objects with id and type (az resource list)'
      };
    }
    return {
      format: 'az-json-projection',
      reason: `a JSON array of objects with custom keys (${Object.keys(first).join(', ')})`
    };
  }
  if (sniff.top === 'object') {
    const aws = detectAwsEnvelope(sniff.keys);
    if (aws) return aws;
    if (sniff.keys.includes('name') && (sniff.keys.includes('asset_type') || sniff.keys.includes('assetType'))) {
      return { format: 'gcp-asset-json', reason: 'one Google Cloud asset per line (gcloud asset export, newline-delimited JSON)' };
    }
    if (sniff.keys.includes('value'))
      return { format: 'arm-rest', reason: 'a JSON object with a "value" array (ARM REST list)' };
    if (sniff.keys.includes('data'))
      return { format: 'resource-graph', reason: 'a JSON object with a "data" array (Resource Graph)' };
    return {
      format: null,
      reason: `a JSON object without "value", "data", "ResourceTagMappingList", "resourceIdentifiers" or "Results" (keys: ${sniff.keys.join(', ') || 'none'})`
    };
  }
  return { format: null, reason: 'not JSON' };
}

function sampleRecords(text: string, delimiter: string, fromLine: number): string[][] {
  const sample = text.slice(0, 64 * 1024);
  try {
    return parse(sample, {
      delimiter,
      from_line: fromLine,
      to: 30,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true
    });
  } catch {
    // The sample may end inside a quoted field: fall back to a naive split of its first line.
    const line = sample.split(/\r\n|\r|\n/)[fromLine - 1] ?? '';
    return [line.split(delimiter).map((f) => f.replace(/^"|"$/g, ''))];
  }
}

/** Detect a delimited-text shape from its preamble, delimiter and header. */
export function detectCsv(text: string): Detection {
  if (isFixedWidthTable(text)) return { format: null, reason: FIXED_WIDTH_REASON };
  const preamble = readPreamble(text);
  const delimiter = preamble.delimiter ?? sniffDelimiter(text, preamble.fromLine);
  const [header = [], ...body] = sampleRecords(text, delimiter, preamble.fromLine);
  const raw = header.map((h) => h.trim());
  const norm = new Set(raw.map(normaliseHeader));
  const has = (...names: string[]): boolean => names.some((n) => norm.has(n));
  const found = (format: ImportFormat, reason: string): Detection => ({ format, delimiter, reason });

  if (raw.some((h) => /^\*\s*server name$/i.test(h)))
    return found('azure-migrate-csv', 'the header has "*Server name" (Azure Migrate import template)');
  if (
    has('assettag') &&
    has('category', 'model', 'company', 'manufacturer', 'checkedouttousername', 'checkedoutto')
  ) {
    return found('snipe-it-csv', 'the header has "Asset Tag" with Category/Model (Snipe-IT)');
  }
  if (
    has('resourcelink') ||
    (raw.includes('NAME') &&
      raw.includes('TYPE') &&
      raw.some((h) => ['RESOURCE GROUP', 'LOCATION', 'SUBSCRIPTION'].includes(h)))
  ) {
    return found('portal-csv', 'upper-case NAME, TYPE, ... headers (Azure portal export)');
  }
  if (delimiter === ';' && body.some((r) => r.some((f) => f.trimStart().startsWith('@{')))) {
    return found('governance-csv', 'semicolon-delimited with @{...} cells (PowerShell governance export)');
  }
  if (
    preamble.note?.includes('Microsoft.Azure') ||
    has('resourcegroupname', 'resourceid') ||
    (has('resourcetype') && has('resourcename', 'name'))
  ) {
    return found(
      'get-azresource-csv',
      'PowerShell headers ResourceType/ResourceGroupName (Get-AzResource | Export-Csv)'
    );
  }
  const notInventory = recogniseNotInventory(raw);
  if (notInventory) return { format: null, mappedAs: 'generic-csv', delimiter, reason: notInventoryReason(notInventory) };
  return found('generic-csv', `a table with ${raw.length} column(s); no known export signature`);
}

/**
 * Detect the format of decoded text: JSON when it starts with `[` or `{`, else delimited text.
 * (xlsx is recognised from the bytes with `isZip` before decoding.)
 */
export function detectFormat(text: string): Detection {
  const first = text.slice(0, 1024).trimStart()[0];
  if (first === '[' || first === '{') {
    const json = detectJson(text.slice(0, 256 * 1024));
    if (json.format !== null || first === '{') return json;
  }
  return detectCsv(text);
}
