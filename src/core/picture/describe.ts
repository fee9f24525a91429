/**
 * The picture in words: each cell's accessible name, the SVG's <title> and <desc>, the notes
 * under the picture. A screen reader and a reader of the PNG's alt text get the same facts.
 */
import type { Responsibility, ResponsibilityModel } from '@shared/domain';
import { serviceModelLabel } from '../service-models';
import type { PictureAccountable, PictureCell, PictureColumn, PictureDrawing, PictureRow } from '@shared/picture';
import { formatCount, plural } from './layout';

/** A service model's column heading: the model's label for it (the usual one for a standard id), or its id. */
export function columnLabel(model: ResponsibilityModel, serviceModel: string): string {
  return serviceModelLabel(model, serviceModel);
}

/** "Platform team (40), Alice (12) and 2 more"; a party who left is marked. */
export function accountableText(accountable: readonly PictureAccountable[], more: number, withCounts = true): string {
  const names = accountable.map((a) => `${a.name}${a.active ? '' : ' (left)'}${withCounts ? ` (${formatCount(a.assets)})` : ''}`);
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

type CellFacts = Pick<
  PictureCell,
  'responsibility' | 'published' | 'operatedBy' | 'assets' | 'overrides' | 'accountable' | 'accountableMore' | 'noAccountable' | 'customerSide'
>;

/** "PaaS, Operating system: provider; 57 assets" and what else the cell says. */
export function cellAccessibleName(column: string, layerTitle: string, cell: CellFacts, asset: string | null): string {
  const operated = cell.operatedBy === null ? '' : `, operated by ${cell.operatedBy}`;
  const parts: string[] = [];
  if (asset === null) {
    parts.push(`${column}, ${layerTitle}: ${cell.responsibility}${operated}`, plural(cell.assets, 'asset'));
  } else {
    const moved = cell.overrides > 0 ? `, overridden from ${cell.published}` : '';
    parts.push(`${asset} (${column}), ${layerTitle}: ${cell.responsibility}${operated}${moved}`);
  }
  // Names are drawn on the customer side only; a provider cell's few overridden assets show as a count.
  if (cell.customerSide && cell.accountable.length > 0) {
    parts.push(`Accountable: ${accountableText(cell.accountable, cell.accountableMore, asset === null)}`);
  }
  if (cell.noAccountable > 0) {
    parts.push(asset === null ? `${formatCount(cell.noAccountable)} without an Accountable` : 'nobody Accountable');
  }
  if (cell.overrides > 0 && asset === null) parts.push(plural(cell.overrides, 'override'));
  return parts.join('; ');
}

function layerRange(rows: readonly PictureRow[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return 'no layer';
  return first === last ? first.title : `${first.title} to ${last.title}`;
}

/** One sentence per column: where its line sits and what lies on each side. */
function columnSentence(column: PictureColumn, rows: readonly PictureRow[], cells: readonly PictureCell[], asset: boolean): string {
  const mine = cells.filter((c) => c.serviceModel === column.serviceModel);
  const above = rows.slice(0, column.lineAfter);
  const below = rows.slice(column.lineAfter);
  const shared = mine.filter((c) => c.responsibility === 'shared').map((c) => rows.find((r) => r.id === c.layerId)?.title ?? c.layerId);
  const head = asset ? column.label : `${column.label} (${plural(column.assets, 'asset')})`;
  const sides =
    below.length === 0
      ? 'the customer holds every layer'
      : above.length === 0
        ? 'the provider carries every layer'
        : `the customer holds ${layerRange(above)}; the provider carries ${layerRange(below)}`;
  const sharedText = shared.length === 0 ? '' : `; shared: ${shared.join(', ')}`;
  const islands = mine.filter((c) => c.island).length;
  const islandText = islands === 0 ? '' : `; ${plural(islands, 'provider layer')} above the line`;
  return `${head}: ${sides}${sharedText}${islandText}.`;
}

/** The SVG's <desc>: every column's line, then the gaps and overrides in numbers. */
export function drawingDescription(drawing: Omit<PictureDrawing, 'description'>): string {
  const sentences = drawing.columns.map((c) => columnSentence(c, drawing.rows, drawing.cells, drawing.asset !== null));
  if (drawing.line === null) sentences.push('No line is drawn: the asset has no service model.');
  const gaps = drawing.cells.reduce((n, c) => n + c.noAccountable, 0);
  const overrides = drawing.cells.reduce((n, c) => n + c.overrides, 0);
  if (drawing.asset === null) {
    sentences.push(gaps === 0 ? 'Every customer-side layer has an Accountable.' : `${plural(gaps, 'customer-side asset layer')} without an Accountable.`);
    if (overrides > 0) sentences.push(`${plural(overrides, 'asset layer')} overridden.`);
  }
  return [`${drawing.title}. ${drawing.scopeLabel}.`, ...sentences, ...drawing.notes].join(' ');
}

/** The sentences under the picture: what it leaves out and where the model comes from. */
export function drawingNotes(model: ResponsibilityModel, totals: PictureDrawing['totals'], asset: boolean): string[] {
  const notes = ['The line separates the layers where the customer holds duties (its own or shared) from those the provider carries.'];
  if (!asset) {
    const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
    const { unclassified: u, uncovered: c, otherModels: o } = totals;
    if (u > 0) notes.push(`${plural(u, 'asset')} ${verb(u, 'has', 'have')} no service model and ${verb(u, 'sits', 'sit')} in no column.`);
    if (c > 0) notes.push(`${plural(c, 'asset')} ${verb(c, 'has', 'have')} a service model this model has no column for.`);
    if (o > 0) notes.push(`${plural(o, 'asset')} in this scope ${verb(o, 'uses', 'use')} another responsibility model.`);
  }
  notes.push(`Source: ${model.source.title}, ${model.source.date} (${model.source.url}).`);
  return notes;
}

/** A responsibility as the short label in a cell. */
export function responsibilityLabel(responsibility: Responsibility): string {
  return responsibility.charAt(0).toUpperCase() + responsibility.slice(1);
}
