/**
 * Azure Resource Graph responses: REST `{totalRecords, count, data: [...]}`, `az graph query`
 * `{count, data, skip_token, total_records}`, and the older table form
 * `{data: {columns: [{name}], rows: [[...]]}}`. Projections may lack resourceGroup: it comes
 * from the id.
 */
import { parseJsonDocument, type JsonBytes } from '../json-text';
import { failedRead, type ReaderContext, type ReaderOutput } from '../reader-types';
import { readObjectList } from './az-json';

function tableToObjects(table: { columns: unknown; rows: unknown }): unknown[] | null {
  if (!Array.isArray(table.columns) || !Array.isArray(table.rows)) return null;
  const names = table.columns.map((c: unknown, i) =>
    c !== null && typeof c === 'object' && 'name' in c && typeof c.name === 'string'
      ? c.name
      : `column${i + 1}`
  );
  return table.rows.map((row: unknown) => {
    if (!Array.isArray(row)) return row;
    const obj: Record<string, unknown> = {};
    names.forEach((name, i) => {
      obj[name] = row[i];
    });
    return obj;
  });
}

function numberField(envelope: Record<string, unknown>, ...keys: string[]): number | null {
  for (const k of keys) if (typeof envelope[k] === 'number') return envelope[k];
  return null;
}

/**
 * Read a Resource Graph response held as bytes.
 * @throws the signal's reason when aborted
 */
export async function readResourceGraph(json: JsonBytes, ctx: ReaderContext): Promise<ReaderOutput> {
  const doc = parseJsonDocument(json);
  if (!doc.ok) return failedRead({ line: doc.problem.line, field: null, message: doc.problem.message });
  const envelope = doc.value;
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope) || !('data' in envelope)) {
    return failedRead({
      line: 1,
      field: null,
      message: 'Expected a Resource Graph response: an object with a "data" array'
    });
  }
  const record = envelope as Record<string, unknown>;
  const data = record.data;
  const elements = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && 'columns' in data && 'rows' in data
      ? tableToObjects(data)
      : null;
  if (!elements)
    return failedRead({
      line: 1,
      field: 'data',
      message: '"data" is neither an array nor a columns/rows table'
    });
  const total = numberField(record, 'totalRecords', 'total_records');
  const skipToken = record.$skipToken ?? record.skipToken ?? record.skip_token;
  if (
    (total !== null && total > elements.length) ||
    (typeof skipToken === 'string' && skipToken.length > 0)
  ) {
    ctx.warnings.file(
      `The query matched ${total ?? 'more'} resources but this file holds ${elements.length}: it is one page (use the skip token to fetch the rest)`
    );
  }
  return readObjectList(elements, 'resource-graph', ctx);
}
