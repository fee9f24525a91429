/**
 * A real spreadsheet application opens the export: LibreOffice (headless) converts it to PDF and
 * to CSV. Skipped where `soffice` is not installed (see docs in ENVIRONMENT: libreoffice-calc-nogui).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseLineBreaks } from '@core/spreadsheet-safe';
import { writeXlsx } from '@main/export/xlsx-writer';
import { tempDir } from '@tests/helpers/temp';
import { buildChangeLog, buildTestReport, injectionPayloads, exportInput } from '@tests/helpers/report-builder';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);

function soffice(args: string[], outdir: string): void {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', ...args, '--outdir', outdir],
    { timeout: 120_000, stdio: 'pipe' }
  );
}

describe.skipIf(!has('soffice'))('LibreOffice opens the export', () => {
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('converts the workbook to PDF cleanly', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const path = join(dir, 'raci.xlsx');
    await writeXlsx(exportInput(buildTestReport({ assets: 30 }), buildChangeLog(12)), {
      path,
      exportedAt: '2026-11-28T09:00:00.000Z',
      exportedBy: 'Jane Doe'
    });
    soffice(['--convert-to', 'pdf', path], dir);
    const pdf = join(dir, 'raci.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', pdf, join(dir, 'page')], {
        timeout: 60_000
      });
      expect(readdirSync(dir).some((f) => /^page-0*1\.png$/.test(f))).toBe(true);
    }
  });

  it('reads every injection payload as text, never as a formula', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const payloads = injectionPayloads();
    const path = join(dir, 'hostile.xlsx');
    await writeXlsx(exportInput(buildTestReport({ assets: payloads.length, assetNames: payloads, partyNames: payloads }), buildChangeLog(2)),
      { path, exportedAt: '2026-11-28T09:00:00.000Z', exportedBy: 'Jane Doe' }
    );
    // UTF-8, every sheet to its own file (LibreOffice 7.2+: sheet number -1).
    soffice(
      ['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', path],
      dir
    );
    const raci = parse(readFileSync(join(dir, 'hostile-RACI.csv'), 'utf8'), { bom: true }) as string[][];
    const assets = [...new Set(raci.slice(1).map((r) => r[0]))];
    // A formula would show its result ("2" for =1+1, Err:xxx for DDE): the text must come back as written.
    expect(assets).toEqual(payloads.map(normaliseLineBreaks));
  });
});
