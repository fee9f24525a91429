/** The SVG of a drawing, read back as XML: its title and desc, and each cell by its data attributes. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '@core/models';
import { pictureSvg } from '@core/picture/svg';
import { svgMarkup } from '@core/picture/svg-element';
import { THEMES } from '@core/picture/themes';
import type { ServiceModel } from '@shared/domain';
import { PICTURE_BANDS } from '@shared/picture';
import { asset, assign, override, parties, party } from '@tests/helpers/builders';
import type { Element } from '@xmldom/xmldom';
import { cellElements, drawHandMade, elements, parseSvg, type HandMade } from './picture-helpers';

const CURRENT = BUILTIN_MODELS['microsoft-2026-01']!;

const workbook: HandMade = {
  model: CURRENT,
  assets: [
    asset(1, { serviceModel: 'onprem', ownerPartyId: 1 }),
    asset(2, { serviceModel: 'iaas', ownerPartyId: null }),
    asset(3, { serviceModel: 'paas', ownerPartyId: 6 }),
    asset(4, { serviceModel: 'saas', ownerPartyId: 2 })
  ],
  overrides: [override(3, 'operating-system', 'shared')],
  assignments: [assign(2, 'customer-data', 2, 'A')],
  // A name that must be escaped, and a formula-looking one that must stay text.
  parties: [...parties(), party(6, 'R&D <core> "team"', 'team')]
};

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);

describe('pictureSvg', () => {
  const drawing = drawHandMade(workbook);

  it('parses as XML with a <title> and <desc> first, labelling the image', () => {
    const doc = parseSvg(svgMarkup(pictureSvg(drawing, { theme: 'light' })));
    const root = doc.documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('role')).toBe('img');
    const children = Array.from(root.childNodes).filter((n): n is Element => n.nodeType === 1);
    expect(children.slice(0, 2).map((n) => n.tagName)).toEqual(['title', 'desc']);
    expect(children[0]?.textContent).toBe('Demarcation line: Microsoft Azure shared responsibility (January 2026)');
    expect(children[1]?.textContent).toBe(drawing.description);
    expect(root.getAttribute('aria-labelledby')).toBe('picture-title picture-desc');
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${drawing.width} ${drawing.height}`);
  });

  it('carries every cell with the drawing’s facts in data attributes', () => {
    const doc = parseSvg(svgMarkup(pictureSvg(drawing)));
    const cells = cellElements(doc);
    expect([...cells.keys()]).toEqual(drawing.cells.map((c) => c.id));
    for (const cell of drawing.cells) {
      const g = cells.get(cell.id)!;
      expect({
        id: cell.id,
        sm: g.getAttribute('data-service-model'),
        layer: g.getAttribute('data-layer'),
        band: g.getAttribute('data-band'),
        responsibility: g.getAttribute('data-responsibility'),
        side: g.getAttribute('data-side'),
        assets: Number(g.getAttribute('data-assets')),
        overrides: Number(g.getAttribute('data-overrides')),
        gaps: Number(g.getAttribute('data-no-accountable'))
      }).toEqual({
        id: cell.id,
        sm: cell.serviceModel,
        layer: cell.layerId,
        band: cell.band,
        responsibility: cell.responsibility,
        side: cell.customerSide ? 'customer' : 'provider',
        assets: cell.assets,
        overrides: cell.overrides,
        gaps: cell.noAccountable
      });
    }
    expect(cells.get('paas:customer-data')?.getAttribute('data-accountable')).toBe('R&D <core> "team" (1)');
    expect(cells.get('iaas:configurations-and-settings')?.getAttribute('data-no-accountable')).toBe('1');
    expect(cells.get('paas:operating-system')?.getAttribute('data-overrides')).toBe('1');
  });

  it('draws the line once, between the customer side and the provider in every column', () => {
    const doc = parseSvg(svgMarkup(pictureSvg(drawing)));
    const paths = elements(doc, 'path').filter((p) => p.getAttribute('data-line-path') === 'true');
    expect(paths).toHaveLength(1);
    const d = paths[0]!.getAttribute('d')!;
    const group = paths[0]!.parentNode as unknown as Element;
    expect(group.getAttribute('data-line')).toBe('onprem:10 iaas:7 paas:6 saas:5');
    // Walk the path: within each column the line runs at the bottom of its last customer-side cell.
    const cells = cellElements(doc);
    let x = 0;
    let y = 0;
    for (const [, cmd, value] of d.matchAll(/([MHV])([\d.]+(?: [\d.]+)?)/g)) {
      if (cmd === 'M') [x, y] = value!.split(' ').map(Number) as [number, number];
      else if (cmd === 'V') y = Number(value);
      else {
        const to = Number(value);
        for (const column of drawing.columns.filter((c) => c.x >= x && c.x + c.width <= to)) {
          for (const row of drawing.rows) {
            const g = cells.get(`${column.serviceModel}:${row.id}`)!;
            const side = row.y + row.height <= y ? 'customer' : 'provider';
            expect({ cell: g.getAttribute('data-cell'), side: g.getAttribute('data-side') }).toEqual({ cell: g.getAttribute('data-cell'), side });
          }
        }
        x = to;
      }
    }
    expect(x).toBe(drawing.columns[3]!.x + drawing.columns[3]!.width);
  });

  it('makes cells focusable buttons with accessible names when interactive, one tab stop', () => {
    const doc = parseSvg(svgMarkup(pictureSvg(drawing, { interactive: true, idPrefix: 'left' })));
    const cells = [...cellElements(doc).values()];
    expect(doc.documentElement?.getAttribute('role')).toBe('group');
    expect(cells.every((g) => g.getAttribute('role') === 'button')).toBe(true);
    expect(cells.filter((g) => g.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(cells.find((g) => g.getAttribute('data-cell') === 'paas:operating-system')?.getAttribute('aria-label')).toBe(
      'PaaS, Operating system: provider; 1 asset; 1 override'
    );
    // Ids are prefixed so two pictures can share a page.
    const ids = elements(doc, 'pattern').map((p) => p.getAttribute('id'));
    expect(ids.every((id) => id?.startsWith('left-'))).toBe(true);
  });

  it('gives every band a pattern of its own and a written label', () => {
    const doc = parseSvg(svgMarkup(pictureSvg(drawing, { theme: 'print' })));
    const kinds = elements(doc, 'pattern').map((p) => p.getAttribute('data-pattern'));
    expect(new Set(kinds).size).toBe(PICTURE_BANDS.length);
    for (const [id, g] of cellElements(doc)) {
      const label = elements(g, 'text')[0]?.textContent;
      const cell = drawing.cells.find((c) => c.id === id)!;
      expect(label).toBe(cell.label.toUpperCase());
    }
  });

  it('keeps ink readable on every band in both themes, and the print theme grey', () => {
    for (const theme of Object.values(THEMES)) {
      for (const band of Object.values(theme.bands)) expect(contrast(band.ink, band.fill)).toBeGreaterThanOrEqual(7);
      expect(contrast(theme.line, theme.background)).toBeGreaterThanOrEqual(7);
      expect(contrast(theme.gapInk, theme.background)).toBeGreaterThanOrEqual(4.5);
    }
    const grey = (hex: string) => hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7);
    const print = THEMES.print;
    for (const band of Object.values(print.bands)) expect([band.fill, band.ink, band.strip].every(grey)).toBe(true);
    // Bands stay apart in grey: customer, shared and provider fills differ in lightness.
    const l = ['customer', 'shared', 'provider'].map((b) => luminance(print.bands[b as 'customer'].fill));
    expect(l[0]! - l[1]!).toBeGreaterThan(0.1);
    expect(l[1]! - l[2]!).toBeGreaterThan(0.2);
  });

  it('outlines the cells it is asked to highlight', () => {
    const doc = parseSvg(svgMarkup(pictureSvg(drawing, { highlight: { 'saas:applications': 'line-moved' } })));
    const g = cellElements(doc).get('saas:applications')!;
    expect(g.getAttribute('data-change')).toBe('line-moved');
    expect(elements(doc, 'rect').filter((r) => r.getAttribute('data-highlight') === 'line-moved')).toHaveLength(1);
  });

  it('draws a five-column model as wide as it needs', () => {
    const faas = 'faas' as unknown as ServiceModel;
    const model = { ...CURRENT, serviceModels: [...CURRENT.serviceModels, faas], cells: Object.fromEntries(CURRENT.layers.map((l) => [l.id, { ...CURRENT.cells[l.id], [faas]: 'provider' as const }])) };
    const five = drawHandMade({ model, assets: [asset(1, { serviceModel: faas })] });
    const doc = parseSvg(svgMarkup(pictureSvg(five)));
    expect(elements(doc, 'g').filter((g) => g.hasAttribute('data-column')).map((g) => g.getAttribute('data-column'))).toEqual(['onprem', 'iaas', 'paas', 'saas', 'faas']);
    expect(Number(doc.documentElement?.getAttribute('width'))).toBe(five.width);
  });
});
