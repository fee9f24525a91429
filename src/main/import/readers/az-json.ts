/**
 * `az resource list -o json` (full objects) and `az resource list --query "[].{...}"`
 * projections: a top-level array. Large pretty-printed arrays are read element by element
 * (see json-array.ts); anything else is parsed whole.
 */
import type { ImportFormat } from '@shared/import';
import { parseJsonDocument, type JsonBytes } from '../json-text';
import { failedRead, yieldToLoop, type ReaderContext, type ReaderOutput } from '../reader-types';
import { ReadWarnings } from '../warnings';
import { ObjectRowCollector } from './arm-objects';
import { visitPrettyArray } from './json-array';

/**
 * Map a list of parsed objects, yielding to the event loop now and then so progress and
 * abort work on large lists.
 * @throws the signal's reason when aborted
 */
export async function readObjectList(
  elements: readonly unknown[],
  format: ImportFormat,
  ctx: ReaderContext
): Promise<ReaderOutput> {
  const collector = new ObjectRowCollector(format, ctx);
  for (let i = 0; i < elements.length; i++) {
    collector.add(elements[i], i);
    if ((i + 1) % 2000 === 0) {
      ctx.onProgress?.(i + 1);
      await yieldToLoop();
      ctx.signal?.throwIfAborted();
    }
  }
  return collector.output(true);
}

/**
 * Read a top-level JSON array of resources held as bytes.
 * @throws the signal's reason when aborted
 */
export async function readAzJson(
  json: JsonBytes,
  format: ImportFormat,
  ctx: ReaderContext
): Promise<ReaderOutput> {
  // The fast attempt may give up half-way: its rows and notes count only if it succeeds.
  const attempt = new ReadWarnings('record');
  const fast = new ObjectRowCollector(format, { ...ctx, warnings: attempt });
  const ok = await visitPrettyArray(
    json.bytes,
    (element, index) => fast.add(element, index),
    ctx,
    json.encoding
  );
  if (ok) {
    const output = fast.output(true);
    ctx.warnings.merge(attempt);
    return output;
  }
  const doc = parseJsonDocument(json);
  if (!doc.ok) return failedRead({ line: doc.problem.line, field: null, message: doc.problem.message });
  if (!Array.isArray(doc.value)) {
    return failedRead({
      line: 1,
      field: null,
      message: 'Expected a JSON array of resources (az resource list -o json)'
    });
  }
  return readObjectList(doc.value, format, ctx);
}
