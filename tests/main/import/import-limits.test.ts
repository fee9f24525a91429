/**
 * Imports are bounded (issue 23 #7): a field past its length refuses its row with the line and
 * column named; an .xlsx whose archive inflates past the limit is refused before it is inflated;
 * a cell reading "constructor" is not a service model.
 */
import ExcelJS from 'exceljs';
import { constants, deflateRawSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventory } from '@main/import/read-inventory';
import { parseServiceModel, IMPORT_FIELD_LIMITS } from '@main/import/row-builder';
import { XLSX_INFLATED_LIMIT } from '@main/import/readers/xlsx';
import { inflatedSize, inflationOverrun } from '@main/import/zip-size';
import { ROUNDTRIP_INFLATED_LIMIT } from '@main/services/roundtrip';
import { cli } from '@tests/helpers/run-cli';
import { sha256File, tempDir } from '@tests/helpers/temp';

/** A one-entry ZIP whose central directory declares `declared` uncompressed bytes (its data: `data`, deflated). */
function zipDeclaring(declared: number, name = 'xl/worksheets/sheet1.xml', data: Uint8Array = deflateRawSync(Buffer.from('<x/>'))): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + fileName.length, 12);
  eocd.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, eocd]);
}

/**
 * A raw deflate stream of `mib` MiB of zeros built without inflating anything: one fully flushed
 * block of 1 MiB (about 1 KB) repeated, then an empty final block.
 */
function zerosDeflated(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  return Buffer.concat([...Array<Buffer>(mib).fill(block), deflateRawSync(Buffer.alloc(0))]);
}

/** An archive that declares 1 KiB for its sheet and inflates to `mib` MiB: the sizes lie. */
const lyingZip = (mib: number): Buffer => zipDeclaring(1024, 'xl/worksheets/sheet1.xml', zerosDeflated(mib));

describe('import limits', () => {
  it('refuses an .xlsx that inflates past the limit before inflating it', async () => {
    const bomb = zipDeclaring(XLSX_INFLATED_LIMIT + 1);
    expect(inflatedSize(bomb)).toBe(XLSX_INFLATED_LIMIT + 1);
    const result = await readInventory(bomb, { fileName: 'bomb.xlsx', format: 'xlsx' });
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 0, field: null, message: 'bomb.xlsx inflates to 513 MiB of XML, more than the 512 MiB Demarc reads: nothing was read (export fewer rows per file, or CSV).' }]);
    expect(inflatedSize(Buffer.from('not a zip at all'))).toBeNull();
  });

  it('counts what an archive really inflates to: one whose declared sizes lie is refused naming the file and the entry', async () => {
    const bomb = lyingZip(XLSX_INFLATED_LIMIT / 1024 / 1024 + 1);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(inflatedSize(bomb)).toBe(1024);
    const result = await readInventory(bomb, { fileName: 'lying.xlsx', format: 'xlsx' });
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      {
        line: 0,
        field: null,
        message: 'lying.xlsx inflates past the 512 MiB of XML Demarc reads (its entry "xl/worksheets/sheet1.xml" passed the limit, though the archive declares 1 KiB in all): nothing was read (export fewer rows per file, or CSV).'
      }
    ]);
    // Under the limit, the same lie is counted and let through (exceljs then refuses what is no workbook).
    expect(await inflationOverrun(lyingZip(3), 4 * 1024 * 1024)).toBeNull();
    expect(await inflationOverrun(lyingZip(5), 4 * 1024 * 1024)).toEqual({ entry: 'xl/worksheets/sheet1.xml', declared: 1024, byDeclaration: false });
  });

  it('reads a real .xlsx whose archive is small, and knows its inflated size', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Servers');
    sheet.addRow(['Name', 'Type']);
    sheet.addRow(['web01', 'microsoft.compute/virtualmachines']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const size = inflatedSize(bytes);
    expect(size).toBeGreaterThan(bytes.length);
    expect(await inflationOverrun(bytes, size! - 1)).toMatchObject({ byDeclaration: true });
    expect(await inflationOverrun(bytes, XLSX_INFLATED_LIMIT)).toBeNull();
    expect(size).toBeLessThan(1024 * 1024);
    const result = await readInventory(bytes, { fileName: 'servers.xlsx', format: 'xlsx' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.name)).toEqual(['web01']);
  });

  it('the edited-export reader counts too: an xlsx inflating past its limit is refused by demarc import, the workbook untouched', async () => {
    const dir = tempDir();
    const workbook = join(dir, 'wb.demarc');
    expect((await cli(['new', workbook, '--org', 'Bombed'])).code).toBe(0);
    const before = sha256File(workbook);
    const bomb = join(dir, 'edited-raci.xlsx');
    writeFileSync(bomb, lyingZip(ROUNDTRIP_INFLATED_LIMIT / 1024 / 1024 + 1));
    const run = await cli(['import', workbook, bomb]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('edited-raci.xlsx inflates past the 2048 MiB of XML Demarc reads (its entry "xl/worksheets/sheet1.xml" passed the limit, though the archive declares 1 KiB in all): nothing was read');
    expect(sha256File(workbook)).toBe(before);
  });

  it('refuses a row whose field passes its length, naming the line, field and column', async () => {
    const long = 'n'.repeat(IMPORT_FIELD_LIMITS.text + 1);
    const csv = `Name,Type,Location\nweb01,microsoft.compute/virtualmachines,westeurope\n${long},microsoft.compute/virtualmachines,westeurope\nweb03,microsoft.compute/virtualmachines,${long}\n`;
    const result = await readInventory(Buffer.from(csv), { fileName: 'servers.csv' });
    expect(result.rows.map((r) => r.name)).toEqual(['web01']);
    expect(result.errors).toEqual([
      { line: 3, field: 'name', message: 'name (column "Name") is 1,025 characters long: at most 1,024 are imported' },
      { line: 4, field: 'location', message: 'location (column "Location") is 1,025 characters long: at most 1,024 are imported' }
    ]);
  });

  it('takes only its own words as service models', () => {
    expect(parseServiceModel('IaaS')).toBe('iaas');
    for (const word of ['constructor', 'Constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(parseServiceModel(word), word).toBeNull();
  });
});
