/**
 * What the AWS and Google Cloud readers share. Their shapes are fixed by the CLIs (no column mapping):
 * each reader turns one record into an ImportRow or a RowError, and mapRecords runs the list with
 * progress and abort, as the Azure JSON readers do.
 */
import type { AssetProvider, ImportFormat, ImportRow, RowError } from '@shared/import';
import { failedRead, yieldToLoop, type ReaderContext, type ReaderOutput } from '../reader-types';
import { textOf } from '../row-builder';
import { tagsFromObject } from '../tags';

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The first of several keys holding text (the AWS CLI writes `resourceId` or `ResourceId` by command). */
export function textAt(record: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = textOf(record[key]);
    if (value !== null) return value;
  }
  return null;
}

/**
 * Tags as AWS and Google write them: `[{Key, Value}]` (Tagging API), `[{key, value}]` (AWS Config),
 * or an object of labels (Google). Anything else is no tags.
 */
export function tagsOf(value: unknown): Record<string, string> {
  if (!Array.isArray(value)) return tagsFromObject(value);
  const tags: Record<string, string> = {};
  for (const pair of value) {
    if (!isObject(pair)) continue;
    const key = textOf(pair.Key ?? pair.key);
    if (key !== null) tags[key] = textOf(pair.Value ?? pair.value) ?? '';
  }
  return tags;
}

/** The fields a provider row sets; the rest of ImportRow is empty. */
export interface ProviderRowFields {
  externalId: string | null;
  name: string;
  type: string | null;
  provider: AssetProvider;
  subscription: string | null;
  location: string | null;
  tags: Record<string, string>;
  sku?: string | null;
  extra?: Record<string, string>;
}

export function providerRow(line: number, source: ImportFormat, fields: ProviderRowFields): ImportRow {
  const { extra, sku, ...rest } = fields;
  return {
    line,
    kind: null,
    resourceGroup: null,
    managedBy: null,
    owner: null,
    serviceModel: null,
    source,
    sku: sku ?? null,
    ...rest,
    ...(extra && Object.keys(extra).length > 0 ? { extra } : {})
  };
}

/** The result of one record: a row, an error, or nothing (a record the reader skips with a warning). */
export type RecordResult = ImportRow | RowError | null;

/** File one record's result in the output. */
export function collect(out: Pick<ReaderOutput, 'rows' | 'errors'>, result: RecordResult): void {
  if (result === null) return;
  if ('source' in result) out.rows.push(result);
  else out.errors.push(result);
}

/**
 * Map a list of records, yielding to the event loop now and then so progress and abort work on
 * large lists.
 * @throws the signal's reason when aborted
 */
export async function mapRecords(
  records: readonly unknown[],
  ctx: ReaderContext,
  map: (record: unknown, line: number) => RecordResult
): Promise<ReaderOutput> {
  const out: ReaderOutput = { rows: [], errors: [], totalRecords: records.length, complete: true };
  for (let i = 0; i < records.length; i++) {
    const line = i + 1;
    collect(out, map(records[i], line));
    if (line % 2000 === 0) {
      ctx.onProgress?.(line);
      await yieldToLoop();
      ctx.signal?.throwIfAborted();
    }
  }
  return out;
}

/** A record mapper for lists of objects: anything else is an error for that record. */
export function objects(map: (record: Record<string, unknown>, line: number) => RecordResult) {
  return (record: unknown, line: number): RecordResult =>
    isObject(record) ? map(record, line) : { line, field: null, message: `Record ${line} is not an object` };
}

/** The envelope's list under one of `keys`, or a failed read naming what was expected. */
export function listIn(
  envelope: unknown,
  keys: readonly string[],
  expected: string
): { list: unknown[]; record: Record<string, unknown> } | ReaderOutput {
  if (!isObject(envelope)) return failedRead({ line: 1, field: null, message: `Expected ${expected}` });
  const key = keys.find((k) => k in envelope);
  if (key === undefined) return failedRead({ line: 1, field: null, message: `Expected ${expected}` });
  const list = envelope[key];
  if (!Array.isArray(list)) return failedRead({ line: 1, field: key, message: `"${key}" is not an array` });
  return { list, record: envelope };
}

/** Say that the file is one page of a longer answer when the CLI left a pagination token in it. */
export function warnIfPaged(ctx: ReaderContext, record: Record<string, unknown>, ...keys: string[]): void {
  const token = textAt(record, ...keys);
  if (token !== null) {
    ctx.warnings.file(
      `The response has a ${keys[0] ?? 'pagination'} token: it is one page of a longer list, later pages are not in this file (let the CLI paginate, or run it again with the token)`
    );
  }
}
