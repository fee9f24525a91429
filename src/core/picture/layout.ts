/**
 * The picture's geometry and the text that must fit in it. The core has no font engine, so text
 * is measured with Arial-like character widths (Arial, Liberation Sans and Segoe UI are close)
 * and a margin for wider fallbacks such as DejaVu Sans: a label that fits here fits on screen,
 * in resvg's PNG and in LibreOffice's PDF.
 */

/** Pixel sizes in the SVG's user units (the PNG scales them). */
export const LAYOUT = {
  margin: 24,
  titleSize: 20,
  subtitleSize: 13,
  legendTop: 84,
  legendSize: 12,
  /** A second legend line, for a narrow picture. */
  legendLine: 16,
  headerTop: 112,
  headerHeight: 50,
  rowHeaderWidth: 232,
  columnWidth: 204,
  rowHeight: 76,
  cellPadding: 8,
  /** The pattern strip down a cell's left edge (the cue that is not colour). */
  stripWidth: 12,
  labelSize: 11,
  textSize: 12,
  headerSize: 15,
  layerSize: 13,
  noteSize: 12,
  noteLine: 18,
  lineWidth: 5,
  /** The narrowest picture of a model, so its title and legend fit on one line. */
  minWidth: 720,
  /** The narrowest picture of one asset (a single column; the legend may take two lines). */
  minAssetWidth: 560
} as const;

export const FONT_FAMILY = "'Segoe UI', Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif";

const NARROW = new Set("iljtfrI.,;:'!|()[] ");
const WIDE = new Set('mwMW@%');

/** An estimate of a text's width in pixels at `size` (bold is wider). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.3;
    else if (WIDE.has(ch)) em += 0.86;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else if (ch >= '0' && ch <= '9') em += 0.56;
    else em += 0.54;
  }
  return em * size * (bold ? 1.1 : 1) * 1.06;
}

/** The text cut to fit `width`, ending in an ellipsis when cut. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, size, bold) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Words wrapped into at most `maxLines` lines of `width`; the last line is cut if need be. */
export function wrapText(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current === '' || textWidth(candidate, size, bold) <= width) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      current = `${current} ${words.slice(i).join(' ')}`;
      break;
    }
    lines.push(current);
    current = word;
  }
  if (current !== '') lines.push(current);
  return lines.map((line, i) => (i === lines.length - 1 ? fitText(line, width, size, bold) : line));
}

/** A count with thousands separators that do not depend on the machine's locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 asset", "57 assets". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
