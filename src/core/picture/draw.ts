/**
 * The demarcation picture as a drawing: the model's layers as rows (top to bottom, the model's
 * order), its service models as columns (the model's order), every cell banded by who carries it,
 * and the line as one continuous stepped path between the customer's cells and the provider's.
 * Pure: the numbers come in as aggregates (see aggregates.ts); geometry and words come out.
 */
import type { Responsibility, ResponsibilityModel } from '@shared/domain';
import type { PictureBand, PictureCell, PictureColumn, PictureDrawing, PictureRow } from '@shared/picture';
import { getCell, getProviderParty } from '../model-cells';
import type { CellAggregate, PictureAggregates } from './aggregates';
import { cellAccessibleName, columnLabel, drawingDescription, drawingNotes, responsibilityLabel } from './describe';
import { LAYOUT, plural, wrapText } from './layout';

export interface PictureRequest {
  model: ResponsibilityModel;
  aggregates: PictureAggregates;
  /** A workbook party by id (names on the cells; null when it is gone). */
  partyOf: (id: number) => { name: string; active: boolean } | null;
  /** What the numbers count, in words ("Whole workbook", "Resource group prod"). */
  scopeLabel: string;
  /** Draw one asset's stack: its column only, banded by what is in force after its overrides. */
  asset?: { id: number; name: string; serviceModel: string | null };
  /** Accountables named per cell before "+ N more". */
  namesPerCell?: number;
}

const customerSide = (r: Responsibility): boolean => r === 'customer' || r === 'shared';

function bandOf(responsibility: Responsibility, operatedBy: string | null): PictureBand {
  if (responsibility === 'unknown') return 'unknown';
  return operatedBy === null ? responsibility : 'third-party';
}

/** For one asset, the responsibility in force is the one its single asset counts under. */
function inForce(aggregate: CellAggregate | undefined, published: Responsibility): Responsibility {
  if (aggregate === undefined) return published;
  for (const value of ['customer', 'shared', 'provider'] as const) if (aggregate.byResponsibility[value] > 0) return value;
  return published;
}

/**
 * How many layers from the top lie above the line: all but the run of provider layers at the
 * bottom. A provider layer above that run is an island (drawn, and counted, as such).
 */
export function lineAfter(sides: readonly boolean[]): number {
  let after = sides.length;
  while (after > 0 && sides[after - 1] === false) after--;
  return after;
}

function geometry(model: ResponsibilityModel, columnCount: number, asset: boolean) {
  const gridLeft = LAYOUT.margin + LAYOUT.rowHeaderWidth;
  const gridTop = LAYOUT.headerTop + LAYOUT.headerHeight;
  const width = Math.max(asset ? LAYOUT.minAssetWidth : LAYOUT.minWidth, gridLeft + columnCount * LAYOUT.columnWidth + LAYOUT.margin);
  const rows: PictureRow[] = model.layers.map((layer, i) => ({ ...layer, y: gridTop + i * LAYOUT.rowHeight, height: LAYOUT.rowHeight }));
  return { gridLeft, gridTop, gridBottom: gridTop + rows.length * LAYOUT.rowHeight, width, rows };
}

/** The stepped path through every column at its line, left to right, as one path. */
function linePath(columns: readonly PictureColumn[]): PictureDrawing['line'] {
  const points: [number, number][] = [];
  for (const column of columns) {
    points.push([column.x, column.lineY], [column.x + column.width, column.lineY]);
  }
  const first = points[0];
  if (first === undefined) return null;
  let d = `M${first[0]} ${first[1]}`;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i]!;
    const [px, py] = points[i - 1]!;
    if (y !== py) d += ` V${y}`;
    if (x !== px) d += ` H${x}`;
  }
  return { d, points };
}

/**
 * Draws the picture of `request.model` with the organisation's numbers on it.
 * Columns come from `model.serviceModels` (one for an asset); rows are the model's layers.
 */
export function drawPicture(request: PictureRequest): PictureDrawing {
  const { model, aggregates, asset } = request;
  const namesPerCell = request.namesPerCell ?? 2;
  const byCell = new Map(aggregates.cells.map((c) => [`${c.serviceModel}|${c.layerId}`, c]));
  const assetColumn = asset === undefined ? null : (model.serviceModels.find((sm) => sm === asset.serviceModel) ?? null);
  const serviceModels: string[] = asset === undefined ? [...model.serviceModels] : [assetColumn ?? asset.serviceModel ?? 'none'];
  const { gridLeft, gridTop, gridBottom, width, rows } = geometry(model, serviceModels.length, asset !== undefined);
  const provider = getProviderParty(model)?.name ?? 'the provider';
  const partyName = (id: string | null) => (id === null ? null : (model.parties.find((p) => p.id === id)?.name ?? id));

  const columns: PictureColumn[] = [];
  const cells: PictureCell[] = [];
  serviceModels.forEach((serviceModel, index) => {
    const x = gridLeft + index * LAYOUT.columnWidth;
    const covered = model.serviceModels.find((sm) => sm === serviceModel);
    const label = covered === undefined && asset !== undefined ? 'Unclassified' : columnLabel(model, serviceModel);
    const assets = asset !== undefined ? 1 : (aggregates.columns.find((c) => c.serviceModel === serviceModel)?.assets ?? 0);
    const mine: PictureCell[] = rows.map((row) => {
      const cell = covered === undefined ? null : getCell(model, row.id, covered);
      const published: Responsibility = cell?.responsibility ?? 'unknown';
      const aggregate = byCell.get(`${serviceModel}|${row.id}`);
      const responsibility = asset === undefined ? published : inForce(aggregate, published);
      const operatedBy = partyName(cell?.operatedBy ?? null);
      const named = (aggregate?.accountable ?? []).flatMap(({ partyId, assets: n }) => {
        const party = request.partyOf(partyId);
        return [{ name: party?.name ?? `party #${partyId}`, assets: n, active: party?.active ?? false }];
      });
      const side = customerSide(responsibility);
      const facts = {
        responsibility,
        published,
        operatedBy,
        assets,
        overrides: aggregate?.overrides ?? 0,
        accountable: named.slice(0, namesPerCell),
        accountableMore: Math.max(0, named.length - namesPerCell),
        noAccountable: aggregate?.noAccountable ?? 0,
        customerSide: side
      };
      const band = bandOf(responsibility, operatedBy);
      const runBy = operatedBy === null ? '' : ` · run by ${operatedBy}`;
      return {
        id: `${serviceModel}:${row.id}`,
        serviceModel,
        layerId: row.id,
        x,
        y: row.y,
        width: LAYOUT.columnWidth,
        height: row.height,
        band,
        island: false,
        label: responsibility === 'unknown' ? 'Unknown' : `${responsibilityLabel(responsibility)}${runBy}`,
        ...facts,
        accessibleName: cellAccessibleName(label, row.title, facts, asset?.name ?? null)
      };
    });
    const known = mine.every((c) => c.responsibility !== 'unknown');
    const after = known ? lineAfter(mine.map((c) => c.customerSide)) : rows.length;
    mine.forEach((c, i) => (c.island = known && !c.customerSide && i < after));
    cells.push(...mine);
    columns.push({ serviceModel, label, assets, x, width: LAYOUT.columnWidth, lineAfter: after, lineY: gridTop + after * LAYOUT.rowHeight });
  });

  const drawable = cells.every((c) => c.responsibility !== 'unknown');
  const totals: PictureDrawing['totals'] = {
    scope: aggregates.scopeAssets,
    drawn: asset === undefined ? aggregates.columns.reduce((n, c) => n + c.assets, 0) : 1,
    unclassified: aggregates.unclassified,
    uncovered: aggregates.uncovered,
    otherModels: aggregates.scopeAssets - aggregates.columns.reduce((n, c) => n + c.assets, 0) - aggregates.unclassified - aggregates.uncovered
  };
  const notes = drawingNotes(model, totals, asset !== undefined);
  const height = gridBottom + LAYOUT.margin + notes.reduce((n, note) => n + wrapText(note, width - 2 * LAYOUT.margin, LAYOUT.noteSize, 3).length, 0) * LAYOUT.noteLine;
  const base = {
    width,
    height,
    title: asset === undefined ? `Demarcation line: ${model.name}` : `Demarcation line of ${asset.name}`,
    scopeLabel: asset === undefined ? `${request.scopeLabel} · ${plural(totals.drawn, 'asset')} in the picture` : `${columns[0]?.label ?? ''} under ${model.name}`,
    asset: asset === undefined ? null : { id: asset.id, name: asset.name },
    model: { id: model.id, name: model.name, version: model.version, providerName: provider, source: model.source },
    columns,
    rows,
    cells,
    line: drawable ? linePath(columns) : null,
    notes,
    totals
  };
  return { ...base, description: drawingDescription(base) };
}
