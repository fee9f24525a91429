import { describe, expect, it } from 'vitest';
import {
  EXCEL_MAX_CELL_CHARS,
  escapeOoxmlText,
  isFormulaLike,
  normaliseLineBreaks,
  safeCellText,
  safeSheetName,
  truncateCellText
} from '@core/spreadsheet-safe';

describe('safeCellText (CSV)', () => {
  const cases: [string, string][] = [
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
    ['–1', "'–1"],
    [' =1+1', "' =1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['DDE ("cmd";"/C calc";"!A0")A0', 'DDE ("cmd";"/C calc";"!A0")A0'],
    ['Identity team', 'Identity team'],
    ['a=b', 'a=b'],
    [' plain', ' plain'],
    ['', ''],
    ["'quoted", "'quoted"]
  ];
  it.each(cases)('%j → %j', (input, output) => {
    expect(safeCellText(input)).toBe(output);
    expect(isFormulaLike(safeCellText(input))).toBe(false);
  });
});

describe('truncateCellText', () => {
  it('keeps text up to the limit unchanged', () => {
    const exact = 'a'.repeat(EXCEL_MAX_CELL_CHARS);
    expect(truncateCellText(exact)).toBe(exact);
    expect(truncateCellText('short')).toBe('short');
  });

  it.each([EXCEL_MAX_CELL_CHARS + 1, 40_000, 1_000_000])(
    'cuts %i characters to the limit with a true count',
    (n) => {
      const cut = truncateCellText('b'.repeat(n));
      expect(cut).toHaveLength(EXCEL_MAX_CELL_CHARS);
      const match = /… \[truncated: (\d+) characters\]$/.exec(cut);
      expect(match).not.toBeNull();
      const kept = cut.indexOf('…');
      expect(kept + Number(match![1])).toBe(n);
    }
  );

  it('never splits a surrogate pair', () => {
    const cut = truncateCellText('😀'.repeat(20_000));
    expect(cut.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const kept = cut.slice(0, cut.indexOf('…'));
    expect(kept.length + Number(/truncated: (\d+)/.exec(cut)![1])).toBe(40_000);
  });
});

describe('escapeOoxmlText', () => {
  it('escapes the underscore of _xHHHH_ sequences, either case, and nothing else', () => {
    expect(escapeOoxmlText('_x003D_1+1')).toBe('_x005F_x003D_1+1');
    expect(escapeOoxmlText('a_x00e9_b_x12_c')).toBe('a_x005F_x00e9_b_x12_c');
    expect(escapeOoxmlText('plain_x')).toBe('plain_x');
  });
});

describe('normaliseLineBreaks', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normaliseLineBreaks('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
});

describe('safeSheetName', () => {
  it('removes forbidden characters and apostrophes, trims, and caps at 31', () => {
    const taken = new Set<string>();
    expect(safeSheetName('a[b]c:d*e?f/g\\h', taken)).toBe('a-b-c-d-e-f-g-h');
    expect(safeSheetName("'Quoted'", taken)).toBe('Quoted');
    expect(safeSheetName('x'.repeat(40), taken)).toBe('x'.repeat(31));
    expect(safeSheetName('   ', taken)).toBe('Sheet');
  });

  it('makes names unique, case-insensitively, within 31 characters', () => {
    const taken = new Set<string>(['RACI']);
    expect(safeSheetName('raci', taken)).toBe('raci (2)');
    expect(safeSheetName('RACI', taken)).toBe('RACI (3)');
    const long = 'L'.repeat(31);
    expect(safeSheetName(long, taken)).toBe(long);
    const second = safeSheetName(long, taken);
    expect(second).toBe(`${'L'.repeat(27)} (2)`);
    expect(second).toHaveLength(31);
    expect([...taken]).toContain(second);
  });
});
