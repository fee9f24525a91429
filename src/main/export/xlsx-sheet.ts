/**
 * Streams one sheet of the row model into an exceljs streaming workbook: header, rows, styles by
 * column flag, and the per-sheet furniture (frozen header, autofilter, print setup, validations).
 * A sheet longer than Excel allows continues on "Name (2)", "Name (3)"... with the header repeated.
 */
import type { DataValidation, Row, Worksheet, stream } from 'exceljs';
import type { ExportCell, ExportListName, ExportSheet } from '@core/export-model';
import { escapeOoxmlText, safeSheetName } from '@core/spreadsheet-safe';
import { sheetValidations } from './exceljs-internals';
import { writeTextInline } from './xlsx-inline-strings';
import { HEADER_STYLE, RESPONSIBILITY_STYLES, TOP_STYLE, WRAP_STYLE } from './xlsx-styles';

/** Excel's row limit, header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

export interface SheetWriteContext {
  workbook: stream.xlsx.WorkbookWriter;
  /** Sheet names already used in the workbook (updated as parts are added). */
  taken: Set<string>;
  /** Rows per sheet, header included. */
  maxRowsPerSheet: number;
  listRanges: Record<ExportListName, string | null>;
  /**
   * Called every few hundred rows with the rows written since the last call and the sheet being
   * written: progress, yield to the zip, abort.
   */
  tick: (rows: number, worksheet: Worksheet) => Promise<void>;
  /** Called once per sheet, on its first part, after its last row and before it is committed. */
  beforeCommit?: (worksheet: Worksheet, lastRow: number) => void;
  /** Called with every data row as it is written (the content hash). */
  onRow?: ((row: readonly ExportCell[]) => void) | undefined;
}

/**
 * Rows between two ticks. The zip compresses one 64 KB chunk per turn of the event loop (each
 * chunk's completion needs the main thread), so a tick should produce less XML than that: about
 * 128 rows. Larger ticks make the zip fall behind and the writer wait.
 */
const ROWS_PER_TICK = 128;

const LIST_RULES: Record<ExportListName, Omit<DataValidation, 'formulae'>> = {
  // A warning, not a stop: a cell may name several parties ("A; B"), which no list can hold.
  parties: {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Unknown party',
    error: 'This name is not in the workbook party list. Separate several names with "; ".'
  },
  responsibilities: {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Responsibility',
    error: 'Choose provider, customer, shared or unknown.'
  }
};

/** Points per line of 11-point text; Excel's default row height. */
const LINE_HEIGHT = 15;
/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a wrapped text needs in a column of `width` characters. Neither Excel nor LibreOffice
 * re-measures rows when it opens a file, so a wrapped cell without a row height shows one line.
 */
export function wrappedLines(value: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const segment of value.split('\n')) lines += Math.max(1, Math.ceil(segment.length / perLine));
  return lines;
}

function rowHeight(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/** The row with `_xHHHH_` sequences escaped; the same array when nothing needs it (almost always). */
function ooxmlRow(values: ExportCell[]): ExportCell[] {
  let escaped: ExportCell[] | null = null;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (typeof value !== 'string' || !value.includes('_x')) continue;
    const safe = escapeOoxmlText(value);
    if (safe === value) continue;
    escaped ??= [...values];
    escaped[i] = safe;
  }
  return escaped ?? values;
}

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

async function openPart(sheet: ExportSheet, name: string, ctx: SheetWriteContext): Promise<Worksheet> {
  const frozenColumns = sheet.frozenColumns ?? 0;
  const worksheet = ctx.workbook.addWorksheet(name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views: [
      {
        state: 'frozen',
        xSplit: frozenColumns,
        ySplit: 1,
        topLeftCell: `${columnLetter(frozenColumns + 1)}2`
      }
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
    },
    headerFooter: { oddHeader: '&L&A', oddFooter: '&L&F&RPage &P of &N' }
  });
  await writeTextInline(worksheet);
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width }));
  const header = worksheet.addRow(sheet.columns.map((column) => escapeOoxmlText(column.header)));
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  const headerLines = Math.max(...sheet.columns.map((c) => wrappedLines(c.header, c.width)));
  if (headerLines > 1) header.height = rowHeight(headerLines);
  header.commit();
  return worksheet;
}

function closePart(sheet: ExportSheet, worksheet: Worksheet, dataRows: number, ctx: SheetWriteContext, firstPart: boolean): void {
  const lastRow = dataRows + 1;
  const lastColumn = columnLetter(sheet.columns.length);
  worksheet.autoFilter = `A1:${lastColumn}${lastRow}`;
  if (dataRows > 0) {
    const validations = sheetValidations(worksheet);
    sheet.columns.forEach((column, i) => {
      const range = column.list ? ctx.listRanges[column.list] : null;
      if (!column.list || !range) return;
      const letter = columnLetter(i + 1);
      validations.add(`${letter}2:${letter}${lastRow}`, { ...LIST_RULES[column.list], formulae: [range] });
    });
  }
  if (firstPart) ctx.beforeCommit?.(worksheet, lastRow);
  worksheet.commit();
}

/** A sheet's columns by how their cells are styled (indexes from 0). */
interface ColumnStyles {
  fill: number[];
  wrap: number[];
  /** Neither filled nor wrapped: top-aligned in a tall row. */
  plain: number[];
}

function columnStyles(sheet: ExportSheet): ColumnStyles {
  const styles: ColumnStyles = { fill: [], wrap: [], plain: [] };
  sheet.columns.forEach((c, i) => {
    if (c.responsibilityFill) styles.fill.push(i);
    if (c.wrap) styles.wrap.push(i);
    if (!c.responsibilityFill && !c.wrap) styles.plain.push(i);
  });
  return styles;
}

function styleRow(row: Row, values: ExportCell[], sheet: ExportSheet, { fill: fillColumns, wrap: wrapColumns, plain }: ColumnStyles): void {
  for (const i of fillColumns) {
    const value = values[i];
    const style = typeof value === 'string' ? RESPONSIBILITY_STYLES.get(value) : undefined;
    if (style) row.getCell(i + 1).style = style;
  }
  let lines = 1;
  for (const i of wrapColumns) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    row.getCell(i + 1).style = WRAP_STYLE;
    if (typeof value === 'string')
      lines = Math.max(lines, wrappedLines(value, sheet.columns[i]?.width ?? 10));
  }
  if (lines > 1) {
    row.height = rowHeight(lines);
    // In a tall row, bottom-aligned neighbours would sit beside the next row's text: an auditor
    // would read the justification as belonging to the row below. Top-align the whole row.
    for (const i of plain) if (i < values.length) row.getCell(i + 1).style = TOP_STYLE;
  }
  row.commit();
}

/** Writes a sheet (in as many parts as the row limit needs) and returns the names of its parts. */
export async function writeSheet(sheet: ExportSheet, ctx: SheetWriteContext): Promise<string[]> {
  const rowsPerPart = Math.max(1, ctx.maxRowsPerSheet - 1);
  const styles = columnStyles(sheet);
  const names = [safeSheetName(sheet.name, ctx.taken)];
  let worksheet = await openPart(sheet, names[0] ?? sheet.name, ctx);
  let inPart = 0;
  let sinceTick = 0;
  for (const values of sheet.rows()) {
    if (inPart === rowsPerPart) {
      closePart(sheet, worksheet, inPart, ctx, names.length === 1);
      const name = safeSheetName(`${sheet.name} (${names.length + 1})`, ctx.taken);
      names.push(name);
      worksheet = await openPart(sheet, name, ctx);
      inPart = 0;
    }
    ctx.onRow?.(values);
    styleRow(worksheet.addRow(ooxmlRow(values)), values, sheet, styles);
    inPart += 1;
    sinceTick += 1;
    if (sinceTick === ROWS_PER_TICK) {
      await ctx.tick(sinceTick, worksheet);
      sinceTick = 0;
    }
  }
  closePart(sheet, worksheet, inPart, ctx, names.length === 1);
  await ctx.tick(sinceTick, worksheet);
  return names;
}
