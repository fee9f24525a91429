/**
 * Reads an edited RACI export back from its archive in place (a million RACI rows never sit in
 * memory): the hidden identity sheet, then every row of the RACI sheets (and their continuations
 * "RACI (2)"...) and of the Matrix, handed to the caller as plain cells (xlsx-sheet-rows.ts). What
 * the cells mean is the core's business (core/roundtrip); this file only knows the file format.
 * Formulas are never evaluated: a formula cell comes with its cached value and is marked.
 * Recognising an export the long way (when xlsx-identity.ts cannot tell) uses exceljs's streaming reader.
 */
import type { Readable } from 'node:stream';
import { IDENTITY_FORMAT, IDENTITY_ITEMS, SHEET_NAMES } from '@core/export-model';
import type { ReadCell, ReadRow } from '@core/roundtrip/sheet-cells';
import type { RoundTripIdentity } from '@shared/contract/roundtrip';
import { loadExcelJs } from './exceljs-load';
import { SharedStrings, XlsxArchive, readDateStyles, readSharedStrings, readWorkbook } from './xlsx-parts';
import { readSheetRows, type CellContext } from './xlsx-sheet-rows';
import { NotAZip, ZipFile } from './zip-file';

/** Which table a sheet holds: the RACI (base name or continuation) or the Matrix. */
export type RoundTripTable = 'raci' | 'matrix';

export interface RoundTripSheetHandler {
  /**
   * The header row (row 1) of a RACI or Matrix sheet; null when row 1 is empty or gone. Answers the
   * columns read (true by column: the cells of the others are not built) or null for all.
   */
  header(table: RoundTripTable, sheet: string, cells: readonly (ReadCell | undefined)[] | null): readonly boolean[] | null;
  row(table: RoundTripTable, row: ReadRow): void;
}

/** Options of the streaming reader: values only; styles are needed to tell a date from a number. */
const READER_OPTIONS = {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  worksheets: 'emit',
  entries: 'ignore'
} as const;

const continuation = (base: string) => new RegExp(`^${base.replace(/[()]/g, '\\$&')}( \\(\\d+\\))?$`);
const RACI_SHEET = continuation(SHEET_NAMES.raci);
const MATRIX_SHEET = continuation(SHEET_NAMES.matrix);

function tableOf(name: string): RoundTripTable | null {
  if (RACI_SHEET.test(name)) return 'raci';
  if (MATRIX_SHEET.test(name)) return 'matrix';
  return null;
}

/** Whether the round trip reads a sheet's rows (the RACI and Matrix sheets, the identity sheet); the others are never parsed. */
export const isRoundTripSheet = (name: string): boolean => name === SHEET_NAMES.identity || tableOf(name) !== null;

function plain(value: unknown): ReadCell['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return null;
}

/** One exceljs cell value as a ReadCell (undefined when the cell is empty). */
export function readCell(value: unknown): ReadCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
    const formula = v.formula ?? v.sharedFormula;
    if (typeof formula === 'string') return { value: plain(v.result), formula };
  }
  const cell: ReadCell = { value: plain(value) };
  if (value instanceof Date) cell.date = true;
  return cell.value === null || cell.value === '' ? undefined : cell;
}

function cellsOf(values: unknown): (ReadCell | undefined)[] {
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  return list.map((v) => readCell(v));
}

/** The identity rows (label → value) of the hidden sheet, as a RoundTripIdentity when complete. */
export function identityOf(items: ReadonlyMap<string, ReadCell['value']>): RoundTripIdentity | null {
  if (items.get(IDENTITY_ITEMS.format) !== IDENTITY_FORMAT) return null;
  const workbookId = items.get(IDENTITY_ITEMS.workbookId);
  const revision = items.get(IDENTITY_ITEMS.revision);
  const sha256 = items.get(IDENTITY_ITEMS.sha256);
  const exportedAt = items.get(IDENTITY_ITEMS.exportedAt);
  const revisionNumber = typeof revision === 'number' ? revision : Number(revision);
  if (typeof workbookId !== 'string' || !Number.isInteger(revisionNumber)) return null;
  return { workbookId, revision: revisionNumber, sha256: String(sha256 ?? ''), exportedAt: String(exportedAt ?? '') };
}

export interface XlsxReadResult {
  identity: RoundTripIdentity | null;
  sheets: string[];
}

/** Rows read between two calls of `onRows`. */
const ROWS_PER_REPORT = 5000;

/**
 * Reads the workbook in the open file `fd` (of `size` bytes) in place: its identity sheet first, then
 * the header and data rows of each RACI and Matrix sheet, handed to `handler`; the other sheets are
 * never inflated. Answers the identity (null when there is none: then no sheet is read). `onRows`
 * is told the rows read so far (for progress and to yield to other work). An archive that inflates
 * past `inflatedLimit` bytes is refused (InflatedPastLimit), one this cannot read too (NotAZip).
 */
export async function readRoundTripXlsx(
  file: { fd: number; size: number },
  handler: RoundTripSheetHandler,
  onRows: ((rows: number) => Promise<void> | void) | undefined,
  inflatedLimit: number
): Promise<XlsxReadResult> {
  const archive = new XlsxArchive(new ZipFile(file.fd, file.size), inflatedLimit);
  const workbook = await readWorkbook(archive);
  if (workbook === null) throw new NotAZip('it has no workbook part (xl/workbook.xml)');
  const sheets = workbook.sheets.map((s) => s.name);
  const context: CellContext = { sharedStrings: new SharedStrings(), dateStyles: await readDateStyles(archive, workbook.styles), date1904: workbook.date1904 };
  const part = (sheet: { name: string; part: string | null }): string => {
    if (sheet.part === null || !archive.has(sheet.part)) throw new NotAZip(`its sheet "${sheet.name}" has no part in the archive`);
    return sheet.part;
  };
  const identitySheet = workbook.sheets.find((s) => s.name === SHEET_NAMES.identity);
  if (identitySheet === undefined) return { identity: null, sheets };
  context.sharedStrings = await readSharedStrings(archive, workbook.sharedStrings);
  const identityItems = new Map<string, ReadCell['value']>();
  await readSheetRows(archive, part(identitySheet), context, (_, cells) => {
    const [label, value] = [cells[1], cells[2]];
    if (typeof label?.value === 'string') identityItems.set(label.value, value?.value ?? null);
  });
  const identity = identityOf(identityItems);
  if (identity === null) return { identity, sheets };
  let rows = 0;
  let reported = 0;
  const report = async () => {
    if (rows - reported < ROWS_PER_REPORT) return;
    reported = rows;
    await onRows?.(rows);
  };
  for (const sheet of workbook.sheets) {
    const table = tableOf(sheet.name);
    if (table === null) continue;
    let sawHeader = false;
    await readSheetRows(
      archive,
      part(sheet),
      context,
      (number, cells) => {
        if (!sawHeader) {
          sawHeader = true;
          const read = handler.header(table, sheet.name, number === 1 ? cells : null);
          if (number === 1) return read ?? undefined;
        }
        handler.row(table, { sheet: sheet.name, row: number, cells });
        rows += 1;
        return undefined;
      },
      report
    );
    if (!sawHeader) handler.header(table, sheet.name, null);
  }
  await onRows?.(rows);
  return { identity, sheets };
}

/**
 * The Demarc export identity of an xlsx, or null. A workbook without an identity sheet is known
 * from its sheet list at the first sheet, so an inventory is not read through.
 */
export async function readRoundTripIdentity(input: Readable): Promise<RoundTripIdentity | null> {
  const items = new Map<string, ReadCell['value']>();
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { ...READER_OPTIONS, styles: 'ignore' });
  for await (const worksheet of reader) {
    const listed = (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets;
    if (listed && !listed.some((sheet) => sheet.name === SHEET_NAMES.identity)) return null;
    const name = (worksheet as unknown as { name?: string }).name ?? '';
    for await (const row of worksheet) {
      if (name !== SHEET_NAMES.identity) continue;
      const [label, value] = cellsOf(row.values).slice(1, 3);
      if (typeof label?.value === 'string') items.set(label.value, value?.value ?? null);
    }
  }
  return identityOf(items);
}
