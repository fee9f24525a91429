/**
 * Where two drawings differ: model against model, or one workbook at two dates. Columns pair by
 * service model and rows by layer (renames matched as the model comparison matches them), so a
 * cell on the other side of the line in `b` reads as "the line moved" even under a new title.
 */
import type { PictureChange, PictureDiff, PictureDrawing } from '@shared/picture';
import { alignLayers } from '../model-compare';

/** The cells of `a` and `b` that differ, and the columns whose line moved. */
export function diffDrawings(a: PictureDrawing, b: PictureDrawing): PictureDiff {
  const diff: PictureDiff = { a: {}, b: {}, lineMovedIn: [], lineMovedCells: 0 };
  const cellsA = new Map(a.cells.map((c) => [c.id, c]));
  const cellsB = new Map(b.cells.map((c) => [c.id, c]));
  const rows = alignLayers({ layers: a.rows }, { layers: b.rows });
  const columnsA = new Set(a.columns.map((c) => c.serviceModel));
  const columnsB = new Set(b.columns.map((c) => c.serviceModel));

  const mark = (side: Record<string, PictureChange>, id: string, change: PictureChange) => (side[id] = change);
  for (const column of [...a.columns, ...b.columns.filter((c) => !columnsA.has(c.serviceModel))]) {
    const sm = column.serviceModel;
    let moved = false;
    for (const { from, to } of rows) {
      const left = from === null || !columnsA.has(sm) ? undefined : cellsA.get(`${sm}:${from.id}`);
      const right = to === null || !columnsB.has(sm) ? undefined : cellsB.get(`${sm}:${to.id}`);
      if (left === undefined && right !== undefined) mark(diff.b, right.id, 'added');
      else if (left !== undefined && right === undefined) mark(diff.a, left.id, 'removed');
      else if (left !== undefined && right !== undefined) {
        if (left.customerSide !== right.customerSide) {
          mark(diff.a, left.id, 'line-moved');
          mark(diff.b, right.id, 'line-moved');
          diff.lineMovedCells++;
          moved = true;
        } else if (left.band !== right.band || left.responsibility !== right.responsibility) {
          mark(diff.a, left.id, 'band-changed');
          mark(diff.b, right.id, 'band-changed');
        }
      }
    }
    if (moved) diff.lineMovedIn.push(sm);
  }
  return diff;
}
