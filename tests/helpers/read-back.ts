/** Reading exports back the way a client would: exceljs's (non-streaming) reader. */
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export type CellText = string | number | boolean | null;

/** A cell's value as plain data; formulas and rich text are reported, never hidden. */
export function plain(cell: ExcelJS.Cell): CellText {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return `<<${cell.type}:${JSON.stringify(value)}>>`;
}

/** Every row of a sheet as plain values, row 1 (header) first, each as wide as `width`. */
export function sheetRows(sheet: ExcelJS.Worksheet, width = sheet.columnCount): CellText[][] {
  const rows: CellText[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => plain(row.getCell(c + 1))));
  }
  return rows;
}

/** Every cell that holds something, in every sheet. */
export function everyCell(workbook: ExcelJS.Workbook): { sheet: string; cell: ExcelJS.Cell }[] {
  const cells: { sheet: string; cell: ExcelJS.Cell }[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => cells.push({ sheet: sheet.name, cell }));
    });
  });
  return cells;
}

/** Sheets by name, in workbook order. */
export function sheetNames(workbook: ExcelJS.Workbook): string[] {
  const names: string[] = [];
  workbook.eachSheet((sheet) => names.push(sheet.name));
  return names;
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** The cell-by-cell content and styles of a workbook, for comparisons. */
export function snapshot(workbook: ExcelJS.Workbook): unknown {
  const sheets: unknown[] = [];
  workbook.eachSheet((sheet) => {
    const cells: unknown[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell) =>
        cells.push([cell.address, cell.type, plain(cell), cell.style])
      );
      cells.push([r, row.height]);
    });
    sheets.push({
      name: sheet.name,
      state: sheet.state,
      views: sheet.views,
      autoFilter: sheet.autoFilter,
      pageSetup: sheet.pageSetup,
      headerFooter: sheet.headerFooter,
      columns: sheet.columns.map((c) => c.width),
      validations: (sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      cells
    });
  });
  const { title, subject, creator, lastModifiedBy, company, keywords, description, created, modified } =
    workbook;
  return {
    properties: {
      title,
      subject,
      creator,
      lastModifiedBy,
      company,
      keywords,
      description,
      created,
      modified
    },
    sheets
  };
}

/**
 * The text of every entry of a zip (xlsx) file, read with node:zlib from the central directory,
 * so assertions about the raw XML do not depend on exceljs's reader.
 */
export function zipEntries(path: string): Map<string, string> {
  return new Map([...zipBuffers(path)].map(([name, data]) => [name, data.toString('utf8')]));
}

/** The bytes of every entry of a zip (xlsx) file (images, and the XML as bytes). */
export function zipBuffers(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    entries.set(name.replace(/^\//, ''), method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
