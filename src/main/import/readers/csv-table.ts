/**
 * Delimited text → a table → rows with a shape. Every CSV-like format enters here: the
 * preamble (`sep=`, `#TYPE`) is skipped, the delimiter sniffed unless known, the first record
 * taken as the header.
 */
import { readCsvRecords, readPreamble, sniffDelimiter, CsvSyntaxError, type CsvRecord } from '../delimited';
import { failedRead, type ReaderContext, type ReaderOutput } from '../reader-types';
import { readTable, type TableShape } from '../table';

/**
 * Read a delimited text with a shape.
 * @param delimiter a known delimiter; sniffed from the text when absent
 * @throws the signal's reason when aborted
 */
export async function readDelimitedInventory(
  text: string,
  shape: TableShape,
  ctx: ReaderContext,
  delimiter?: string
): Promise<ReaderOutput> {
  const preamble = readPreamble(text);
  if (preamble.note) ctx.warnings.file(preamble.note);
  const chosen = delimiter ?? preamble.delimiter ?? sniffDelimiter(text, preamble.fromLine);
  const records = readCsvRecords(text, {
    delimiter: chosen,
    fromLine: preamble.fromLine,
    strictQuotes: ctx.strictCsv ?? false,
    onLiteralQuote: (line) =>
      ctx.warnings.add(
        'literal-quote',
        line,
        'A quote inside an unquoted field was kept as a character (the field should have been quoted)'
      ),
    ...(ctx.signal ? { signal: ctx.signal } : {})
  });
  const iterator = records[Symbol.asyncIterator]();
  let first: IteratorResult<CsvRecord>;
  try {
    first = await iterator.next();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return failedRead({ line: error.line, field: null, message: error.message }, { delimiter: chosen });
  }
  if (first.done) {
    await iterator.return?.(undefined);
    return failedRead(
      { line: 1, field: null, message: 'Line 1: the file is empty (no header line)' },
      { delimiter: chosen }
    );
  }
  const rest: AsyncIterable<CsvRecord> = { [Symbol.asyncIterator]: () => iterator };
  const out = await readTable({ header: first.value, records: rest }, shape, ctx);
  return { ...out, delimiter: chosen };
}
