/**
 * The single entry point of the inventory readers: bytes of one file → normalised rows, row
 * errors and warnings. No database: the import service merges rows by `importKey` and writes.
 */
import type { AssetProvider, ColumnMapping, ImportFormat, ReadResult, RowError } from '@shared/import';
import { chooseEncoding, decodeSample, decodeWith, transcodeToUtf8 } from './decode';
import { detectFormat, isLegacyXls, isZip, type Detection } from './detect';
import type { JsonBytes } from './json-text';
import type {
  ArnResolver,
  DisplayKindResolver,
  DisplayTypeResolver,
  ReaderContext,
  ReaderOutput,
  RegionResolver
} from './reader-types';
import { failedRead } from './reader-types';
import { readArmRest } from './readers/arm-rest';
import { readAwsConfigList, readAwsConfigSelect } from './readers/aws-config';
import { readAwsTagging } from './readers/aws-tagging';
import { readGcpAssets } from './readers/gcp-assets';
import { readAzJson } from './readers/az-json';
import { azureMigrateCsvShape } from './readers/azure-migrate-csv';
import { readDelimitedInventory } from './readers/csv-table';
import { genericCsvShape } from './readers/generic-csv';
import { getAzResourceCsvShape } from './readers/get-azresource-csv';
import { governanceCsvShape } from './readers/governance-csv';
import { portalCsvShape } from './readers/portal-csv';
import { readResourceGraph } from './readers/resource-graph';
import { snipeItCsvShape } from './readers/snipe-it-csv';
import { readXlsx } from './readers/xlsx';
import type { TableShape } from './table';
import { ReadWarnings } from './warnings';

export interface ReadInventoryOptions {
  /** Used for messages only: the format is judged from the content. */
  fileName: string;
  /** Skip detection and read the file as this format. */
  format?: ImportFormat;
  /** Skip encoding detection (any name iconv-lite knows; ISO-8859-1 is read as windows-1252). */
  encoding?: string;
  /** Target field → source column; replaces the suggested mapping. */
  mapping?: ColumnMapping;
  /** xlsx: the sheet to read (default: the first). */
  sheet?: string;
  /** Generic CSV/xlsx: provider of rows that show no Azure trait (default: other). */
  provider?: AssetProvider;
  /** CSV: treat a quote inside an unquoted field as a syntax error (default: keep it, warn). */
  strict?: boolean;
  /** Called every few thousand records and once at the end with the records read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Aborting rejects the read with the signal's reason. */
  signal?: AbortSignal;
  /** Portal display type → ARM type (the classifier's resolveDisplayType); null if unknown. */
  resolveDisplayType?: DisplayTypeResolver;
  /** Region display name → region code (the classifier's resolveRegion); null if unknown. */
  resolveRegion?: RegionResolver;
  /** Portal display type → ARM kind ("Function App" → functionapp; the classifier's resolveDisplayKind). */
  resolveDisplayKind?: DisplayKindResolver;
  /** ARN service + resource → CloudFormation type and name (the classifier's resolveArnResource). */
  resolveArnResource?: ArnResolver;
}

const TABLE_SHAPES: Partial<Record<ImportFormat, TableShape>> = {
  'get-azresource-csv': getAzResourceCsvShape,
  'portal-csv': portalCsvShape,
  'governance-csv': governanceCsvShape,
  'azure-migrate-csv': azureMigrateCsvShape,
  'snipe-it-csv': snipeItCsvShape,
  'generic-csv': genericCsvShape
};

const JSON_FORMATS = new Set<ImportFormat>([
  'az-json',
  'az-json-projection',
  'arm-rest',
  'resource-graph',
  'aws-tagging-json',
  'aws-config-json',
  'aws-config-select',
  'gcp-asset-json'
]);

/** JSON shapes whose reader takes the bytes and the context; the rest are lists of ARM objects. */
const JSON_READERS: Partial<Record<ImportFormat, (json: JsonBytes, ctx: ReaderContext) => Promise<ReaderOutput>>> = {
  'arm-rest': readArmRest,
  'resource-graph': readResourceGraph,
  'aws-tagging-json': readAwsTagging,
  'aws-config-json': readAwsConfigList,
  'aws-config-select': readAwsConfigSelect,
  'gcp-asset-json': readGcpAssets
};

/** Bytes looked at to detect the shape of a UTF-8 file without decoding all of it. */
const DETECT_SAMPLE = 256 * 1024;

function extensionNote(fileName: string, format: ImportFormat): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const family = JSON_FORMATS.has(format) ? 'JSON' : format === 'xlsx' ? 'an Excel workbook' : 'CSV';
  const expected: Record<string, string> = {
    json: 'JSON',
    csv: 'CSV',
    tsv: 'CSV',
    txt: 'CSV',
    xlsx: 'an Excel workbook'
  };
  const named = ext === undefined ? undefined : expected[ext];
  if (named === undefined || named === family) return null;
  return `"${fileName}" is named .${ext ?? ''} but holds ${family}: read as ${family}`;
}

async function readDecoded(
  bytes: Buffer,
  opts: ReadInventoryOptions,
  ctx: ReaderContext
): Promise<{ format: ImportFormat; encoding: string; out: ReaderOutput }> {
  let choice;
  try {
    choice = chooseEncoding(bytes, opts.encoding);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      format: opts.format ?? 'generic-csv',
      encoding: opts.encoding ?? 'unknown',
      out: failedRead({ line: 0, field: null, message })
    };
  }
  if (choice.warning) ctx.warnings.file(choice.warning);
  const sample = decodeSample(bytes, choice, DETECT_SAMPLE);
  const detection: Detection = opts.format
    ? { format: opts.format, reason: 'chosen by the user' }
    : detectFormat(sample);
  const encoding = choice.encoding;
  if (detection.format === null && detection.mappedAs !== undefined) {
    // A table that is not an inventory: read anyway when the user maps its columns, else
    // refused with its columns and the suggested mapping, so the preview can offer to map them.
    const out = await readDelimitedInventory(decodeWith(bytes, choice), genericCsvShape, ctx, detection.delimiter);
    if (opts.mapping !== undefined) return { format: detection.mappedAs, encoding, out };
    const refusal: RowError = { line: 0, field: null, message: detection.reason };
    return { format: detection.mappedAs, encoding, out: failedRead(refusal, { columns: out.columns ?? [], mapping: out.mapping ?? {} }) };
  }
  if (detection.format === null) {
    const looksJson = /^\s*[[{]/.test(sample);
    const error: RowError = {
      line: 0,
      field: null,
      message: `Not an inventory file this app can read: ${detection.reason}`
    };
    return { format: looksJson ? 'az-json' : 'generic-csv', encoding, out: failedRead(error) };
  }
  const format = detection.format;
  if (JSON_FORMATS.has(format)) {
    ctx.warnings.countIn('record');
    // JSON is read from bytes, never from one big string: see readers/json-array.ts.
    const jsonBytes: JsonBytes =
      choice.codec === 'utf-16le'
        ? { bytes: bytes.subarray(choice.bomLength), encoding: 'utf16le' }
        : { bytes: transcodeToUtf8(bytes, choice), encoding: 'utf8' };
    const reader = JSON_READERS[format];
    if (reader) return { format, encoding, out: await reader(jsonBytes, ctx) };
    return { format, encoding, out: await readAzJson(jsonBytes, format, ctx) };
  }
  const shape = TABLE_SHAPES[format] ?? genericCsvShape;
  const text = decodeWith(bytes, choice);
  return { format, encoding, out: await readDelimitedInventory(text, shape, ctx, detection.delimiter) };
}

/**
 * Read one inventory file. The format is detected from the content unless given; problems in
 * the file come back as `errors` and `warnings`, never as exceptions.
 * @param bytes the whole file as read from disk
 * @throws the signal's reason when `opts.signal` aborts
 */
export async function readInventory(bytes: Buffer, opts: ReadInventoryOptions): Promise<ReadResult> {
  opts.signal?.throwIfAborted();
  const warnings = new ReadWarnings();
  const ctx: ReaderContext = {
    warnings,
    resolveDisplayType: opts.resolveDisplayType ?? (() => null),
    resolveRegion: opts.resolveRegion ?? (() => null),
    resolveDisplayKind: opts.resolveDisplayKind ?? (() => null),
    resolveArnResource: opts.resolveArnResource ?? (() => null),
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
    ...(opts.provider ? { provider: opts.provider } : {}),
    ...(opts.strict ? { strictCsv: true } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {})
  };
  let read: { format: ImportFormat; encoding: string; out: ReaderOutput };
  if (isLegacyXls(bytes)) {
    const error: RowError = {
      line: 0,
      field: null,
      message: 'This is an Excel 97-2003 .xls file: save it as .xlsx or CSV and import that'
    };
    read = { format: 'xlsx', encoding: 'binary', out: failedRead(error) };
  } else if (opts.format === 'xlsx' || (!opts.format && isZip(bytes))) {
    warnings.countIn('row');
    read = { format: 'xlsx', encoding: 'binary', out: await readXlsx(bytes, opts.sheet, ctx, opts.fileName) };
  } else {
    read = await readDecoded(bytes, opts, ctx);
  }
  const { format, encoding, out } = read;
  const note = extensionNote(opts.fileName, format);
  opts.onProgress?.(out.totalRecords);
  return {
    format,
    encoding,
    ...(out.delimiter !== undefined ? { delimiter: out.delimiter } : {}),
    ...(out.columns !== undefined ? { columns: out.columns } : {}),
    ...(out.mapping !== undefined ? { mapping: out.mapping } : {}),
    ...(out.sheets !== undefined ? { sheets: out.sheets } : {}),
    ...(out.sheet !== undefined ? { sheet: out.sheet } : {}),
    rows: out.rows,
    errors: out.errors,
    warnings: note ? [note, ...warnings.list()] : warnings.list(),
    totalRecords: out.totalRecords,
    complete: out.complete
  };
}
