/**
 * Saving the demarcation picture: the SVG as drawn, or rendered to PNG, written atomically (the
 * file appears only when complete). A read of the workbook: no change-log entry.
 */
import { pictureSvg } from '@core/picture/svg';
import { svgMarkup } from '@core/picture/svg-element';
import type { PictureFormat, PictureSaveResult } from '@shared/contract/picture';
import { DemarcError } from '@shared/errors';
import type { PictureTheme } from '@shared/picture';
import { writeFileAtomically } from '../export/atomic-file';
import { renderPng } from '../export/picture-png';
import type { OpenWorkbook, ServiceContext } from './context';
import { exportTargetPath } from './export-service';
import { drawWorkbookPicture, type PictureQuery } from './picture';

export interface PictureSaveRequest extends PictureQuery {
  format: PictureFormat;
  path: string;
  theme: PictureTheme;
  /** PNG width in pixels. */
  width: number;
}

/** Writes the picture to `req.path` (.svg or .png, as `req.format` says). */
export async function savePicture(wb: OpenWorkbook, ctx: ServiceContext, req: PictureSaveRequest): Promise<PictureSaveResult> {
  const target = exportTargetPath(req.path, req.format, wb.path);
  const drawing = drawWorkbookPicture(wb, ctx, req);
  const svg = svgMarkup(pictureSvg(drawing, { theme: req.theme }));
  const image = req.format === 'png' ? await renderPng(svg, req.width) : null;
  const bytes = image?.png ?? Buffer.from(svg, 'utf8');
  let written: { sha256: string; bytes: number };
  try {
    written = await writeFileAtomically(target, undefined, (sink) => {
      sink.end(bytes);
      return Promise.resolve();
    });
  } catch (error) {
    throw new DemarcError('BAD_FILE', `Could not write ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    path: target,
    format: req.format,
    width: image?.width ?? drawing.width,
    height: image?.height ?? drawing.height,
    bytes: written.bytes,
    sha256: written.sha256,
    title: drawing.title,
    scopeLabel: drawing.scopeLabel,
    totals: drawing.totals,
    columns: drawing.columns.map(({ serviceModel, label, assets, lineAfter }) => ({ serviceModel, label, assets, lineAfter })),
    noAccountable: drawing.cells.reduce((n, c) => n + c.noAccountable, 0),
    overrides: drawing.cells.reduce((n, c) => n + c.overrides, 0)
  };
}
