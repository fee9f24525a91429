/**
 * The workbook's few styles, shared as single objects so exceljs's style cache can recognise them,
 * and the colour palette for responsibilities.
 */
import type { Style } from 'exceljs';
import type { Responsibility } from '@shared/domain';

/**
 * Fills per responsibility: light tints so black text keeps a contrast above 7:1, and a hue per
 * side that stays apart under the common colour-vision deficiencies (blue vs amber). The cell text
 * always names the responsibility too, so colour is never the only signal.
 */
export const RESPONSIBILITY_FILLS: Record<Responsibility, string> = {
  provider: 'FFBDD7EE', // blue
  customer: 'FFFFD966', // amber
  shared: 'FFC6E0B4', // green
  unknown: 'FFD9D9D9' // grey
};

const TOP: Partial<Style['alignment']> = { vertical: 'top' };

function solid(argb: string): Style['fill'] {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Header cells: white bold text on dark navy (contrast about 14:1), wrapped, bottom border. */
export const HEADER_STYLE: Partial<Style> = Object.freeze({
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: solid('FF1F3864'),
  alignment: { vertical: 'top', wrapText: true },
  border: { bottom: { style: 'thin', color: { argb: 'FF000000' } } }
} satisfies Partial<Style>);

/** Cells beside wrapped text in a tall row. */
export const TOP_STYLE: Partial<Style> = Object.freeze({ alignment: TOP });

/** Long free text (justifications, messages, summaries). */
export const WRAP_STYLE: Partial<Style> = Object.freeze({ alignment: { ...TOP, wrapText: true } });

/** One shared style object per responsibility word. */
export const RESPONSIBILITY_STYLES: ReadonlyMap<string, Partial<Style>> = new Map(
  (Object.entries(RESPONSIBILITY_FILLS) as [Responsibility, string][]).map(([word, argb]) => [
    word,
    Object.freeze({ fill: solid(argb), alignment: TOP, border: thinBox() })
  ])
);

function thinBox(): Partial<Style['border']> {
  const side = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
  return { top: side, left: side, bottom: side, right: side };
}

/** The part of exceljs's style manager this module relies on (not in exceljs's typings). */
export interface StyleManager {
  addStyleModel(model: Partial<Style> | undefined, cellType?: number): number;
}

/**
 * Make unstyled cells cheap. exceljs gives every cell a fresh, empty style object, so its cache
 * (a WeakMap keyed by that object) always misses and it renders the style's XML per cell to look
 * it up: three times slower on a million-row sheet. An empty style is the default style 0 by
 * definition, so it is answered directly; styled cells (and dates, which need a number format)
 * take exceljs's own path. The output is byte-for-byte the same. `dateType` is exceljs's
 * `ValueType.Date`.
 */
export function skipEmptyStyleLookups(styles: StyleManager, dateType: number): void {
  const addStyleModel = styles.addStyleModel.bind(styles);
  styles.addStyleModel = (model, cellType) =>
    cellType !== dateType && (model === undefined || isEmptyStyle(model))
      ? 0
      : addStyleModel(model, cellType);
}

function isEmptyStyle(style: Partial<Style>): boolean {
  for (const key in style) if (style[key as keyof Style] !== undefined) return false;
  return true;
}
