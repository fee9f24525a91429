/**
 * The three pieces of exceljs 4.4's streaming writer that its typings leave out. Each accessor
 * checks the shape at run time, so an exceljs upgrade that moves them fails loudly here instead of
 * silently writing a poorer workbook; the read-back tests cover what each one is used for.
 */
import type { DataValidation, Worksheet, stream } from 'exceljs';
import type { StyleManager } from './xlsx-styles';

/** The archiver instance the streaming writer zips into. */
export interface ZipArchive {
  append(source: string, data: { name: string }): unknown;
  abort(): unknown;
}

/** A worksheet's data-validation map: a range address ("G2:G900") → one rule. */
export interface SheetValidations {
  add(address: string, validation: DataValidation): unknown;
}

interface WriterInternals {
  zip?: Partial<ZipArchive>;
  styles?: Partial<StyleManager>;
}

/** The zip archive and style manager of a streaming workbook writer. */
export function writerInternals(workbook: stream.xlsx.WorkbookWriter): {
  zip: ZipArchive;
  styles: StyleManager;
} {
  const { zip, styles } = workbook as unknown as WriterInternals;
  if (typeof zip?.append !== 'function' || typeof zip.abort !== 'function') {
    throw new Error('exceljs streaming writer: zip archive not found (exceljs version changed?)');
  }
  if (typeof styles?.addStyleModel !== 'function') {
    throw new Error('exceljs streaming writer: style manager not found (exceljs version changed?)');
  }
  return { zip: zip as ZipArchive, styles: styles as StyleManager };
}

/**
 * A streamed worksheet's data validations. The streaming writer keeps them in a map written at
 * commit; adding one rule per column range (rather than `cell.dataValidation` per cell) keeps a
 * million-row sheet's rules to a handful of `<dataValidation sqref="G2:G1048576">` elements.
 */
export function sheetValidations(worksheet: Worksheet): SheetValidations {
  const { dataValidations } = worksheet as unknown as { dataValidations?: Partial<SheetValidations> };
  if (typeof dataValidations?.add !== 'function') {
    throw new Error('exceljs streaming worksheet: dataValidations not found (exceljs version changed?)');
  }
  return dataValidations as SheetValidations;
}
