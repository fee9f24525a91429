/**
 * The OSCAL SSP as a JSON file: two-space indentation, keys in the order the builder wrote them,
 * a final newline, so an unchanged workbook gives the same bytes. Written atomically.
 */
import type { AtomicWriteResult } from './atomic-file';
import { writeFileAtomically } from './atomic-file';

export async function writeOscalJson(document: unknown, path: string, signal?: AbortSignal): Promise<AtomicWriteResult> {
  const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
  return writeFileAtomically(path, signal, (sink) => {
    sink.end(bytes);
    return Promise.resolve();
  });
}
