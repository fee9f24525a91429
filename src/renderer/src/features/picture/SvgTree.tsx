import { createElement, type ReactNode } from 'react';
import type { SvgElement } from '@shared/picture';

/** SVG attribute names as React wants them: stroke-width → strokeWidth, class → className. */
function reactName(name: string): string {
  if (name === 'class') return 'className';
  if (name === 'tabindex') return 'tabIndex';
  if (name.startsWith('aria-') || name.startsWith('data-')) return name;
  return name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

function toReact(node: SvgElement | string, key: number, focusedCell: string | null): ReactNode {
  if (typeof node === 'string') return node;
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(node.attrs)) props[reactName(name)] = value;
  // One tab stop among the cells (roving tabindex): the focused one, else the first.
  const cell = node.attrs['data-cell'];
  if (cell !== undefined && focusedCell !== null && props.tabIndex !== undefined) props.tabIndex = cell === focusedCell ? 0 : -1;
  return createElement(node.tag, props, ...node.children.map((child, i) => toReact(child, i, focusedCell)));
}

/**
 * The picture's SVG tree (drawn by the core, sent by main) as React elements: the same SVG the
 * CLI writes and the Cover prints, here with live focus.
 */
export function SvgTree({ svg, focusedCell = null, width }: { svg: SvgElement; focusedCell?: string | null; width?: number | string }) {
  // A width given here scales the picture; the viewBox keeps its proportions.
  const { height, ...rest } = svg.attrs;
  const attrs = width === undefined ? svg.attrs : { ...rest, width };
  void height;
  return <>{toReact({ ...svg, attrs }, 0, focusedCell)}</>;
}
