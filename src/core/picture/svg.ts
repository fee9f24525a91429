/**
 * The one SVG of a drawing. The same tree is written to .svg files, rendered to PNG, put on the
 * audit Cover and shown (interactive) in the app; every cell carries data attributes naming what
 * it shows, so tests and the renderer read the picture rather than its pixels.
 */
import type { PictureCell, PictureChange, PictureDrawing, PictureTheme, SvgElement } from '@shared/picture';
import { accountableText } from './describe';
import { FONT_FAMILY, LAYOUT, fitText, formatCount, plural, textWidth, wrapText } from './layout';
import { el } from './svg-element';
import { legend, patternDefs, stripFill } from './svg-legend';
import { BAND_PATTERNS, THEMES, type ThemeColours } from './themes';

export interface SvgOptions {
  theme?: PictureTheme;
  /** Cells are focusable buttons with accessible names (the app); otherwise one image. */
  interactive?: boolean;
  /** Prefix for ids inside the SVG, unique per picture on a page (two pictures side by side). */
  idPrefix?: string;
  /** Cells to outline, e.g. where the line moved between two drawings (see diffDrawings). */
  highlight?: Record<string, PictureChange>;
}

const { cellPadding: PAD, stripWidth: STRIP } = LAYOUT;

function text(x: number, y: number, content: string, attrs: SvgElement['attrs'] = {}): SvgElement {
  return el('text', { x, y, ...attrs }, content);
}

/** The warning triangle drawn as a shape (no font has to carry a glyph for it). */
function gapMarker(x: number, y: number, colours: ThemeColours): SvgElement {
  return el(
    'g',
    { 'aria-hidden': 'true' },
    el('path', { d: `M${x + 6} ${y - 10} L${x + 12} ${y + 1} L${x} ${y + 1} Z`, fill: colours.gap }),
    text(x + 6, y - 0.5, '!', { 'font-size': 9, 'font-weight': 700, fill: '#ffffff', 'text-anchor': 'middle' })
  );
}

function cellLines(cell: PictureCell, drawing: PictureDrawing, colours: ThemeColours): SvgElement[] {
  const ink = colours.bands[cell.band].ink;
  const left = cell.x + STRIP + PAD;
  const width = cell.width - STRIP - 2 * PAD;
  const lines: SvgElement[] = [];
  const asset = drawing.asset !== null;
  const overrides = cell.overrides > 0 ? (asset ? `was ${cell.published}` : plural(cell.overrides, 'override')) : '';
  const overrideWidth = overrides === '' ? 0 : Math.min(width / 2, 8 + overrides.length * 6);
  lines.push(
    text(left, cell.y + 18, fitText(cell.label.toUpperCase(), width - overrideWidth - 4, LAYOUT.labelSize, true), {
      'font-size': LAYOUT.labelSize,
      'font-weight': 700,
      'letter-spacing': 0.4,
      fill: ink
    })
  );
  if (overrides !== '') {
    lines.push(
      text(cell.x + cell.width - PAD, cell.y + 18, fitText(overrides, overrideWidth, LAYOUT.labelSize), {
        'font-size': LAYOUT.labelSize,
        'font-style': 'italic',
        'text-anchor': 'end',
        fill: ink,
        'data-overrides-label': 'true'
      })
    );
  }
  const size = LAYOUT.textSize;
  if (cell.customerSide && cell.accountable.length > 0) {
    const indent = textWidth('A: ', size, true);
    lines.push(text(left, cell.y + 36, 'A:', { 'font-size': size, 'font-weight': 700, fill: ink }));
    cell.accountable.forEach((a, i) => {
      const who = `${a.name}${a.active ? '' : ' (left)'}`;
      const count = asset ? '' : ` (${formatCount(a.assets)})`;
      const more = i === cell.accountable.length - 1 && cell.accountableMore > 0 ? ` +${cell.accountableMore} more` : '';
      const tail = `${count}${more}`;
      const line = `${fitText(who, width - indent - textWidth(tail, size), size)}${tail}`;
      lines.push(text(left + indent, cell.y + 36 + i * 16, line, { 'font-size': size, fill: ink, 'data-accountable-line': i }));
    });
  } else if (!cell.customerSide && cell.responsibility === 'provider') {
    lines.push(text(left, cell.y + 36, fitText(drawing.model.providerName, width, size), { 'font-size': size, fill: ink }));
  }
  if (cell.noAccountable > 0) {
    const y = cell.y + cell.height - 9;
    const what = asset ? 'Nobody Accountable' : `${formatCount(cell.noAccountable)} without an Accountable`;
    lines.push(gapMarker(left, y, colours));
    lines.push(text(left + 17, y, fitText(what, width - 17, LAYOUT.labelSize, true), { 'font-size': LAYOUT.labelSize, 'font-weight': 700, fill: colours.gapInk }));
  }
  return lines;
}

function cellElement(cell: PictureCell, drawing: PictureDrawing, colours: ThemeColours, options: SvgOptions, first: boolean): SvgElement {
  const band = colours.bands[cell.band];
  const prefix = options.idPrefix ?? 'picture';
  const interactive = options.interactive === true;
  const change = options.highlight?.[cell.id];
  return el(
    'g',
    {
      class: 'picture-cell',
      'data-cell': cell.id,
      'data-service-model': cell.serviceModel,
      'data-layer': cell.layerId,
      'data-band': cell.band,
      'data-responsibility': cell.responsibility,
      'data-published': cell.published,
      'data-side': cell.customerSide ? 'customer' : 'provider',
      'data-island': String(cell.island),
      'data-assets': cell.assets,
      'data-overrides': cell.overrides,
      'data-no-accountable': cell.noAccountable,
      'data-accountable': accountableText(cell.accountable, cell.accountableMore),
      ...(change === undefined ? {} : { 'data-change': change }),
      ...(interactive ? { role: 'button', tabindex: first ? 0 : -1, 'aria-label': cell.accessibleName } : {})
    },
    el('rect', { x: cell.x, y: cell.y, width: cell.width, height: cell.height, fill: band.fill, stroke: colours.grid, 'stroke-width': 1 }),
    el('rect', { x: cell.x + 1, y: cell.y + 1, width: STRIP, height: cell.height - 2, fill: stripFill(prefix, cell.band, colours), 'data-strip': BAND_PATTERNS[cell.band] }),
    cell.island && el('rect', { x: cell.x + 2, y: cell.y + 2, width: cell.width - 4, height: cell.height - 4, fill: 'none', stroke: colours.line, 'stroke-width': 2, 'stroke-dasharray': '6 4' }),
    cellLines(cell, drawing, colours),
    change !== undefined &&
      el('rect', { x: cell.x + 3, y: cell.y + 3, width: cell.width - 6, height: cell.height - 6, fill: 'none', stroke: colours.highlight, 'stroke-width': 3, 'stroke-dasharray': '8 4', 'data-highlight': change }),
    el('rect', { class: 'picture-cell__focus', x: cell.x + 2, y: cell.y + 2, width: cell.width - 4, height: cell.height - 4, fill: 'none', stroke: 'none', 'stroke-width': 4 })
  );
}

function headers(drawing: PictureDrawing, colours: ThemeColours): SvgElement {
  const top = LAYOUT.headerTop;
  return el(
    'g',
    { 'data-headers': 'true' },
    drawing.columns.map((column) =>
      el(
        'g',
        { 'data-column': column.serviceModel, 'data-assets': column.assets, 'data-line-after': column.lineAfter },
        el('rect', { x: column.x, y: top, width: column.width, height: LAYOUT.headerHeight, fill: colours.headerFill, stroke: colours.grid }),
        text(column.x + column.width / 2, top + 21, fitText(column.label, column.width - 8, LAYOUT.headerSize, true), {
          'font-size': LAYOUT.headerSize,
          'font-weight': 700,
          'text-anchor': 'middle',
          fill: colours.ink
        }),
        drawing.asset === null &&
          text(column.x + column.width / 2, top + 40, column.assets === 0 ? 'no assets' : plural(column.assets, 'asset'), {
            'font-size': LAYOUT.textSize,
            'text-anchor': 'middle',
            fill: colours.muted,
            'data-column-count': column.assets
          })
      )
    )
  );
}

function rowHeaders(drawing: PictureDrawing, colours: ThemeColours): SvgElement {
  const width = LAYOUT.rowHeaderWidth - 16;
  return el(
    'g',
    { 'data-rows': 'true' },
    drawing.rows.map((row) => {
      const lines = wrapText(row.title, width, LAYOUT.layerSize, 2, true);
      const extra = row.permanentCustomer ? 1 : 0;
      const blockTop = row.y + row.height / 2 - ((lines.length + extra) * 16) / 2 + 12;
      return el(
        'g',
        { 'data-row': row.id },
        el('line', { x1: LAYOUT.margin, x2: LAYOUT.margin + LAYOUT.rowHeaderWidth - 8, y1: row.y + row.height, y2: row.y + row.height, stroke: colours.headerFill, 'stroke-width': 1 }),
        lines.map((line, i) => text(LAYOUT.margin, blockTop + i * 16, line, { 'font-size': LAYOUT.layerSize, 'font-weight': 600, fill: colours.ink })),
        row.permanentCustomer &&
          text(LAYOUT.margin, blockTop + lines.length * 16, 'always the customer’s', { 'font-size': LAYOUT.labelSize, 'font-style': 'italic', fill: colours.muted })
      );
    })
  );
}

function line(drawing: PictureDrawing, colours: ThemeColours): SvgElement | null {
  if (drawing.line === null) return null;
  const steps = drawing.columns.map((c) => `${c.serviceModel}:${c.lineAfter}`).join(' ');
  return el(
    'g',
    { 'data-line': steps, 'aria-hidden': 'true' },
    el('path', { d: drawing.line.d, fill: 'none', stroke: colours.lineCasing, 'stroke-width': LAYOUT.lineWidth + 4, 'stroke-linecap': 'square', 'stroke-linejoin': 'miter' }),
    el('path', { 'data-line-path': 'true', d: drawing.line.d, fill: 'none', stroke: colours.line, 'stroke-width': LAYOUT.lineWidth, 'stroke-linecap': 'square', 'stroke-linejoin': 'miter' })
  );
}

function notes(drawing: PictureDrawing, colours: ThemeColours): SvgElement {
  const width = drawing.width - 2 * LAYOUT.margin;
  let y = (drawing.rows[drawing.rows.length - 1]?.y ?? 0) + LAYOUT.rowHeight + LAYOUT.margin + 4;
  const lines: SvgElement[] = [];
  for (const note of drawing.notes) {
    for (const part of wrapText(note, width, LAYOUT.noteSize, 3)) {
      lines.push(text(LAYOUT.margin, y, part, { 'font-size': LAYOUT.noteSize, fill: colours.muted }));
      y += LAYOUT.noteLine;
    }
  }
  return el('g', { 'data-notes': 'true' }, lines);
}

/**
 * The SVG element tree of a drawing.
 * @returns the root <svg>, with <title> and <desc> first
 */
export function pictureSvg(drawing: PictureDrawing, options: SvgOptions = {}): SvgElement {
  const theme = options.theme ?? 'light';
  const colours = THEMES[theme];
  const prefix = options.idPrefix ?? 'picture';
  const interactive = options.interactive === true;
  const width = drawing.width - 2 * LAYOUT.margin;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: drawing.width,
      height: drawing.height,
      viewBox: `0 0 ${drawing.width} ${drawing.height}`,
      role: interactive ? 'group' : 'img',
      'aria-labelledby': `${prefix}-title ${prefix}-desc`,
      'font-family': FONT_FAMILY,
      'data-theme': theme,
      'data-model': drawing.model.id
    },
    el('title', { id: `${prefix}-title` }, drawing.title),
    el('desc', { id: `${prefix}-desc` }, drawing.description),
    patternDefs(prefix, colours),
    el('rect', { x: 0, y: 0, width: drawing.width, height: drawing.height, fill: colours.background }),
    text(LAYOUT.margin, 36, fitText(drawing.title, width, LAYOUT.titleSize, true), { 'font-size': LAYOUT.titleSize, 'font-weight': 700, fill: colours.ink }),
    text(LAYOUT.margin, 58, fitText(drawing.scopeLabel, width, LAYOUT.subtitleSize), { 'font-size': LAYOUT.subtitleSize, fill: colours.muted }),
    legend(drawing, colours, prefix),
    headers(drawing, colours),
    rowHeaders(drawing, colours),
    el('g', { 'data-cells': 'true' }, drawing.cells.map((cell, i) => cellElement(cell, drawing, colours, options, i === 0))),
    line(drawing, colours),
    notes(drawing, colours)
  );
}
