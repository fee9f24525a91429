/**
 * The picture's SVG rendered to PNG with resvg (@resvg/resvg-js: Rust, N-API, no browser). Text
 * uses the machine's own fonts: the SVG asks for Segoe UI, Arial, Liberation Sans or DejaVu Sans,
 * whichever the system has. Rendering runs on resvg's worker thread (renderAsync), so the app's
 * main process keeps answering while a large picture renders.
 */
import { renderAsync } from '@resvg/resvg-js';

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
}

/** Widest PNG we render: a poster, not a memory bomb (32 bits per pixel). */
export const MAX_PNG_WIDTH = 8000;

/**
 * Renders SVG text to a PNG `width` pixels wide (the height follows the picture's proportions).
 * @throws RangeError for a width outside 1..MAX_PNG_WIDTH
 */
export async function renderPng(svg: string, width: number): Promise<RenderedPng> {
  if (!Number.isInteger(width) || width < 1 || width > MAX_PNG_WIDTH) {
    throw new RangeError(`A PNG is 1 to ${MAX_PNG_WIDTH} pixels wide (asked for ${width}).`);
  }
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, sansSerifFamily: 'Liberation Sans' },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off'
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}
