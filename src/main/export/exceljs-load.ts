/**
 * exceljs, loaded when a command first reads or writes an xlsx. Loading it costs about 0.4 s of
 * CPU — most of what `demarc --version` cost — and a static import is hoisted to the top of the
 * CLI bundle (and the app's main), so every command paid it, a `demarc check` as much as an
 * export. The files that use exceljs's values import only its types statically and await this;
 * Node's module cache makes every call after the first cheap.
 */
import type ExcelJSModule from 'exceljs';

export type ExcelJs = typeof ExcelJSModule;

export async function loadExcelJs(): Promise<ExcelJs> {
  return (await import('exceljs')).default;
}

/** exceljs's cell renderer (not in its typings; xlsx-inline-strings.ts swaps it per row). */
export async function loadCellXform(): Promise<{ prototype: object }> {
  return (await import('exceljs/lib/xlsx/xform/sheet/cell-xform.js')).default;
}

/** exceljs's XML text escaping (not in its typings; xlsx-inline-strings.ts writes text with it). */
export async function loadXmlEncode(): Promise<(text: string) => string> {
  const { xmlEncode } = (await import('exceljs/lib/utils/utils.js')).default;
  if (typeof xmlEncode !== 'function') throw new Error('exceljs: text escaping not found (exceljs version changed?)');
  return xmlEncode;
}
