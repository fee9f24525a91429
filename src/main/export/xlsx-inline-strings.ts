/**
 * Text cells written inline (`<c t="inlineStr"><is><t>…</t></is></c>`) instead of through a
 * shared-strings table. A 100k-asset export holds hundreds of thousands of distinct strings
 * (names, tags, findings); exceljs keeps every one of them, with its index, until the workbook
 * is committed — about 150 MB of the export's peak. Inline, each string leaves with its row.
 *
 * exceljs's streaming writer without shared strings writes text as `t="str"`, the type of a
 * formula's cached text: Excel and LibreOffice show it, but exceljs's own reader decodes its
 * entities twice (a cell reading `&amp;` comes back as `&`) and leading or trailing spaces have
 * no `xml:space="preserve"`. So for the worksheets this module is given, text is rendered as an
 * inline string, the form the standard defines for it: the same element and whitespace rule as
 * the shared-strings table and exceljs's own rich text, read back as plain strings by exceljs,
 * Excel and LibreOffice. Every other cell (numbers, styles only) goes through exceljs unchanged.
 */
import type { ValueType, Worksheet } from 'exceljs';
import { loadCellXform, loadExcelJs, loadXmlEncode } from './exceljs-load';

/** The part of exceljs's XmlStream a cell is rendered into. */
interface XmlStream {
  /** Appends markup as it is, after closing the open parent's start tag. */
  writeXml(xml: string): void;
}

/** A cell's model as exceljs renders it. */
interface CellModel {
  address: string;
  type: ValueType;
  value?: unknown;
  styleId?: number;
  ssId?: number;
}

type Render = (this: unknown, xmlStream: XmlStream, model: CellModel) => void;

/** A whitespace character as a regular expression's `\s` means it. */
const SPACE = /\s/;

function isSpace(code: number): boolean {
  // ASCII answered by code (almost every cell's ends), the rest by `\s` itself.
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return SPACE.test(String.fromCharCode(code));
}

/**
 * Leading or trailing whitespace, or a line break: kept only with xml:space="preserve". The same
 * answer as /^\s|\n|\s$/ (tested), looked up by character code: a regular expression per text
 * cell cost a few percent of a million-row sheet.
 */
export function needsPreserve(value: string): boolean {
  return value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)) || value.includes('\n'));
}

/**
 * Renders a text cell inline; any other cell as exceljs does (`exceljsRender`). The cell is one
 * piece of markup, what exceljs's node-by-node calls would write (a cell reference and a style id
 * need no escaping; the text goes through exceljs's own escaping, `xmlEncode`): a tenth of the
 * calls, and of the pieces the row's XML is joined from, on a million-row sheet.
 */
function inlineRenderer(exceljsRender: Render, stringType: ValueType, xmlEncode: (text: string) => string): Render {
  return function renderInline(this: unknown, xmlStream: XmlStream, model: CellModel): void {
    const { value } = model;
    if (model.type !== stringType || model.ssId !== undefined || typeof value !== 'string') {
      exceljsRender.call(this, xmlStream, model);
      return;
    }
    const style = model.styleId ? ` s="${model.styleId}"` : '';
    const space = needsPreserve(value) ? ' xml:space="preserve"' : '';
    xmlStream.writeXml(`<c r="${model.address}"${style} t="inlineStr"><is><t${space}>${xmlEncode(value)}</t></is></c>`);
  };
}

/**
 * Makes `worksheet` (of a streaming writer made with `useSharedStrings: false`) write its text
 * cells inline. exceljs renders a row synchronously inside the worksheet's `_writeRow`; the
 * renderer is swapped for that call only, so other workbooks in the process are not affected.
 */
export async function writeTextInline(worksheet: Worksheet): Promise<void> {
  const [{ ValueType }, CellXform, xmlEncode] = await Promise.all([loadExcelJs(), loadCellXform(), loadXmlEncode()]);
  const cellXform = CellXform.prototype as { render?: unknown };
  const exceljsRender = cellXform.render;
  const ws = worksheet as unknown as { _writeRow?: unknown; useSharedStrings?: unknown };
  const writeRow = ws._writeRow;
  if (typeof exceljsRender !== 'function' || typeof writeRow !== 'function') {
    throw new Error('exceljs streaming worksheet: row or cell renderer not found (exceljs version changed?)');
  }
  if (ws.useSharedStrings !== false) throw new Error('inline text needs a workbook written without shared strings');
  const renderInline = inlineRenderer(exceljsRender as Render, ValueType.String, xmlEncode);
  ws._writeRow = function (this: unknown, row: unknown): void {
    cellXform.render = renderInline;
    try {
      writeRow.call(this, row);
    } finally {
      cellXform.render = exceljsRender;
    }
  };
}
