/**
 * The CSA CCM v4 SSRM / CAIQ v4.0.3 workbook: an Introduction in our own words, and the
 * `CAIQv4.0.3` sheet exactly as CSA lays it out (see core/frameworks/caiq-model.ts): header on
 * row 2, questions from row 3, the hidden empty columns G and H, CCM control columns merged over
 * each control's questions and the domain title over its domain, CSA's value lists as drop-downs.
 */
import type { CaiqSheetModel } from '@core/frameworks/caiq-model';
import type { AtomicWriteResult } from './atomic-file';
import { HEADER_STYLE, WRAP_STYLE, cellValue, newWorkbook, printSetup, saveWorkbook, writeLines } from './framework-xlsx';
import { sheetValidations } from './exceljs-internals';
import { columnLetter } from './xlsx-sheet';

const WIDTHS = [12, 60, 12, 24, 50, 70, 0, 0, 12, 50, 34, 34];
const WRAPPED = new Set([1, 4, 5, 9, 10, 11]);

export interface CaiqWorkbook {
  sheet: CaiqSheetModel;
  introduction: { title: string; lines: [string, string][] };
  organisation: string;
  exportedAt: string;
  exportedBy: string;
}

/** Writes the CAIQ workbook to `path` (atomically). */
export async function writeCaiqWorkbook(content: CaiqWorkbook, path: string, signal?: AbortSignal): Promise<AtomicWriteResult & { sheets: string[] }> {
  const { sheet: model } = content;
  const workbook = await newWorkbook({
    title: model.title,
    subject: 'CSA CCM v4 shared security responsibility (CAIQ v4.0.3 layout)',
    company: content.organisation,
    exportedAt: content.exportedAt,
    exportedBy: content.exportedBy
  });
  const intro = workbook.addWorksheet('Introduction');
  intro.columns = [{ width: 28 }, { width: 100 }];
  intro.getCell('A1').value = cellValue(content.introduction.title);
  intro.getCell('A1').font = { bold: true, size: 14 };
  writeLines(intro, 3, content.introduction.lines);

  const sheet = workbook.addWorksheet(model.sheetName, { views: [{ state: 'frozen', xSplit: 1, ySplit: model.headerRow }] });
  sheet.columns = WIDTHS.map((width, i) => ({ width: width || 9, hidden: width === 0 || model.hiddenColumns.includes(columnLetter(i + 1)) }));
  sheet.getCell('A1').value = cellValue(model.title);
  sheet.getCell('A1').font = { bold: true, size: 12 };
  const header = sheet.getRow(model.headerRow);
  model.header.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text === '' ? null : text;
    cell.style = HEADER_STYLE;
  });
  const first = model.headerRow + 1;
  model.rows.forEach((values, index) => {
    const row = sheet.getRow(first + index);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(value);
      cell.alignment = WRAPPED.has(i) ? (WRAP_STYLE.alignment ?? {}) : { vertical: 'top' };
    });
  });
  for (const [from, to] of model.controlSpans) {
    if (to > from) for (const column of ['I', 'J', 'K']) sheet.mergeCells(`${column}${first + from}:${column}${first + to}`);
  }
  for (const [from, to] of model.domainSpans) if (to > from) sheet.mergeCells(`L${first + from}:L${first + to}`);
  const last = first + model.rows.length - 1;
  const list = (values: readonly string[], title: string) => ({
    type: 'list' as const,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: title,
    error: `Choose one of: ${values.join(', ')}.`,
    formulae: [`"${values.join(',')}"`]
  });
  const validations = sheetValidations(sheet);
  validations.add(`C${first}:C${last}`, list(model.answerValues, 'CSP CAIQ Answer'));
  validations.add(`D${first}:D${last}`, list(model.ownershipValues, 'SSRM Control Ownership'));
  sheet.autoFilter = `A${model.headerRow}:${columnLetter(model.header.length)}${last}`;
  printSetup(sheet, `${model.headerRow}:${model.headerRow}`);
  const written = await saveWorkbook(workbook, path, signal);
  return { ...written, sheets: ['Introduction', model.sheetName] };
}
