/**
 * The RACI table Demarc exported as CSV, brought back after a spreadsheet saved it: any delimiter
 * Excel writes in the user's locale (`,` `;` tab, or a `sep=` line), UTF-8 with or without BOM,
 * UTF-16 or Windows-1252, CRLF or LF. Fields come back as text; the `'` Demarc put before
 * formula-looking text (OWASP) is taken off again. Rows go to the same handler as the xlsx's.
 */
import { isFormulaLike } from '@core/spreadsheet-safe';
import { RACI_READ, locateColumns, type ReadCell } from '@core/roundtrip/sheet-cells';
import type { RoundTripSheetHandler } from '../export/xlsx-roundtrip-reader';
import { decodeBytes } from './decode';
import { readCsvRecords, readPreamble, sniffDelimiter } from './delimited';

/** A field as a cell: empty is no cell; the export's protective `'` is removed. */
function fieldCell(field: string): ReadCell | undefined {
  if (field === '') return undefined;
  return { value: field.startsWith("'") && isFormulaLike(field.slice(1)) ? field.slice(1) : field };
}

/** The cells of a record, 1-based like a sheet's columns. */
const cellsOf = (fields: readonly string[]): (ReadCell | undefined)[] => [undefined, ...fields.map(fieldCell)];

export interface RaciCsvRead {
  /** False when the header is not the RACI table's: not a Demarc RACI CSV. */
  recognised: boolean;
  encoding: string;
  delimiter: string;
  warnings: string[];
}

async function firstRecord(text: string, delimiter: string, fromLine: number): Promise<string[] | null> {
  for await (const record of readCsvRecords(text, { delimiter, fromLine, skipEmptyLines: true })) return record.fields;
  return null;
}

/**
 * Reads a RACI CSV: the header must name the RACI table's columns (matched by text, in any
 * order); each record is handed to `handler` as a row of sheet `sheet` (the file's name).
 */
export async function readRaciCsv(
  bytes: Buffer,
  sheet: string,
  handler: RoundTripSheetHandler | null,
  onRows?: (rows: number) => Promise<void> | void
): Promise<RaciCsvRead> {
  const decoded = decodeBytes(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const preamble = readPreamble(text);
  const delimiter = preamble.delimiter ?? sniffDelimiter(text, preamble.fromLine);
  const warnings = decoded.warning ? [decoded.warning] : [];
  const header = await firstRecord(text, delimiter, preamble.fromLine);
  const recognised = header !== null && 'columns' in locateColumns(sheet, RACI_READ, cellsOf(header));
  const result = { recognised, encoding: decoded.encoding, delimiter, warnings };
  if (!recognised || handler === null) return result;
  let rows = 0;
  let first = true;
  for await (const record of readCsvRecords(text, { delimiter, fromLine: preamble.fromLine, skipEmptyLines: true })) {
    if (first) {
      first = false;
      handler.header('raci', sheet, cellsOf(record.fields));
      continue;
    }
    handler.row('raci', { sheet, row: record.line, cells: cellsOf(record.fields) });
    rows += 1;
    if (rows % 5000 === 0) await onRows?.(rows);
  }
  await onRows?.(rows);
  return result;
}
