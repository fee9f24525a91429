/**
 * Text cells written inline (export/xlsx-inline-strings.ts): read back by exceljs exactly as
 * written (spaces at either end, line breaks, entities, characters outside the BMP), as
 * `t="inlineStr"` with `xml:space="preserve"` where whitespace must survive, numbers and empty
 * cells untouched, and no other workbook written in the same process affected.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsPreserve, writeTextInline } from '@main/export/xlsx-inline-strings';
import { zipEntries } from '@tests/helpers/read-back';
import { tempDir } from '@tests/helpers/temp';

const TEXTS = ['plain', '  leading', 'trailing  ', 'two\nlines', '&amp; stays literal', '<b>not markup</b>', 'quotes "\' here', 'emoji 🧭 outside the BMP', '=1+2', ' '];

function sheetXml(path: string): string {
  const xml = zipEntries(path).get('xl/worksheets/sheet1.xml');
  if (xml === undefined) throw new Error('sheet1.xml not found');
  return xml;
}

async function write(path: string, inline: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Text');
  if (inline) await writeTextInline(sheet);
  for (const text of TEXTS) sheet.addRow([text, 42, null, text]).commit();
  const styled = sheet.addRow(['styled']);
  styled.getCell(1).style = { alignment: { wrapText: true } };
  styled.commit();
  sheet.commit();
  await workbook.commit();
}

async function readBack(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => row.getCell(c).value)));
  return rows;
}

describe('inline text cells', () => {
  it('read back exactly, as inline strings, numbers and empty cells unchanged', async () => {
    const path = join(tempDir(), 'inline.xlsx');
    await write(path, true);
    const rows = await readBack(path);
    expect(rows.slice(0, TEXTS.length)).toEqual(TEXTS.map((text) => [text, 42, null, text]));
    expect(rows[TEXTS.length]?.[0]).toBe('styled');
    const xml = sheetXml(path);
    expect(xml).not.toMatch(/t="s"|t="str"/);
    expect(xml).toContain('<c r="A1" t="inlineStr"><is><t>plain</t></is></c><c r="B1"><v>42</v></c>');
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">  leading</t></is></c>');
    expect(xml).toContain('<t>&amp;amp; stays literal</t>');
    expect(xml).toMatch(/<c r="A11" s="\d+" t="inlineStr"><is><t>styled<\/t><\/is><\/c>/);
  });

  it('leave other workbooks of the process to exceljs (t="str", whose entities exceljs reads twice)', async () => {
    const dir = tempDir();
    await write(join(dir, 'inline.xlsx'), true);
    const plain = join(dir, 'plain.xlsx');
    await write(plain, false);
    expect(sheetXml(plain)).toContain('<c r="A1" t="str"><v>plain</v></c>');
    // Why the export does not use exceljs's own form: this cell comes back changed.
    expect((await readBack(plain))[4]?.[0]).toBe('& stays literal');
  });

  it('refuses a workbook that keeps a shared-strings table', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(tempDir(), 'shared.xlsx'), useSharedStrings: true });
    await expect(writeTextInline(workbook.addWorksheet('S'))).rejects.toThrow(/without shared strings/);
  });

  it('keeps whitespace exactly where /^\\s|\\n|\\s$/ says so, for every character at either end', () => {
    const rule = /^\s|\n|\s$/;
    const texts = [...TEXTS, '', 'a', 'a\nb', '\u00a0x', 'x\u3000', '\ufeffx', 'x\u2028', '\u200bx', 'x\u180e', '🧭', 'x\r'];
    for (let code = 0; code < 0x10000; code += 1) {
      const c = String.fromCharCode(code);
      texts.push(c, `${c}x`, `x${c}`, `x${c}x`);
    }
    const wrong = texts.filter((text) => needsPreserve(text) !== rule.test(text));
    expect(wrong).toEqual([]);
  });
});
