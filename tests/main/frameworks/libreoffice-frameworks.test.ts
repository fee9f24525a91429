/**
 * A real spreadsheet application opens the framework workbooks: LibreOffice (headless) converts
 * the CCM/CAIQ and FedRAMP CIS/CRM exports sheet by sheet to CSV, and what it reads is what was
 * written (CSA's and FedRAMP's header strings, double spaces included). Skipped without `soffice`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CAIQ_LAYOUT, FEDRAMP_BASELINES, FEDRAMP_LAYOUT } from '@core/frameworks/catalogues';
import { exportFramework } from '@main/services/framework-export';
import { closeWorkbook } from '@main/services/workbook-service';
import { handMadeWorkbook, type HandMade } from '@tests/helpers/framework-seed';

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);

/** Every sheet of `path` to `<name>-<sheet>.csv` (UTF-8; LibreOffice 7.2+: sheet number -1). */
function sheetsToCsv(path: string, dir: string): void {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', path, '--outdir', dir],
    { timeout: 120_000, stdio: 'pipe' }
  );
}

const csv = (path: string): string[][] => parse(readFileSync(path, 'utf8'), { bom: true, relax_column_count: true }) as string[][];

let made: HandMade | null = null;
afterEach(() => {
  if (made) closeWorkbook(made.wb);
  made = null;
});

describe.skipIf(!has('soffice'))('LibreOffice opens the framework exports', () => {
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('reads the CCM/CAIQ workbook as written', { timeout: 180_000 }, async () => {
    made = handMadeWorkbook();
    const path = join(made.dir, 'ccm.xlsx');
    await exportFramework(made.wb, made.ctx, { framework: 'ccm', scope: {}, baseline: 'moderate', path, exportedAt: 'last-change' });
    sheetsToCsv(path, made.dir);
    const sheet = csv(join(made.dir, `ccm-${CAIQ_LAYOUT.sheetName}.csv`));
    expect(sheet[CAIQ_LAYOUT.headerRow - 1]).toEqual([...CAIQ_LAYOUT.header]);
    const questions = sheet.slice(CAIQ_LAYOUT.headerRow);
    expect(questions).toHaveLength(261);
    for (const row of questions) expect(CAIQ_LAYOUT.ownershipValues).toContain(row[3]);
    expect(existsSync(join(made.dir, 'ccm-Introduction.csv'))).toBe(true);
  });

  it('reads the FedRAMP CIS and CRM worksheets as written', { timeout: 180_000 }, async () => {
    made = handMadeWorkbook();
    const path = join(made.dir, 'fedramp.xlsx');
    await exportFramework(made.wb, made.ctx, { framework: 'fedramp', scope: {}, baseline: 'moderate', path, exportedAt: 'last-change' });
    sheetsToCsv(path, made.dir);
    const baseline = FEDRAMP_BASELINES.Moderate;
    const cis = csv(join(made.dir, `fedramp-${baseline.cisSheet}.csv`));
    expect(cis[2]!.slice(1)).toEqual(FEDRAMP_LAYOUT.cisColumns.slice(1));
    expect(cis.slice(baseline.cisFirstDataRow - 1).map((r) => r[0])).toEqual([...baseline.controlIds]);
    const crm = csv(join(made.dir, `fedramp-${baseline.crmSheet}.csv`));
    expect(crm[baseline.crmHeaderRow - 1]).toEqual([...FEDRAMP_LAYOUT.crmHeader]);
    for (const row of crm.slice(baseline.crmFirstDataRow - 1)) expect(FEDRAMP_LAYOUT.canBeInherited).toContain(row[1]);
  });
});
