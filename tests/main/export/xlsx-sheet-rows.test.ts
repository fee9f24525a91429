/**
 * The round trip's own xlsx reader (zip-file.ts, xlsx-parts.ts, xlsx-sheet-rows.ts) on SpreadsheetML
 * spelt the ways other clients spell it: inline strings (rich runs, phonetic runs), shared strings
 * with Excel's _xHHHH_ escapes, a prefixed namespace, cells and rows without references, dates by
 * built-in and custom formats, the 1904 date system, booleans, errors, formulas with their cached
 * values (a shared formula's followers named by the leader's text), parts stored or deflated, and an
 * archive that inflates past the limit refused naming its part.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ReadCell } from '@core/roundtrip/sheet-cells';
import { InflatedPastLimit, XlsxArchive, readDateStyles, readSharedStrings, readWorkbook } from '@main/export/xlsx-parts';
import { readSheetRows } from '@main/export/xlsx-sheet-rows';
import { ZipFile } from '@main/export/zip-file';
import { tempDir } from '@tests/helpers/temp';

/** A ZIP archive of `parts` (deflated, or stored when named in `stored`); `lie` declares other sizes. */
function zipOf(parts: Record<string, string>, stored: readonly string[] = [], lie: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text, 'utf8');
    const method = stored.includes(name) ? 0 : 8;
    const data = method === 0 ? raw : deflateRawSync(raw);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(lie[name] ?? raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(parts).length, 8);
  eocd.writeUInt16LE(Object.keys(parts).length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, eocd]);
}

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const PARTS = {
  '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0"?><x:workbook ${NS} xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="RACI" sheetId="1" r:id="rId7"/><x:sheet name="Other &amp; more" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${REL}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId8" Type="${REL}/worksheet" Target="/xl/worksheets/../worksheets/other.xml"/><Relationship Id="rId9" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="rId10" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  'xl/styles.xml': `<?xml version="1.0"?><x:styleSheet ${NS}><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="&quot;Day&quot; 0"/><x:numFmt numFmtId="165" formatCode="[$-409]d/m/yyyy"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/></x:cellXfs></x:styleSheet>`,
  'xl/strings.xml': `<?xml version="1.0"?><x:sst ${NS} count="3" uniqueCount="3"><x:si><x:t>Alice Martin</x:t></x:si><x:si><x:r><x:t xml:space="preserve">Bob </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Chen</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ボブ</x:t></x:rPh></x:si><x:si><x:t>line_x000D_break</x:t></x:si><x:si/></x:sst>`,
  'xl/worksheets/data.xml': `<?xml version="1.0"?><x:worksheet ${NS}><x:sheetData>
    <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>Ré</x:t></x:r><x:r><x:t>sumé</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c></x:row>
    <x:row><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>42.5</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c s="2"><x:v>7</x:v></x:c><x:c s="3"><x:v>1</x:v></x:c></x:row>
    <x:row r="5"><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c r="D5" t="e"><x:v>#N/A</x:v></x:c><x:c r="E5" t="str"><x:v>a &amp; b</x:v></x:c><x:c r="F5" t="s"><x:v>2</x:v></x:c><x:c r="G5" t="s"><x:v>3</x:v></x:c><x:c r="H5"/></x:row>
    <x:row r="6"><x:c r="A6" t="str"><x:f t="shared" ref="A6:A7" si="0">B6&amp;"x"</x:f><x:v>Bob Chenx</x:v></x:c><x:c r="B6"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>
    <x:row r="7"><x:c r="A7" t="str"><x:f t="shared" si="0"/><x:v>x</x:v></x:c><x:c r="B7" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c><x:c r="C7"><x:f>1/0</x:f></x:c></x:row>
    <x:row r="8"/>
  </x:sheetData></x:worksheet>`,
  'xl/worksheets/other.xml': `<x:worksheet ${NS}><x:sheetData/></x:worksheet>`
};

/** Every row of the first sheet; `wanted`, when given, is answered after row 1 (the columns read from then on). */
async function readAll(bytes: Buffer, limit = 1024 * 1024, wanted?: readonly boolean[]) {
  const path = join(tempDir(), 'book.xlsx');
  writeFileSync(path, bytes);
  const fd = openSync(path, 'r');
  try {
    const archive = new XlsxArchive(new ZipFile(fd, bytes.length), limit);
    const workbook = (await readWorkbook(archive))!;
    const context = { sharedStrings: await readSharedStrings(archive, workbook.sharedStrings), dateStyles: await readDateStyles(archive, workbook.styles), date1904: workbook.date1904 };
    const rows: { row: number; cells: Record<number, ReadCell> }[] = [];
    await readSheetRows(archive, workbook.sheets[0]!.part!, context, (row, cells) => {
      rows.push({ row, cells: Object.fromEntries(cells.flatMap((c, i) => (c ? [[i, c]] : []))) });
      return row === 1 ? wanted : undefined;
    });
    return { workbook, context, rows };
  } finally {
    closeSync(fd);
  }
}

describe('the round trip’s xlsx reader', () => {
  it('builds only the columns the caller names after the header; a cell of another column is marked as holding a value, exactly when it holds one', async () => {
    const all = (await readAll(zipOf(PARTS))).rows;
    const some = (await readAll(zipOf(PARTS), undefined, [false, true, false, true])).rows;
    expect(some.map((r) => r.row)).toEqual(all.map((r) => r.row));
    let skipped = 0;
    for (const [i, row] of some.entries()) {
      const full = all[i]!.cells;
      if (row.row === 1) {
        expect(row.cells).toEqual(full);
        continue;
      }
      const expected = Object.fromEntries(
        Object.entries(full).map(([column, cell]) => [column, Number(column) === 1 || Number(column) === 3 ? cell : { value: null, skipped: true }])
      );
      expect(row.cells).toEqual(expected);
      skipped += Object.keys(full).filter((c) => c !== '1' && c !== '3').length;
    }
    // Shared strings, numbers, dates, booleans, errors, formulas (one without a cached value) skipped.
    expect(skipped).toBeGreaterThanOrEqual(8);
  });

  it('reads cells as other clients spell them, parts stored or deflated', async () => {
    for (const stored of [[], ['xl/worksheets/data.xml', 'xl/strings.xml']]) {
      const { workbook, context, rows } = await readAll(zipOf(PARTS, stored));
      expect(workbook.sheets).toEqual([
        { name: 'RACI', part: 'xl/worksheets/data.xml' },
        { name: 'Other & more', part: 'xl/worksheets/other.xml' }
      ]);
      expect(workbook.date1904).toBe(true);
      expect(Array.from({ length: context.sharedStrings.length + 1 }, (_, i) => context.sharedStrings.at(i))).toEqual(['Alice Martin', 'Bob Chen', 'line\rbreak', '', undefined]);
      expect(context.dateStyles).toEqual([false, true, false, true]);
      expect(rows).toEqual([
        { row: 1, cells: { 1: { value: 'Alice Martin' }, 3: { value: 'Résumé' } } },
        // A row and cells without references follow the previous ones; the 1904 system counts from 1904-01-01.
        { row: 2, cells: { 1: { value: 'Bob Chen' }, 2: { value: 42.5 }, 3: { value: '1904-01-01T00:00:00.000Z', date: true }, 4: { value: 7 }, 5: { value: '1904-01-02T00:00:00.000Z', date: true } } },
        { row: 5, cells: { 2: { value: true }, 4: { value: '#N/A' }, 5: { value: 'a & b' }, 6: { value: 'line\rbreak' } } },
        { row: 6, cells: { 1: { value: 'Bob Chenx', formula: 'B6&"x"' }, 2: { value: 2, formula: '1+1' } } },
        { row: 7, cells: { 1: { value: 'x', formula: 'B6&"x"' }, 2: { value: true, formula: 'TRUE()' }, 3: { value: null, formula: '1/0' } } },
        { row: 8, cells: {} }
      ]);
    }
  });

  it('refuses an archive that inflates past the limit, naming the part', async () => {
    const bytes = zipOf(PARTS);
    const declared = Object.values(PARTS).reduce((n, text) => n + Buffer.byteLength(text), 0);
    await expect(readAll(bytes, declared - 1)).rejects.toThrow(InflatedPastLimit);
    await expect(readAll(bytes, declared - 1)).rejects.toMatchObject({ overrun: { entry: '', declared, byDeclaration: true } });
    // The sizes lie: counted while inflating, refused at the part that passes the limit.
    const sheet = 'xl/worksheets/data.xml';
    const lying = zipOf({ ...PARTS, [sheet]: PARTS[sheet].replace('<x:row r="8"/>', '<x:row r="8"/>'.repeat(100_000)) }, [], { [sheet]: 10 });
    await expect(readAll(lying, declared + 100_000)).rejects.toMatchObject({ overrun: { entry: sheet, byDeclaration: false } });
    expect((await readAll(lying, declared + 2_000_000)).rows).toHaveLength(100_005);
  });
});
