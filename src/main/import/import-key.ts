/**
 * The key that says two rows are the same asset. ARM ids are case-insensitive in practice
 * (real exports drift: `2dt-final-team4` vs `2DT-FINAL-TEAM4`), so keys are lower-cased.
 */
import type { ImportRow } from '@shared/import';
import { isArmId } from './arm-id';
import { isArn } from './arn';
import { isGcpResourceName } from './gcp-name';

/** `|` separates key parts; a part that contains one is escaped so keys cannot collide. */
function part(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase().replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/**
 * The import key of a row:
 * - the lower-cased ARM id, AWS ARN or Google full resource name when the row has one (the same
 *   resource read from two AWS or Google exports is one asset; the workbook compares keys
 *   lower-cased, so two AWS resources whose names differ only in case would merge);
 * - for an AWS resource known by its id alone (AWS Config's resource lists), the account, region,
 *   type and id: ids such as a Lambda function's name repeat across accounts and regions;
 * - `source|id|<id>` for a non-ARM id (a CMDB asset tag): names repeat in a CMDB
 *   (the Snipe-IT sample has two "Dragline" assets in one category), tags do not;
 * - otherwise `source|subscription|resourceGroup|type|name`, lower-cased, so resource-group
 *   case drift does not split an asset in two.
 */
export function importKey(
  row: Pick<ImportRow, 'externalId' | 'source' | 'subscription' | 'resourceGroup' | 'type' | 'name'> &
    Partial<Pick<ImportRow, 'provider' | 'location'>>
): string {
  const id = row.externalId?.trim() ?? '';
  if (id !== '' && isArmId(id)) return id.toLowerCase().replace(/\/+$/, '');
  if (id !== '' && (isArn(id) || isGcpResourceName(id))) return id.toLowerCase();
  if (id !== '' && row.provider === 'aws') {
    return [part(row.source), 'aws', part(row.subscription), part(row.location), part(row.type), part(id)].join('|');
  }
  if (id !== '') return [part(row.source), 'id', part(id)].join('|');
  return [
    part(row.source),
    part(row.subscription),
    part(row.resourceGroup),
    part(row.type),
    part(row.name)
  ].join('|');
}
