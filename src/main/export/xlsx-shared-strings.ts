/**
 * xl/sharedStrings.xml, streamed. exceljs renders the whole shared-strings part as one string at
 * commit; for a 100k-asset workbook (130k unique strings) that alone adds about 90 MB to the peak.
 * This renders the same XML in chunks, as the zip reads it.
 */
import { Readable } from 'node:stream';
import { xmlText } from './xml-text';

/** Strings per chunk of XML. */
const STRINGS_PER_CHUNK = 2048;

/** Leading or trailing whitespace, or a line break: Excel keeps it only with xml:space="preserve". */
const NEEDS_PRESERVE = /^\s|\n|\s$/;

function* sharedStringsXml(values: readonly string[], totalRefs: number): Generator<string> {
  yield (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
    ` count="${totalRefs}" uniqueCount="${values.length}">`
  );
  for (let start = 0; start < values.length; start += STRINGS_PER_CHUNK) {
    let chunk = '';
    for (const value of values.slice(start, start + STRINGS_PER_CHUNK)) {
      const open = NEEDS_PRESERVE.test(value) ? '<si><t xml:space="preserve">' : '<si><t>';
      chunk += `${open}${xmlText(value)}</t></si>`;
    }
    yield chunk;
  }
  yield '</sst>';
}

/** The shared-strings part as a stream of UTF-8 XML. */
export function sharedStringsStream(values: readonly string[], totalRefs: number): Readable {
  return Readable.from(sharedStringsXml(values, totalRefs), { objectMode: false });
}
