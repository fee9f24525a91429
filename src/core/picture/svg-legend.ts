/** The picture's patterns (one per band) and its legend: each band, the line, the gap marker. */
import { PICTURE_BANDS, type PictureBand, type PictureDrawing, type SvgElement } from '@shared/picture';
import { LAYOUT, textWidth } from './layout';
import { el } from './svg-element';
import { BAND_PATTERNS, type ThemeColours } from './themes';

export function patternId(prefix: string, band: PictureBand): string {
  return `${prefix}-pattern-${band}`;
}

function pattern(prefix: string, band: PictureBand, colours: ThemeColours): SvgElement {
  const { fill, strip } = colours.bands[band];
  const kind = BAND_PATTERNS[band];
  const size = 8;
  const attrs = { id: patternId(prefix, band), patternUnits: 'userSpaceOnUse', width: size, height: size, 'data-pattern': kind };
  const ground = el('rect', { x: 0, y: 0, width: size, height: size, fill: kind === 'solid' ? strip : fill });
  switch (kind) {
    case 'solid':
      return el('pattern', attrs, ground);
    case 'dots':
      return el('pattern', attrs, ground, el('circle', { cx: 2, cy: 2, r: 1.6, fill: strip }), el('circle', { cx: 6, cy: 6, r: 1.6, fill: strip }));
    case 'hatch':
      return el('pattern', attrs, ground, el('path', { d: 'M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6', stroke: strip, 'stroke-width': 2 }));
    case 'cross':
      return el('pattern', attrs, ground, el('path', { d: 'M0 0 L8 8 M8 0 L0 8', stroke: strip, 'stroke-width': 1.5 }));
    case 'lines':
      return el('pattern', attrs, ground, el('path', { d: 'M0 2 H8 M0 6 H8', stroke: strip, 'stroke-width': 1.2 }));
  }
}

/** A band's strip: its pattern, or plain colour for the solid one (tiles would show seams). */
export function stripFill(prefix: string, band: PictureBand, colours: ThemeColours): string {
  return BAND_PATTERNS[band] === 'solid' ? colours.bands[band].strip : `url(#${patternId(prefix, band)})`;
}

export function patternDefs(prefix: string, colours: ThemeColours): SvgElement {
  return el('defs', {}, PICTURE_BANDS.map((band) => pattern(prefix, band, colours)));
}

const BAND_LEGEND: Record<PictureBand, string> = {
  customer: 'Customer',
  shared: 'Shared',
  provider: 'Provider',
  'third-party': 'Run by a third party',
  unknown: 'Unknown'
};

/** Only what the drawing uses: a legend item per band present, the line, the gap marker. */
export function legend(drawing: PictureDrawing, colours: ThemeColours, prefix: string): SvgElement {
  let y = LAYOUT.legendTop;
  const size = LAYOUT.legendSize;
  const items: SvgElement[] = [];
  let x = LAYOUT.margin;
  /** Starts a second line when an item of `width` would not fit (a narrow, single-column picture). */
  const room = (width: number): void => {
    if (x + width <= drawing.width - LAYOUT.margin || x === LAYOUT.margin) return;
    x = LAYOUT.margin;
    y += LAYOUT.legendLine;
  };
  const bands = PICTURE_BANDS.filter((band) => drawing.cells.some((c) => c.band === band));
  for (const band of bands) {
    const { fill } = colours.bands[band];
    room(32 + textWidth(BAND_LEGEND[band], size));
    items.push(
      el(
        'g',
        { 'data-legend': band },
        el('rect', { x, y: y - 11, width: 26, height: 14, fill, stroke: colours.muted, 'stroke-width': 0.5 }),
        el('rect', { x, y: y - 11, width: 8, height: 14, fill: stripFill(prefix, band, colours) }),
        el('text', { x: x + 32, y, 'font-size': size, fill: colours.ink }, BAND_LEGEND[band])
      )
    );
    x += 32 + textWidth(BAND_LEGEND[band], size) + 16;
  }
  if (drawing.line !== null) {
    room(32 + textWidth('The line', size));
    items.push(
      el(
        'g',
        { 'data-legend': 'line' },
        el('path', { d: `M${x} ${y - 4} H${x + 26}`, stroke: colours.line, 'stroke-width': LAYOUT.lineWidth }),
        el('text', { x: x + 32, y, 'font-size': size, fill: colours.ink }, 'The line')
      )
    );
    x += 32 + textWidth('The line', size) + 16;
  }
  if (drawing.cells.some((c) => c.accountable.length > 0)) {
    room(textWidth('A: Accountable (assets)', size));
    items.push(el('text', { x, y, 'font-size': size, fill: colours.ink, 'data-legend': 'accountable' }, drawing.asset === null ? 'A: Accountable (assets)' : 'A: Accountable'));
    x += textWidth('A: Accountable (assets)', size) + 16;
  }
  if (drawing.cells.some((c) => c.noAccountable > 0)) {
    room(18 + textWidth('Nobody Accountable', size));
    items.push(
      el(
        'g',
        { 'data-legend': 'gap' },
        el('path', { d: `M${x + 6} ${y - 10} L${x + 12} ${y + 1} L${x} ${y + 1} Z`, fill: colours.gap }),
        el('text', { x: x + 18, y, 'font-size': size, fill: colours.ink }, 'Nobody Accountable')
      )
    );
  }
  return el('g', { 'aria-hidden': 'true' }, items);
}
