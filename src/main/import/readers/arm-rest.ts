/**
 * ARM REST list responses: `{"value": [...], "nextLink": "..."}` as returned by
 * `GET /subscriptions/{id}/resources` (or `.../resourcegroups`). Pages are at most 1,000
 * items, so the document is parsed whole.
 */
import { parseJsonDocument, type JsonBytes } from '../json-text';
import { failedRead, type ReaderContext, type ReaderOutput } from '../reader-types';
import { readObjectList } from './az-json';

/**
 * Read an ARM REST `{value: [...]}` envelope held as bytes.
 * @throws the signal's reason when aborted
 */
export async function readArmRest(json: JsonBytes, ctx: ReaderContext): Promise<ReaderOutput> {
  const doc = parseJsonDocument(json);
  if (!doc.ok) return failedRead({ line: doc.problem.line, field: null, message: doc.problem.message });
  const envelope = doc.value;
  if (
    envelope === null ||
    typeof envelope !== 'object' ||
    Array.isArray(envelope) ||
    !('value' in envelope)
  ) {
    return failedRead({
      line: 1,
      field: null,
      message: 'Expected an ARM REST response: an object with a "value" array'
    });
  }
  const { value, nextLink } = envelope as { value: unknown; nextLink?: unknown };
  if (!Array.isArray(value))
    return failedRead({ line: 1, field: 'value', message: '"value" is not an array' });
  if (typeof nextLink === 'string' && nextLink.length > 0) {
    ctx.warnings.file(
      'The response has a nextLink: it is one page of a longer list, later pages are not in this file'
    );
  }
  return readObjectList(value, 'arm-rest', ctx);
}
