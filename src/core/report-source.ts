/**
 * A report read a page at a time, and its JSON text produced the same way. The JSON is exactly
 * `JSON.stringify(report, null, 2)` of the whole report (the documented format, byte for byte),
 * but no string or object ever holds more than one page.
 */
import type { RaciEntry, Report, ReportAsset, ReportFinding, ReportHead } from '@shared/report';

/** A report as its consumers read it: the head, and fresh passes over its pages. */
export interface ReportSource {
  head: ReportHead;
  /** A fresh pass over the assets in id order, a page at a time. */
  assetPages(): Iterable<ReportAsset[]>;
  /** A fresh pass over the findings, asset by asset, a page of assets at a time. */
  findingPages(): Iterable<ReportFinding[]>;
  /** A fresh pass giving each page's entries and findings together (one read of each page). */
  pages(): Iterable<ReportPage>;
  /**
   * A fresh pass over what the RACI table shows of the assets, in id order, a page at a time: the
   * same as assetPages' entries as far as the table reads them, from a leaner read of each page.
   * Absent: the table is read from assetPages.
   */
  raciPages?(): Iterable<RaciEntry[]>;
}

/** One page of a report: its assets' entries and their findings. */
export interface ReportPage {
  assets: ReportAsset[];
  findings: ReportFinding[];
}

/** A report already in memory (small workbooks, tests) as a source of one page. */
export function reportSourceOf(report: Report): ReportSource {
  const { assets, findings, ...head } = report;
  return { head, assetPages: () => [assets], findingPages: () => [findings], pages: () => [{ assets, findings }] };
}

/** `text` (JSON.stringify output) moved right by `pad`: every line after the first. */
function indented(text: string, pad: string): string {
  // JSON text holds no raw line breaks inside strings: every "\n" is a line of the layout.
  return text.includes('\n') ? text.replace(/\n/g, `\n${pad}`) : text;
}

/** `"key": value` inside the top-level object, as JSON.stringify(…, null, 2) lays it out. */
function member(key: string, value: unknown): string {
  return `  ${JSON.stringify(key)}: ${indented(JSON.stringify(value, null, 2), '  ')}`;
}

/** What JSON.stringify(…, null, 2) puts around the items of an array nested in an array. */
const NESTED_OPEN = '[\n  [\n';
const NESTED_CLOSE = '\n  ]\n]';

/**
 * A top-level array member whose items come a page at a time. Each page is laid out by one
 * JSON.stringify of the page nested one level deeper, so its items come out at the member's depth
 * (indented four spaces) without a second pass over the text.
 */
function* arrayMember<T>(key: string, pages: Iterable<readonly T[]>): Generator<string> {
  yield `  ${JSON.stringify(key)}: [`;
  let first = true;
  for (const page of pages) {
    if (page.length === 0) continue;
    const nested = JSON.stringify([page], null, 2);
    yield `${first ? '\n' : ',\n'}${nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length)}`;
    first = false;
  }
  yield first ? ']' : '\n  ]';
}

/**
 * The report's JSON text in pieces (about a page each), ending with a line break: joined, they
 * are `JSON.stringify(report, null, 2) + '\n'`.
 */
export function* reportJsonChunks(source: ReportSource): Generator<string> {
  const head: string[] = Object.entries(source.head).map(([key, value]) => member(key, value));
  yield `{\n${head.join(',\n')},\n`;
  yield* arrayMember('assets', source.assetPages());
  yield ',\n';
  yield* arrayMember('findings', source.findingPages());
  yield '\n}\n';
}
