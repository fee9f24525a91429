/** SVG as plain data, and its one serialisation to text (XML, UTF-8). */
import type { SvgElement } from '@shared/picture';

type Child = SvgElement | string | null | false | undefined;

/** An element; null/false children are left out, so optional parts read inline. */
export function el(tag: string, attrs: SvgElement['attrs'], ...children: (Child | Child[])[]): SvgElement {
  const kept: (SvgElement | string)[] = [];
  for (const child of children.flat()) if (child !== null && child !== false && child !== undefined) kept.push(child);
  return { tag, attrs, children: kept };
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Whether XML 1.0 allows a character (tab, newlines, and everything from space up but two). */
function allowedInXml(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Text or an attribute value made safe for XML; characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  let kept = value;
  for (const ch of value) {
    if (!allowedInXml(ch)) {
      kept = [...value].filter(allowedInXml).join('');
      break;
    }
  }
  return kept.replace(/[&<>"]/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

function markup(node: SvgElement | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(markup).join('')}</${node.tag}>`;
}

/** The SVG document as text, with the XML declaration. */
export function svgMarkup(root: SvgElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup(root)}\n`;
}
