/**
 * The FedRAMP Rev5 SSP Appendix J CIS/CRM workbook for one baseline: Instructions (the template's
 * system labels on row 4 and revision labels on row 8, then how Demarc derived the sheets), the
 * `<Baseline> CIS Worksheet` (two header rows, merged as the template merges them) and the
 * `<Baseline> CRM Worksheet` (header on the template's row for that baseline; Yes/Partial/No as a
 * drop-down). Strings come from resources/frameworks/fedramp-rev5-cis-crm.json, double spaces kept.
 */
import { FEDRAMP_LAYOUT } from '@core/frameworks/catalogues';
import type { FedrampSheets } from '@core/frameworks/fedramp-model';
import type { AtomicWriteResult } from './atomic-file';
import { sheetValidations } from './exceljs-internals';
import { HEADER_STYLE, WRAP_STYLE, cellValue, newWorkbook, printSetup, saveWorkbook, writeLines } from './framework-xlsx';

export interface FedrampWorkbook {
  sheets: FedrampSheets;
  /** Row 5 under the template's row-4 labels: CSP, System Name, System Identifier, Impact Level. */
  systemInfo: [string, string, string, string];
  /** Row 9 under the row-8 labels: Date, Description, Version, Author. */
  revision: [string, string, string, string];
  /** How the sheets were derived, and the export's facts. */
  lines: [string, string][];
  guidance: string;
  organisation: string;
  exportedAt: string;
  exportedBy: string;
}

const CENTER = { vertical: 'top', horizontal: 'center' } as const;

function styleHeader(cells: { style: unknown }[]): void {
  for (const cell of cells) cell.style = HEADER_STYLE;
}

/** Writes the CIS/CRM workbook to `path` (atomically). */
export async function writeFedrampWorkbook(content: FedrampWorkbook, path: string, signal?: AbortSignal): Promise<AtomicWriteResult & { sheets: string[] }> {
  const { baseline, cis, crm } = content.sheets;
  const workbook = await newWorkbook({
    title: `FedRAMP ${baseline.name} CIS and CRM: ${content.organisation}`,
    subject: 'FedRAMP Rev5 SSP Appendix J CIS and CRM workbook',
    company: content.organisation,
    exportedAt: content.exportedAt,
    exportedBy: content.exportedBy
  });

  const instructions = workbook.addWorksheet(FEDRAMP_LAYOUT.instructions.name);
  instructions.columns = [{ width: 28 }, { width: 60 }, { width: 30 }, { width: 24 }];
  instructions.getCell('A1').value = `FedRAMP ${baseline.name} Control Implementation Summary (CIS) and Customer Responsibility Matrix (CRM) Workbook`;
  instructions.getCell('A1').font = { bold: true, size: 14 };
  const labelRows: [number, readonly string[], readonly string[]][] = [
    [4, FEDRAMP_LAYOUT.instructions.system_info_labels_row4, content.systemInfo],
    [8, FEDRAMP_LAYOUT.instructions.revision_history_labels_row8, content.revision]
  ];
  for (const [row, labels, values] of labelRows) {
    labels.forEach((label, i) => {
      instructions.getRow(row).getCell(i + 1).value = label;
      instructions.getRow(row).getCell(i + 1).style = HEADER_STYLE;
      instructions.getRow(row + 1).getCell(i + 1).value = cellValue(values[i]);
      instructions.getRow(row + 1).getCell(i + 1).alignment = WRAP_STYLE.alignment ?? {};
    });
  }
  sheetValidations(instructions).add('D5', {
    type: 'list',
    allowBlank: true,
    formulae: [`"${FEDRAMP_LAYOUT.instructions.impact_level_dropdown.join(',')}"`]
  });
  writeLines(instructions, 12, content.lines);

  const cisSheet = workbook.addWorksheet(baseline.cisSheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: baseline.cisFirstDataRow - 1 }] });
  cisSheet.columns = FEDRAMP_LAYOUT.cisColumns.map((_, i) => ({ width: i === 0 ? 16 : 15 }));
  cisSheet.getCell('A1').value = baseline.cisTitle;
  cisSheet.getCell('A1').font = { bold: true, size: 12 };
  cisSheet.mergeCells('A1:M1');
  for (const [column, text] of Object.entries(FEDRAMP_LAYOUT.cisHeaderRow2)) cisSheet.getCell(`${column}2`).value = text;
  FEDRAMP_LAYOUT.cisColumns.forEach((text, i) => {
    if (i > 0) cisSheet.getRow(3).getCell(i + 1).value = text;
  });
  styleHeader([...Array.from({ length: 13 }, (_, i) => cisSheet.getRow(2).getCell(i + 1)), ...Array.from({ length: 13 }, (_, i) => cisSheet.getRow(3).getCell(i + 1))]);
  cisSheet.getRow(3).height = 60;
  cisSheet.mergeCells('A2:A3');
  cisSheet.mergeCells('B2:F2');
  cisSheet.mergeCells('G2:M2');
  cis.forEach((values, index) => {
    const row = cisSheet.getRow(baseline.cisFirstDataRow + index);
    values.forEach((value, i) => {
      row.getCell(i + 1).value = cellValue(value);
      if (i > 0) row.getCell(i + 1).alignment = CENTER;
    });
  });
  printSetup(cisSheet, `2:3`);

  const crmSheet = workbook.addWorksheet(baseline.crmSheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: baseline.crmHeaderRow }] });
  crmSheet.columns = [{ width: 16 }, { width: 16 }, { width: 100 }];
  crmSheet.getCell('A1').value = baseline.crmTitle;
  crmSheet.getCell('A1').font = { bold: true, size: 12 };
  crmSheet.mergeCells('A1:C1');
  crmSheet.getCell('A2').value = cellValue(content.guidance);
  crmSheet.getCell('A2').alignment = WRAP_STYLE.alignment ?? {};
  crmSheet.getRow(2).height = 120;
  crmSheet.mergeCells('A2:C2');
  FEDRAMP_LAYOUT.crmHeader.forEach((text, i) => (crmSheet.getRow(baseline.crmHeaderRow).getCell(i + 1).value = text));
  styleHeader([1, 2, 3].map((i) => crmSheet.getRow(baseline.crmHeaderRow).getCell(i)));
  crm.forEach((values, index) => {
    const row = crmSheet.getRow(baseline.crmFirstDataRow + index);
    values.forEach((value, i) => {
      row.getCell(i + 1).value = cellValue(value);
      row.getCell(i + 1).alignment = i === 2 ? (WRAP_STYLE.alignment ?? {}) : { vertical: 'top' };
    });
    const text = values[2] ?? '';
    const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / 95)), 0);
    if (lines > 1) row.height = Math.min(409, lines * 15);
  });
  const last = baseline.crmFirstDataRow + crm.length - 1;
  sheetValidations(crmSheet).add(`B${baseline.crmFirstDataRow}:B${last}`, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: FEDRAMP_LAYOUT.crmHeader[1] ?? 'Can Be Inherited from CSP',
    error: `Choose ${FEDRAMP_LAYOUT.canBeInherited.join(', ')}.`,
    formulae: [FEDRAMP_LAYOUT.canBeInheritedFormula]
  });
  crmSheet.autoFilter = `A${baseline.crmHeaderRow}:C${last}`;
  printSetup(crmSheet, `${baseline.crmHeaderRow}:${baseline.crmHeaderRow}`);

  const written = await saveWorkbook(workbook, path, signal);
  return { ...written, sheets: [instructions.name, cisSheet.name, crmSheet.name] };
}
