/**
 * Text that is safe to put in a spreadsheet: no live formulas, within Excel's limits.
 *
 * Two threats, two defences:
 * - xlsx: a cell written as a string (`t="s"` / `t="str"`, no `<f>` element) is never evaluated by
 *   Excel or LibreOffice, whatever its first character. The xlsx writer therefore keeps text
 *   verbatim (an auditor must see the exact asset name, `=cmd|...` included) and relies on the
 *   cell type; the read-back tests prove no cell becomes a formula.
 * - CSV: there is no cell type, Excel evaluates any field that starts like a formula. Following
 *   OWASP's CSV-injection guidance, such fields get a leading `'` (and are always quoted by the CSV
 *   writer). Excel then shows the apostrophe: the accepted price of an inert export.
 *
 * Pure: no I/O, no node:*.
 */

/**
 * Characters that make Excel (or LibreOffice, Google Sheets) start a formula or a DDE call when they
 * open a field: the ASCII starters from OWASP, their full-width forms (Excel on CJK locales
 * accepts them), and the en dash and minus sign some payload lists use in place of `-`.
 */
const FORMULA_STARTERS = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uFF1D', // ＝ full-width equals
  '\uFF0B', // ＋ full-width plus
  '\uFF0D', // － full-width hyphen-minus
  '\uFF20', // ＠ full-width commercial at
  '\u2013', // – en dash
  '\u2212' // − minus sign
]);

/** Blanks a spreadsheet may skip before it looks for a formula starter. */
const LEADING_BLANKS = /^[ \u00A0\u3000\t\r\n]+/;

/** Excel's limit on the characters of one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/** Excel's limit on the characters of a sheet name. */
export const EXCEL_MAX_SHEET_NAME_CHARS = 31;

/**
 * Line breaks as spreadsheets store them inside a cell: LF. A bare CR would not survive anyway
 * (XML parsers turn it into LF), so normalising it here keeps "what we wrote" equal to "what a
 * reader gets back".
 */
export function normaliseLineBreaks(value: string): string {
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

/**
 * Whether a spreadsheet that opens this text as a CSV field could treat it as a formula: its first
 * character, or its first after leading blanks (spaces, line breaks), is a formula starter.
 */
export function isFormulaLike(value: string): boolean {
  if (value.length === 0) return false;
  const first = value[0] ?? '';
  if (FORMULA_STARTERS.has(first)) return true;
  if (first !== ' ' && first !== '\u00A0' && first !== '\u3000' && first !== '\n') return false;
  return FORMULA_STARTERS.has(value.replace(LEADING_BLANKS, '')[0] ?? '');
}

/**
 * Text made inert for a CSV field: a leading `'` when it starts like a formula (OWASP), otherwise
 * unchanged. Not used for xlsx, where a string cell is already inert (see the file comment).
 */
export function safeCellText(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

/**
 * Text within Excel's 32,767-character cell limit. Longer text is cut and ends with a visible
 * marker saying how many characters were dropped, so a reader knows the cell is incomplete;
 * the whole text stays in the workbook database.
 */
export function truncateCellText(value: string): string {
  if (value.length <= EXCEL_MAX_CELL_CHARS) return value;
  // The marker's own length depends on the count it prints; two passes settle it.
  let dropped = value.length - EXCEL_MAX_CELL_CHARS;
  for (let pass = 0; pass < 2; pass += 1) {
    const marker = truncationMarker(dropped);
    dropped = value.length - (EXCEL_MAX_CELL_CHARS - marker.length);
  }
  let kept = value.slice(0, value.length - dropped);
  // Never cut a surrogate pair in half: a lone surrogate is not valid XML text.
  if (/[\uD800-\uDBFF]$/.test(kept)) {
    kept = kept.slice(0, -1);
    dropped += 1;
  }
  return `${kept}${truncationMarker(dropped)}`;
}

function truncationMarker(dropped: number): string {
  return `… [truncated: ${dropped} characters]`;
}

/**
 * Cell text as OOXML needs it to read back as typed. Excel (and exceljs) decode `_xHHHH_` in
 * stored text as the character U+HHHH, so a literal `_x003D_` would come back as `=`; the
 * underscore of such a sequence is itself escaped (`_x005F_`). Only the xlsx writer uses this.
 */
export function escapeOoxmlText(value: string): string {
  return value.includes('_x') ? value.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_') : value;
}

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A sheet name Excel accepts and that is not yet in `taken` (compared case-insensitively, as Excel
 * does): forbidden characters `[]:*?/\` become `-`, apostrophes are dropped (Excel forbids them at
 * either end, and exceljs does not escape them in the print-title names it writes), blank names
 * become "Sheet", the result is at most 31 characters, and a clash gets " (2)", " (3)"... within
 * the limit. The chosen name is added to `taken`.
 */
export function safeSheetName(name: string, taken: Set<string>): string {
  const cleaned = name
    .replace(SHEET_NAME_FORBIDDEN, '-')
    .replace(/'/g, '')
    // Control characters cannot appear in a sheet name's XML attribute.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .trim();
  const base = cutToLength(cleaned.length > 0 ? cleaned : 'Sheet', EXCEL_MAX_SHEET_NAME_CHARS);
  const lowerTaken = new Set([...taken].map((t) => t.toLowerCase()));
  let candidate = base;
  for (let n = 2; lowerTaken.has(candidate.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    candidate = `${cutToLength(base, EXCEL_MAX_SHEET_NAME_CHARS - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

/** At most `max` UTF-16 units, without splitting a surrogate pair. */
function cutToLength(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
