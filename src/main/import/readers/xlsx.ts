/**
 * Excel workbooks (.xlsx): the chosen sheet, or the first one. The first non-empty row is the
 * header; the mapping is given or suggested like a generic CSV. Cells are read as text:
 * a formula gives its cached result and is never evaluated; dates become ISO 8601.
 * Azure Resource Inventory writes one sheet per resource type and no type column, so a sheet
 * without a mapped type takes its type from the sheet name through the display-name resolver.
 */
// Default import: exceljs is CommonJS and Node's ESM loader cannot see its named exports.
import type { CellValue, Worksheet } from 'exceljs';
import { loadExcelJs } from '../../export/exceljs-load';
import { failedRead, type ReaderContext, type ReaderOutput } from '../reader-types';
import { readTable, requireNameColumn, type TableRecord, type TableShape } from '../table';
import { suggestMapping } from '../mapping';
import { genericSpec } from './generic-csv';
import { inflationMessage, inflationOverrun } from '../zip-size';

/**
 * The most XML an .xlsx may inflate to: a 100,000-row inventory of twenty columns is well under
 * it; past it exceljs would hold the whole of it, and its parse, in memory.
 */
export const XLSX_INFLATED_LIMIT = 512 * 1024 * 1024;

function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A cell's value as text. Errors (#N/A) read as empty. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? ''
      : cellText(result);
  }
  return '';
}

/** Cell texts of a row, at least `width` long (a short row just has empty trailing cells). */
function rowFields(sheet: Worksheet, rowNumber: number, width = 0): string[] {
  const row = sheet.getRow(rowNumber);
  const fields: string[] = [];
  for (let c = 1; c <= Math.max(width, row.cellCount); c++) fields.push(cellText(row.getCell(c).value));
  while (fields.length > width && fields[fields.length - 1]?.trim() === '') fields.pop();
  return fields;
}

function* sheetRecords(sheet: Worksheet, from: number, width: number): Generator<TableRecord> {
  for (let r = from; r <= sheet.rowCount; r++) yield { line: r, fields: rowFields(sheet, r, width) };
}

/**
 * A sheet that cannot be read as a table (an overview or cover sheet, typically the first) is
 * rarely the one the user meant: its refusal lists the other sheets and how to pick one.
 */
function withSheetHint(out: ReaderOutput, sheetName: string, sheets: readonly string[]): ReaderOutput {
  const others = sheets.filter((s) => s !== sheetName);
  if (out.complete || others.length === 0) return out;
  const hint =
    ` This was sheet "${sheetName}"; the workbook also has ${others.map((s) => `"${s}"`).join(', ')}. ` +
    'Choose the sheet to read: demarc import --sheet NAME, or the Sheet list in the import preview.';
  return { ...out, errors: out.errors.map((e, i) => (i === 0 ? { ...e, message: `${e.message}${hint}` } : e)) };
}

/**
 * Read one sheet of an .xlsx workbook (`fileName` names it in a refusal).
 * @throws the signal's reason when aborted
 */
export async function readXlsx(
  bytes: Buffer,
  sheetName: string | undefined,
  ctx: ReaderContext,
  fileName = 'The workbook'
): Promise<ReaderOutput> {
  const overrun = await inflationOverrun(bytes, XLSX_INFLATED_LIMIT);
  if (overrun !== null) {
    return failedRead({ line: 0, field: null, message: inflationMessage(fileName, overrun, XLSX_INFLATED_LIMIT, 'export fewer rows per file, or CSV') });
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failedRead({ line: 0, field: null, message: `The workbook could not be opened: ${reason}` });
  }
  const sheets = workbook.worksheets.map((s) => s.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    const message =
      sheetName === undefined
        ? 'The workbook has no sheets'
        : `No sheet "${sheetName}" (sheets: ${sheets.join(', ')})`;
    return failedRead({ line: 0, field: null, message }, { sheets });
  }
  if (sheetName === undefined && sheets.length > 1) {
    ctx.warnings.file(
      `The workbook has ${sheets.length} sheets; read "${sheet.name}". Choose a sheet to read another one.`
    );
  }
  let headerRow = 1;
  while (headerRow <= sheet.rowCount && rowFields(sheet, headerRow).every((f) => f.trim() === ''))
    headerRow++;
  if (headerRow > sheet.rowCount) {
    return failedRead(
      { line: 1, field: null, message: `Sheet "${sheet.name}" is empty: no header row` },
      { sheets, sheet: sheet.name }
    );
  }
  const sheetType = ctx.resolveDisplayType(sheet.name);
  const shape: TableShape = {
    format: 'xlsx',
    suggest: suggestMapping,
    check: requireNameColumn,
    spec(columns, mapping) {
      const spec = genericSpec('xlsx', columns, mapping, ctx);
      if (mapping.type !== undefined || sheetType === null) return spec;
      return {
        ...spec,
        finish: (row) => {
          if (row.type === null) row.type = sheetType;
        }
      };
    }
  };
  const header: TableRecord = { line: headerRow, fields: rowFields(sheet, headerRow) };
  const out = await readTable(
    { header, records: sheetRecords(sheet, headerRow + 1, header.fields.length) },
    shape,
    ctx
  );
  return { ...withSheetHint(out, sheet.name, sheets), sheets, sheet: sheet.name };
}
