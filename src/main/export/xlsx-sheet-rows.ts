/**
 * A worksheet part's rows as plain cells (core/roundtrip/sheet-cells.ts), read with saxes as the
 * part inflates: one row's cells at a time, nothing else kept. Each cell is read as exceljs's
 * reader reads it — a shared string by its index, an inline string's runs, a number, TRUE/FALSE,
 * an error's text, a number in a date style as a date — and a formula is never evaluated: its
 * cached value comes marked with the formula (a shared formula's followers with its leader's text).
 * The caller may name, after any row (the header), the columns it reads: a cell of another column
 * is then not built, only marked as holding a value (`skipped`).
 */
import type { ReadCell } from '@core/roundtrip/sheet-cells';
import { excelUnescape, localName, type SharedStrings, type XlsxArchive, type XmlTag } from './xlsx-parts';

/** What the cells of every sheet are read against. */
export interface CellContext {
  sharedStrings: Pick<SharedStrings, 'at'>;
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const DAY_MS = 24 * 3600 * 1000;
/** Days from Excel's day 0 (1900 system) to 1970-01-01; the 1904 system starts 1,462 days later. */
const UNIX_EPOCH_DAYS = 25569;
const DATE_1904_DAYS = 1462;

/** A date serial as an ISO date-time (exceljs's conversion). */
const serialDate = (serial: number, date1904: boolean): string =>
  new Date(Math.round((serial - UNIX_EPOCH_DAYS + (date1904 ? DATE_1904_DAYS : 0)) * DAY_MS)).toISOString();

/** A cell reference's column number ("B12" → 2), or 0 when it has none. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** A cell of a column the caller does not read, holding a value (one object for all). */
const SKIPPED: ReadCell = Object.freeze({ value: null, skipped: true });

/**
 * Reads the rows of `part`, calling `onRow` with each row's number and its cells by column
 * (1-based; a column without a value is a hole). `onRow` may answer the columns to read from the
 * next row on (true by column); the others' cells come as SKIPPED when they hold a value.
 * `afterChunk` is awaited after each inflated chunk.
 */
export async function readSheetRows(
  archive: XlsxArchive,
  part: string,
  context: CellContext,
  onRow: (row: number, cells: (ReadCell | undefined)[]) => readonly boolean[] | void,
  afterChunk?: () => Promise<void> | void
): Promise<void> {
  const { sharedStrings, dateStyles, date1904 } = context;
  const sharedFormulas = new Map<string, string>();
  let inRows = false;
  let rowNumber = 0;
  let cells: (ReadCell | undefined)[] | null = null;
  let column = 0;
  let wanted: readonly boolean[] | null = null;
  // The open cell (`skip`: of a column not read).
  let skip = false;
  let type = '';
  // Its attributes, for its style index (looked up only for a number: a date style makes it a date).
  let attributes: Record<string, string> = {};
  let value: string | null = null;
  let formula: string | null = null;
  let sharedIndex: string | undefined;
  let inline: string | null = null;
  // Where text goes: 1 the value, 2 the formula, 3 an inline string's run, 0 nowhere.
  let into = 0;
  let inPhonetic = false;

  const cellOf = (): ReadCell | undefined => {
    if (formula !== null) {
      const text = formula !== '' ? formula : (sharedFormulas.get(sharedIndex ?? '') ?? '');
      if (formula !== '' && sharedIndex !== undefined) sharedFormulas.set(sharedIndex, formula);
      const result = value === null ? null : type === 'str' || type === 'e' ? value : type === 'b' ? value !== '0' : Number.parseFloat(value);
      return { value: typeof result === 'number' && Number.isNaN(result) ? null : result, formula: text };
    }
    let read: ReadCell['value'];
    if (type === 'inlineStr') read = inline === null ? null : excelUnescape(inline);
    else if (value === null) return undefined;
    else if (type === 's') read = sharedStrings.at(Number.parseInt(value, 10)) ?? null;
    else if (type === 'str' || type === 'e') read = value;
    else if (type === 'b') read = value !== '0' && value.toLowerCase() !== 'false';
    else if (type === 'd') return value === '' ? undefined : { value: Number.isNaN(Date.parse(value)) ? value : new Date(value).toISOString(), date: true };
    else {
      const number = Number.parseFloat(value);
      if (Number.isNaN(number)) return undefined;
      const style = attributes.s;
      if (dateStyles[style === undefined ? 0 : Number(style)] === true) return { value: serialDate(number, date1904), date: true };
      read = number;
    }
    return read === null || read === '' ? undefined : { value: read };
  };

  /** Whether the open cell holds a value, as cellOf would answer, without building it. */
  const holdsValue = (): boolean => {
    if (formula !== null) return true;
    if (type === 'inlineStr') return inline !== null && inline !== '';
    if (value === null) return false;
    if (type === 's') return (sharedStrings.at(Number.parseInt(value, 10)) ?? '') !== '';
    if (type === 'b') return true;
    if (type === 'str' || type === 'e' || type === 'd') return value !== '';
    return !Number.isNaN(Number.parseFloat(value));
  };

  // Saxes's own tags, element names as written: SpreadsheetML's are matched at once, a prefixed one
  // (x:c) by its local name. Tens of millions pass here: no call between saxes and the switch.
  const open = (tag: XmlTag): void => {
    const a = tag.attributes;
    switch (tag.name) {
      case 'c':
        if (cells === null) return;
        column = a.r === undefined ? column + 1 : columnOf(a.r) || column + 1;
        skip = wanted !== null && wanted[column] !== true;
        type = a.t ?? '';
        attributes = a;
        value = null;
        formula = null;
        inline = null;
        sharedIndex = undefined;
        return;
      case 'v':
        if (cells !== null) {
          value = '';
          into = 1;
        }
        return;
      case 'f':
        if (cells !== null) {
          formula = '';
          sharedIndex = a.t === 'shared' ? a.si : undefined;
          into = 2;
        }
        return;
      case 't':
        if (cells !== null && type === 'inlineStr' && !inPhonetic) {
          inline ??= '';
          into = 3;
        }
        return;
      case 'rPh':
        inPhonetic = true;
        return;
      case 'row':
        if (!inRows) return;
        rowNumber = a.r === undefined ? rowNumber + 1 : Number(a.r);
        cells = [];
        column = 0;
        return;
      case 'sheetData':
        inRows = true;
        return;
      case 'is':
        return;
      default:
        if (tag.name.includes(':')) open({ name: localName(tag.name), attributes: a });
        return;
    }
  };
  const text = (text: string): void => {
    if (into === 1) value += text;
    else if (into === 2) formula += text;
    else if (into === 3) inline += text;
  };
  const close = (tag: Pick<XmlTag, 'name'>): void => {
    switch (tag.name) {
      case 'v':
      case 'f':
      case 't':
        into = 0;
        return;
      case 'c':
        if (cells !== null) {
          if (skip) {
            if (holdsValue()) cells[column] = SKIPPED;
          } else {
            const cell = cellOf();
            if (cell !== undefined) cells[column] = cell;
          }
        }
        return;
      case 'rPh':
        inPhonetic = false;
        return;
      case 'row':
        if (cells !== null) wanted = onRow(rowNumber, cells) ?? wanted;
        cells = null;
        return;
      case 'sheetData':
        inRows = false;
        return;
      case 'is':
        return;
      default:
        if (tag.name.includes(':')) close({ name: localName(tag.name) });
        return;
    }
  };
  await archive.read(
    part,
    (parser) => {
      parser.on('opentag', open);
      parser.on('text', text);
      parser.on('cdata', text);
      parser.on('closetag', close);
    },
    afterChunk
  );
}
