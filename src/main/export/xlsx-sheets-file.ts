/**
 * A small xlsx of a few sheets of the row model, on their own (the comparison of two dates saved
 * from Audit › Compare or `demarc diff --out`): the same sheet writer as the audit workbook (header
 * style, frozen header, autofilter, wrapping, continuation past Excel's row limit), streamed into
 * a temp file that is renamed into place when complete.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExportSheet } from '@core/export-model';
import { writeFileAtomically } from './atomic-file';
import { loadExcelJs } from './exceljs-load';
import { EXCEL_MAX_ROWS, writeSheet } from './xlsx-sheet';

export async function writeSheetsXlsx(path: string, sheets: readonly ExportSheet[], properties: { title: string; creator: string; created: string }): Promise<{ sheets: string[]; sha256: string }> {
  const names: string[] = [];
  const ExcelJS = await loadExcelJs();
  const file = await writeFileAtomically(path, undefined, async (sink) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
    workbook.title = properties.title;
    workbook.creator = properties.creator;
    workbook.lastModifiedBy = properties.creator;
    workbook.created = new Date(properties.created);
    workbook.modified = new Date(properties.created);
    const taken = new Set<string>();
    for (const sheet of sheets) {
      names.push(
        ...(await writeSheet(sheet, {
          workbook,
          taken,
          maxRowsPerSheet: EXCEL_MAX_ROWS,
          listRanges: { parties: null, responsibilities: null },
          // Let the zip compress between batches of rows.
          tick: () => nextTurn()
        }))
      );
    }
    await workbook.commit();
  });
  return { sheets: names, sha256: file.sha256 };
}
