/**
 * The export identity read from the archive alone (the identity sheet and the shared strings it
 * points to) answers exactly what the streaming read of the whole file answers — for Demarc's own
 * export, the same file saved again by exceljs and by LibreOffice — and says so when it cannot
 * tell, so the caller reads the file the long way instead of guessing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipIdentity } from '@main/export/xlsx-identity';
import { readRoundTripIdentity } from '@main/export/xlsx-roundtrip-reader';
import { exportWorkbook } from '@main/services/export-service';
import { editExport } from '@tests/helpers/roundtrip-edit';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);
afterAll(() => rmSync(profile, { recursive: true, force: true }));

async function exported(dir: string) {
  const t = createTestWorkbook({ organisation: 'Northwind & Sons <EU>' });
  const [alice] = seedParties(t.wb.db, [{ name: 'Alice Martin', kind: 'person' }]);
  const ids = seedAssets(t.wb.db, [{ name: 'vm-1', serviceModel: 'iaas', ownerPartyId: alice! }]);
  const path = join(dir, 'raci.xlsx');
  await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path, exportedAt: 'last-change' });
  t.close();
  return { path, ids };
}

const streamed = (bytes: Buffer) => readRoundTripIdentity(Readable.from([bytes]));

describe('the export identity read from the archive', () => {
  it("equals the streaming read for Demarc's export and the same file saved by exceljs", async () => {
    const dir = tempDir();
    const { path, ids } = await exported(dir);
    const bytes = readFileSync(path);
    const identity = zipIdentity(bytes);
    expect(identity).not.toBeUndefined();
    expect(identity).not.toBeNull();
    expect(identity).toEqual(await streamed(bytes));
    const edited = join(dir, 'edited.xlsx');
    await editExport(path, edited, [{ sheet: 'Matrix', assetId: ids[0]!, header: 'Owner', value: 'Bob Chen' }]);
    const again = readFileSync(edited);
    expect(zipIdentity(again)).toEqual(identity);
  });

  it.skipIf(!hasSoffice)('equals the streaming read for the export saved again by LibreOffice', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const { path } = await exported(dir);
    const out = join(dir, 'lo');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', path, '--outdir', out], { timeout: 120_000, stdio: 'pipe' });
    const bytes = readFileSync(join(out, 'raci.xlsx'));
    const identity = zipIdentity(bytes);
    expect(identity).not.toBeUndefined();
    expect(identity).toEqual(await streamed(bytes));
    expect(identity).toEqual(zipIdentity(readFileSync(path)));
  });

  it('answers null for a workbook without the identity sheet, and undefined for what it cannot read', async () => {
    const dir = tempDir();
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Inventory').addRow(['name', 'type']);
    const inventory = join(dir, 'inventory.xlsx');
    await plain.xlsx.writeFile(inventory);
    expect(zipIdentity(readFileSync(inventory))).toBeNull();
    const text = join(dir, 'not.xlsx');
    writeFileSync(text, 'name,type\nvm-1,vm\n');
    expect(zipIdentity(readFileSync(text))).toBeUndefined();
    // A cut archive: its central directory is gone.
    const { path } = await exported(dir);
    const whole = readFileSync(path);
    expect(zipIdentity(whole.subarray(0, Math.floor(whole.length / 2)))).toBeUndefined();
  });
});
