/**
 * Pictures on a streamed sheet: each PNG on a page of its own after the sheet's rows, sized to fit
 * a landscape A4 page, with its description as alt text. exceljs 4.4's streaming writer has no
 * anchored images, so the drawing part (DrawingML, ECMA-376 part 1 §20.5) is written here and
 * wired in through exceljs-internals.ts.
 */
import type { Worksheet, stream } from 'exceljs';
import { escapeXml } from '@core/picture/svg-element';
import { addContentTypeOverrides, addWorkbookImage, sheetDrawingInternals, type ZipArchive } from './exceljs-internals';

export interface SheetPicture {
  png: Buffer;
  /** Pixels. */
  width: number;
  height: number;
  /** Alt text: what the picture shows, in words. */
  description: string;
  name: string;
}

const EMU_PER_INCH = 914_400;
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/**
 * The printable area of a landscape A4 page with the sheets' margins (0.4 in left and right,
 * 0.6 in top and bottom), less a little room for the header and footer lines.
 */
export const PRINTABLE = { widthIn: 11.69 - 0.8 - 0.2, heightIn: 8.27 - 1.2 - 0.3 } as const;
/** Excel's default row height: 15 points. */
const ROW_INCHES = 15 / 72;

/** The picture's size in inches: as large as the page allows, in proportion. */
export function printedSize(width: number, height: number): { widthIn: number; heightIn: number } {
  const scale = Math.min(PRINTABLE.widthIn / width, PRINTABLE.heightIn / height);
  return { widthIn: width * scale, heightIn: height * scale };
}

function anchorXml(picture: SheetPicture, index: number, row: number, embed: string): string {
  const { widthIn, heightIn } = printedSize(picture.width, picture.height);
  const cx = Math.round(widthIn * EMU_PER_INCH);
  const cy = Math.round(heightIn * EMU_PER_INCH);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/>` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${index + 2}" name="${escapeXml(picture.name)}" descr="${escapeXml(picture.description)}"/>` +
    '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
    `<xdr:blipFill><a:blip r:embed="${embed}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
    '</xdr:pic><xdr:clientData/></xdr:oneCellAnchor>'
  );
}

/**
 * Places `pictures` on `worksheet` below its `lastRow`, each after a page break. Call before the
 * worksheet is committed; `drawingNumber` names the part (one drawing part per sheet).
 */
export function addSheetPictures(
  workbook: stream.xlsx.WorkbookWriter,
  zip: ZipArchive,
  worksheet: Worksheet,
  lastRow: number,
  pictures: readonly SheetPicture[],
  drawingNumber = 1
): void {
  if (pictures.length === 0) return;
  const sheet = sheetDrawingInternals(worksheet);
  const drawing = `drawing${drawingNumber}`;
  const anchors: string[] = [];
  const rels: string[] = [];
  // `row` is 0-based: the first picture's top-left is the first row after the data.
  let row = lastRow;
  pictures.forEach((picture, i) => {
    // A page of its own: a break after the row above it (1-based `row`).
    sheet.rowBreaks.push({ id: row, max: 16383, man: 1 });
    const media = addWorkbookImage(workbook, picture.png);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_IMAGE}" Target="../media/${media}"/>`);
    anchors.push(anchorXml(picture, i, row, `rId${i + 1}`));
    row += Math.ceil(printedSize(picture.width, picture.height).heightIn / ROW_INCHES) + 1;
  });
  zip.append(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `${anchors.join('')}</xdr:wsDr>`,
    { name: `xl/drawings/${drawing}.xml` }
  );
  zip.append(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    { name: `xl/drawings/_rels/${drawing}.xml.rels` }
  );
  const rId = sheet.addRelationship({ Type: REL_DRAWING, Target: `../drawings/${drawing}.xml` });
  sheet.writeBeforeLegacyDrawing(`<drawing r:id="${rId}"/>`);
  addContentTypeOverrides(workbook, zip, [{ partName: `/xl/drawings/${drawing}.xml`, contentType: DRAWING_TYPE }]);
}
