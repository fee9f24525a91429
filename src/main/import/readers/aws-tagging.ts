/**
 * `aws resourcegroupstaggingapi get-resources`: `{"ResourceTagMappingList": [{"ResourceARN", "Tags":
 * [{"Key", "Value"}], "ComplianceDetails"?}], "PaginationToken": ""}`. An ARN is all the API gives:
 * account, region, service, type and name come from it (the type through the classifier's ARN table).
 */
import { parseArn } from '../arn';
import { parseJsonDocument, type JsonBytes } from '../json-text';
import { failedRead, type ReaderContext, type ReaderOutput } from '../reader-types';
import { isObject, listIn, mapRecords, objects, providerRow, tagsOf, textAt, warnIfPaged, type RecordResult } from './provider-rows';

/** An ARN's type and name, or the `<service>:<token>` fallback with a warning. */
export function describeArn(
  ctx: ReaderContext,
  line: number,
  arn: { service: string; resource: string }
): { type: string; name: string } {
  const resolved = ctx.resolveArnResource(arn.service, arn.resource);
  if (resolved !== null) return resolved;
  const token = arn.resource.replace(/^\/+/, '').split(/[/:]/)[0] ?? '';
  ctx.warnings.add(
    `arn-service:${arn.service}`,
    line,
    `ARN service "${arn.service}" is not in Demarc's AWS table: its type is kept as "${arn.service}:${token}" and it needs a service model`
  );
  return { type: `${arn.service}:${token}`, name: arn.resource.split(/[/:]/).at(-1) || arn.resource };
}

function mapping(ctx: ReaderContext, record: Record<string, unknown>, line: number): RecordResult {
  const arnText = textAt(record, 'ResourceARN', 'ResourceArn');
  if (arnText === null) return { line, field: 'ResourceARN', message: `Record ${line} has no ResourceARN` };
  const arn = parseArn(arnText);
  if (arn === null) return { line, field: 'ResourceARN', message: `"${arnText.slice(0, 80)}" is not an ARN` };
  const { type, name } = describeArn(ctx, line, arn);
  const tags = tagsOf(record.Tags);
  if (arn.service === 's3' && arn.account === '') {
    ctx.warnings.add('s3-global', line, "An S3 bucket's ARN names no account or region: both are left empty");
  }
  const extra: Record<string, string> = {};
  if (arn.partition !== 'aws') extra.partition = arn.partition;
  const compliance = record.ComplianceDetails;
  if (isObject(compliance) && typeof compliance.ComplianceStatus === 'boolean') {
    extra.tagPolicyCompliant = String(compliance.ComplianceStatus);
  }
  return providerRow(line, 'aws-tagging-json', {
    externalId: arnText,
    name: tags.Name?.trim() || name,
    type,
    provider: 'aws',
    subscription: arn.account || null,
    location: arn.region || null,
    tags,
    extra
  });
}

/**
 * Read a Resource Groups Tagging API answer held as bytes.
 * @throws the signal's reason when aborted
 */
export async function readAwsTagging(json: JsonBytes, ctx: ReaderContext): Promise<ReaderOutput> {
  const doc = parseJsonDocument(json);
  if (!doc.ok) return failedRead({ line: doc.problem.line, field: null, message: doc.problem.message });
  const found = listIn(doc.value, ['ResourceTagMappingList'], 'an aws resourcegroupstaggingapi get-resources answer: an object with a "ResourceTagMappingList" array');
  if ('rows' in found) return found;
  warnIfPaged(ctx, found.record, 'PaginationToken');
  return mapRecords(found.list, ctx, objects((record, line) => mapping(ctx, record, line)));
}
