/**
 * AWS Config's resource lists:
 * - `aws configservice list-discovered-resources`: `{"resourceIdentifiers": [{"resourceType", "resourceId",
 *   "resourceName"?, "resourceDeletionTime"?}], "nextToken"?}`, and an aggregator's
 *   `list-aggregate-discovered-resources`: `{"ResourceIdentifiers": [{"SourceAccountId", "SourceRegion",
 *   "ResourceId", "ResourceType", "ResourceName"?}]}`;
 * - `aws configservice select-resource-config` (and `select-aggregate-resource-config`): `{"Results":
 *   ["<one JSON object per resource, as text>"], "QueryInfo": {"SelectFields": [{"Name"}]}, "NextToken"?}`,
 *   whose fields are the ones the query selects (arn, resourceId, resourceName, resourceType, accountId,
 *   awsRegion, availabilityZone, tags, configuration.*...).
 */
import { parseArn } from '../arn';
import { parseJsonDocument, type JsonBytes } from '../json-text';
import { failedRead, type ReaderContext, type ReaderOutput } from '../reader-types';
import { textOf } from '../row-builder';
import { describeArn } from './aws-tagging';
import { isObject, listIn, mapRecords, objects, providerRow, tagsOf, textAt, warnIfPaged, type RecordResult } from './provider-rows';

const DELETED = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);

function skipDeleted(ctx: ReaderContext, line: number): null {
  ctx.warnings.add('deleted', line, 'A resource AWS Config records as deleted was skipped');
  return null;
}

function listedResource(ctx: ReaderContext, record: Record<string, unknown>, line: number): RecordResult {
  const type = textAt(record, 'resourceType', 'ResourceType');
  const id = textAt(record, 'resourceId', 'ResourceId');
  if (id === null) return { line, field: 'resourceId', message: `Record ${line} has no resourceId` };
  if (type === null) return { line, field: 'resourceType', message: `Resource "${id}" has no resourceType` };
  if (textAt(record, 'resourceDeletionTime', 'ResourceDeletionTime') !== null) return skipDeleted(ctx, line);
  return providerRow(line, 'aws-config-json', {
    externalId: id,
    name: textAt(record, 'resourceName', 'ResourceName') ?? id,
    type,
    provider: 'aws',
    subscription: textAt(record, 'SourceAccountId', 'accountId'),
    location: textAt(record, 'SourceRegion', 'awsRegion'),
    tags: {}
  });
}

/**
 * Read `list-discovered-resources` or `list-aggregate-discovered-resources` output held as bytes.
 * @throws the signal's reason when aborted
 */
export async function readAwsConfigList(json: JsonBytes, ctx: ReaderContext): Promise<ReaderOutput> {
  const doc = parseJsonDocument(json);
  if (!doc.ok) return failedRead({ line: doc.problem.line, field: null, message: doc.problem.message });
  const found = listIn(doc.value, ['resourceIdentifiers', 'ResourceIdentifiers'], 'an AWS Config list-discovered-resources answer: an object with a "resourceIdentifiers" array');
  if ('rows' in found) return found;
  warnIfPaged(ctx, found.record, 'nextToken', 'NextToken');
  if ('resourceIdentifiers' in found.record) {
    ctx.warnings.file(
      "list-discovered-resources names no account or region: the assets get neither, and a resource of another account or region with the same type and id would be taken for the same asset (an aggregator's list-aggregate-discovered-resources, or select-resource-config with arn, accountId and awsRegion, gives them)"
    );
  }
  return mapRecords(found.list, ctx, objects((record, line) => listedResource(ctx, record, line)));
}

const SKU_FIELDS = ['instanceType', 'dBInstanceClass', 'dbInstanceClass', 'cacheNodeType', 'nodeType', 'instanceClass'];
const MAPPED = new Set(['arn', 'resourceId', 'resourceName', 'resourceType', 'accountId', 'awsRegion', 'tags', 'configuration']);

/** Scalars of the record and of its `configuration` (one level), as `extra`. */
function extraOf(record: Record<string, unknown>, arnGiven: boolean): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    const text = textOf(value);
    if (text !== null && !MAPPED.has(key)) extra[key] = text;
  }
  const id = textOf(record.resourceId);
  if (arnGiven && id !== null) extra.resourceId = id;
  if (isObject(record.configuration)) {
    for (const [key, value] of Object.entries(record.configuration)) {
      const text = textOf(value);
      if (text !== null) extra[`configuration.${key}`] = text;
    }
  }
  return extra;
}

function selectedResource(ctx: ReaderContext, raw: unknown, line: number): RecordResult {
  let record: unknown = raw;
  if (typeof raw === 'string') {
    try {
      record = JSON.parse(raw) as unknown;
    } catch (error) {
      return { line, field: 'Results', message: `Result ${line} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (!isObject(record)) return { line, field: 'Results', message: `Result ${line} is not an object` };
  const arnText = textAt(record, 'arn');
  const arn = arnText === null ? null : parseArn(arnText);
  const id = textAt(record, 'resourceId');
  const described = arn === null ? null : describeArn(ctx, line, arn);
  const type = textAt(record, 'resourceType') ?? described?.type ?? null;
  if (arn === null && id === null) return { line, field: 'resourceId', message: `Result ${line} has neither an arn nor a resourceId` };
  if (type === null) return { line, field: 'resourceType', message: `Resource "${id ?? ''}" has no resourceType: add resourceType to the SELECT` };
  if (DELETED.has(textAt(record, 'configurationItemStatus') ?? '')) return skipDeleted(ctx, line);
  const tags = tagsOf(record.tags);
  const configuration = isObject(record.configuration) ? record.configuration : {};
  return providerRow(line, 'aws-config-select', {
    externalId: arn === null ? id : arnText,
    name: textAt(record, 'resourceName') ?? (tags.Name?.trim() || null) ?? id ?? described?.name ?? '',
    type,
    provider: 'aws',
    subscription: textAt(record, 'accountId') ?? (arn?.account || null),
    location: textAt(record, 'awsRegion') ?? (arn?.region || null),
    tags,
    sku: textAt(configuration, ...SKU_FIELDS),
    extra: extraOf(record, arn !== null)
  });
}

function selectedFields(record: Record<string, unknown>): string[] | null {
  const info = record.QueryInfo;
  if (!isObject(info) || !Array.isArray(info.SelectFields)) return null;
  return info.SelectFields.map((f) => (isObject(f) ? (textOf(f.Name) ?? '') : '')).filter((n) => n !== '');
}

/**
 * Read `select-resource-config` (or `select-aggregate-resource-config`) output held as bytes.
 * @throws the signal's reason when aborted
 */
export async function readAwsConfigSelect(json: JsonBytes, ctx: ReaderContext): Promise<ReaderOutput> {
  const doc = parseJsonDocument(json);
  if (!doc.ok) return failedRead({ line: doc.problem.line, field: null, message: doc.problem.message });
  const found = listIn(doc.value, ['Results'], 'an AWS Config select-resource-config answer: an object with a "Results" array');
  if ('rows' in found) return found;
  const fields = selectedFields(found.record);
  if (fields !== null && !fields.includes('arn') && !fields.includes('resourceId')) {
    return failedRead({
      line: 1,
      field: 'QueryInfo',
      message: `The query selects ${fields.join(', ') || 'no fields'} but neither arn nor resourceId, so no resource can be told apart: run it with SELECT arn, resourceId, resourceName, resourceType, accountId, awsRegion, tags`
    });
  }
  warnIfPaged(ctx, found.record, 'NextToken');
  return mapRecords(found.list, ctx, (raw, line) => selectedResource(ctx, raw, line));
}
