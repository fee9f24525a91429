/**
 * Editing an exported RACI workbook the way a participant does, with exceljs as the client: find a
 * row by asset id (and layer title on the RACI sheet), a column by its header, and type a value.
 */
import ExcelJS from 'exceljs';

export interface CellEdit {
  sheet: 'RACI' | 'Matrix';
  assetId: number;
  /** The layer's title (RACI sheet only). */
  layer?: string;
  header: string;
  value: ExcelJS.CellValue;
}

/** The sheet's column of `header` (1-based). */
export function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const row = sheet.getRow(1);
  for (let c = 1; c <= sheet.columnCount; c += 1) if (row.getCell(c).value === header) return c;
  throw new Error(`no column "${header}" on ${sheet.name}`);
}

/** The row of an asset (and layer) on a sheet. */
export function rowOf(sheet: ExcelJS.Worksheet, assetId: number, layer?: string): number {
  const idColumn = columnOf(sheet, 'Asset id');
  const layerColumn = layer === undefined ? 0 : columnOf(sheet, 'Layer');
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    if (row.getCell(idColumn).value === assetId && (layer === undefined || row.getCell(layerColumn).value === layer)) return r;
  }
  throw new Error(`no row for asset ${assetId}${layer ? ` / ${layer}` : ''} on ${sheet.name}`);
}

/** Applies `edits` to the workbook at `from` and saves it at `to`; returns each edit's cell (`RACI!G12`). */
export async function editExport(from: string, to: string, edits: readonly CellEdit[], more?: (wb: ExcelJS.Workbook) => void): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  const refs = edits.map((edit) => {
    const sheet = workbook.getWorksheet(edit.sheet);
    if (!sheet) throw new Error(`no sheet ${edit.sheet}`);
    const cell = sheet.getRow(rowOf(sheet, edit.assetId, edit.layer)).getCell(columnOf(sheet, edit.header));
    cell.value = edit.value;
    return `${edit.sheet}!${cell.address}`;
  });
  more?.(workbook);
  await workbook.xlsx.writeFile(to);
  return refs;
}
