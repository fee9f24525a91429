/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1) in the workbook's own namespace: the same workbook
 * id and entity name always give the same UUID, so two exports of an unchanged workbook carry the
 * same identifiers, and two workbooks never share one.
 */
import { createHash } from 'node:crypto';

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/** The version-5 UUID of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A uuidOf for one workbook: entity name parts joined by "/". */
export function workbookUuids(workbookId: string): (...parts: string[]) => string {
  return (...parts) => uuidV5(workbookId, parts.join('/'));
}
