/**
 * What the framework workbooks (CCM/CAIQ, FedRAMP CIS/CRM) share: a small exceljs Workbook (a few
 * hundred rows: no need for the streaming writer) with fixed document properties, text cells made
 * exact (OOXML escapes, line breaks, Excel's cell limit), and the atomic temp-file + rename write.
 */
import type { Style, Workbook, Worksheet } from 'exceljs';
import { escapeOoxmlText, normaliseLineBreaks, truncateCellText } from '@core/spreadsheet-safe';
import { writeFileAtomically, type AtomicWriteResult } from './atomic-file';
import { loadExcelJs } from './exceljs-load';
import { HEADER_STYLE, WRAP_STYLE } from './xlsx-styles';

export { HEADER_STYLE, WRAP_STYLE };

/** A text cell as written: line breaks normalised, within Excel's limit, `_xHHHH_` escaped. */
export function cellValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return escapeOoxmlText(truncateCellText(normaliseLineBreaks(value)));
}

/** A new workbook whose properties say what it is and when (the export's instant, not the clock). */
export async function newWorkbook(props: { title: string; subject: string; company: string; exportedAt: string; exportedBy: string }): Promise<Workbook> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.title = props.title;
  workbook.subject = props.subject;
  workbook.company = props.company;
  workbook.creator = 'Demarc';
  workbook.lastModifiedBy = props.exportedBy;
  workbook.created = new Date(props.exportedAt);
  workbook.modified = new Date(props.exportedAt);
  return workbook;
}

/** Bold title, wrapped bold label column: a sheet of label/value lines (Introduction, Instructions). */
export function writeLines(sheet: Worksheet, startRow: number, lines: readonly [string, string][]): number {
  let row = startRow;
  for (const [label, value] of lines) {
    const r = sheet.getRow(row);
    r.getCell(1).value = cellValue(label);
    r.getCell(1).font = { bold: true };
    r.getCell(1).alignment = { vertical: 'top' };
    r.getCell(2).value = cellValue(value);
    r.getCell(2).alignment = WRAP_STYLE.alignment as Style['alignment'];
    const lines = value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / 95)), 0);
    if (lines > 1) r.height = Math.min(409, lines * 15);
    row += 1;
  }
  return row;
}

/** Page setup for printing: A4 landscape, fit to width, the header rows repeated. */
export function printSetup(sheet: Worksheet, titleRows: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows
  };
}

/** Writes the workbook to `path` atomically; nothing is left behind when `signal` aborts. */
export async function saveWorkbook(workbook: Workbook, path: string, signal: AbortSignal | undefined): Promise<AtomicWriteResult> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  signal?.throwIfAborted();
  return writeFileAtomically(path, signal, (sink) => {
    sink.end(bytes);
    return Promise.resolve();
  });
}
