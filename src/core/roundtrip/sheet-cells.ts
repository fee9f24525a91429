/**
 * Cells as read back from an edited export, whatever client saved it: the reader (main/export)
 * hands the core plain values with what it noticed (a formula, a date), and the core decides what
 * they mean. Headers are matched by their text, never by position. Pure.
 */
import { ATTRIBUTE_VOCABULARY, type AssetAttribute } from '@shared/asset-attributes';
import { PUBLISHED_HEADER, RACI_HEADERS } from '../export-model-cells';
import { nameKey } from './party-names';

/** One cell: its value (a formula's cached value) and what kind of value the client stored. */
export interface ReadCell {
  value: string | number | boolean | null;
  /** The client stored a formula; `value` is its cached result (never evaluated here). */
  formula?: string;
  /** The client stored a date (or time). */
  date?: boolean;
  /**
   * A cell of a column the round trip does not read (a header not in RACI_READ): it holds a value,
   * which the reader did not build; `value` is then null.
   */
  skipped?: true;
}

/** Whether a cell holds nothing (a cell the reader skipped still holds a value). */
export const isEmptyCell = (cell: ReadCell | undefined): boolean => cell === undefined || (cell.skipped !== true && (cell.value === null || cell.value === ''));

/** The columns of a header row the round trip reads (true by column): those `located` found, the rest skipped. */
export function readColumns(columns: Record<string, number | null>): boolean[] {
  const read: boolean[] = [];
  for (const column of Object.values(columns)) if (column !== null) read[column] = true;
  return read;
}

/** One data row: its number in the sheet and its cells by column (1-based, like the sheet). */
export interface ReadRow {
  sheet: string;
  row: number;
  cells: readonly (ReadCell | undefined)[];
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell's reference as a person reads it: `RACI!G12`, `'RACI (2)'!A5` is written `RACI (2)!A5`. */
export function cellRef(sheet: string, column: number, row: number): string {
  return `${sheet}!${columnLetters(column)}${row}`;
}

/** The attributes' columns (Matrix and RACI), read only to say that an edit typed there is not taken. */
const ATTRIBUTE_HEADERS = {
  criticality: ATTRIBUTE_VOCABULARY.criticality.label,
  dataClassification: ATTRIBUTE_VOCABULARY.dataClassification.label,
  environment: ATTRIBUTE_VOCABULARY.environment.label
} as const satisfies Record<AssetAttribute, string>;

/** The columns the round trip reads on the RACI sheet (its continuation sheets alike). */
export const RACI_READ = {
  asset: RACI_HEADERS[0],
  assetId: RACI_HEADERS[1],
  layer: RACI_HEADERS[2],
  responsibility: RACI_HEADERS[3],
  /** Not read back (unread.ts): read only to name an edit typed there. */
  published: PUBLISHED_HEADER,
  justification: RACI_HEADERS[6],
  R: RACI_HEADERS[7],
  A: RACI_HEADERS[8],
  C: RACI_HEADERS[9],
  I: RACI_HEADERS[10],
  note: RACI_HEADERS[11],
  /** The asset's attributes: not read back (unread.ts), read only to name an edit typed there. */
  ...ATTRIBUTE_HEADERS
} as const;

/** The columns read on the Matrix sheet. */
export const MATRIX_READ = {
  asset: 'Asset',
  assetId: 'Asset id',
  serviceModel: 'Service model',
  owner: 'Owner',
  ...ATTRIBUTE_HEADERS
} as const;

/** Every header of a row by its compared form (the first column of a repeated header wins). */
export function headerIndex(headerRow: readonly (ReadCell | undefined)[]): Map<string, number> {
  const at = new Map<string, number>();
  headerRow.forEach((cell, column) => {
    if (cell && typeof cell.value === 'string' && !at.has(nameKey(cell.value))) at.set(nameKey(cell.value), column);
  });
  return at;
}

/** Columns a sheet may lack: an export made before the Comments, Published or attribute columns still comes back. */
const OPTIONAL: ReadonlySet<string> = new Set([RACI_READ.note, RACI_READ.published, ...Object.values(ATTRIBUTE_HEADERS)]);

export type ColumnsOf<T extends Record<string, string>> = Record<keyof T, number | null>;

/**
 * Where each wanted column is in a header row (by header text, case- and space-insensitive).
 * @returns the columns, or the problem: a header missing, or the row not a header row at all
 */
export function locateColumns<T extends Record<string, string>>(
  sheet: string,
  wanted: T,
  headerRow: readonly (ReadCell | undefined)[]
): { columns: ColumnsOf<T> } | { problem: string } {
  const at = headerIndex(headerRow);
  const columns = {} as ColumnsOf<T>;
  const missing: string[] = [];
  for (const [key, header] of Object.entries(wanted) as [keyof T, string][]) {
    const column = at.get(nameKey(header));
    if (column === undefined && !OPTIONAL.has(header)) missing.push(header);
    columns[key] = column ?? null;
  }
  const required = Object.values(wanted).filter((h) => !OPTIONAL.has(h));
  if (missing.length === required.length) {
    return { problem: `${sheet}!1: the header row is missing (a row of headers was deleted, merged or moved): expected ${Object.values(wanted).join(', ')}.` };
  }
  if (missing.length > 0) {
    return { problem: `${sheet}!1: no column headed ${missing.map((h) => `"${h}"`).join(', ')} (headers are matched by their text: rename it back).` };
  }
  return { columns };
}

/** A cell's value as text for a text column, or why it cannot be one. */
export function cellText(cell: ReadCell | undefined): { text: string } | { problem: string } {
  if (cell === undefined || cell.value === null) return { text: '' };
  if (cell.formula !== undefined) {
    return { problem: `holds a formula (=${cell.formula}); Demarc reads values only: type the value instead (the formula showed ${JSON.stringify(cell.value)}).` };
  }
  if (cell.date) return { problem: `holds a date where text belongs (${JSON.stringify(cell.value)}).` };
  if (typeof cell.value === 'string') return { text: cell.value };
  return { problem: `holds ${typeof cell.value === 'number' ? 'a number' : 'TRUE/FALSE'} (${String(cell.value)}) where text belongs.` };
}
