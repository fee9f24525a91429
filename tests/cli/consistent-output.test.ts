/**
 * Issue 20, defect 8: what the CLI prints agrees with itself — every import run of a
 * multi-file import is named, and the export's text counts as many sheets as its --json.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '@shared/contract/export';
import { fixturePath } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';

const NSC = fixturePath('inventory/nsc-infra_az-resource-list-full_utf16le.json');
const SHIWEI = fixturePath('inventory/shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv');
const MIGRATE = fixturePath('onprem/microhack_azure-migrate-import_servers.csv');

describe('the CLI says the same thing in text and JSON', () => {
  it('names every import run of a multi-file import', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    expect((await cli(['new', wb], dir)).code).toBe(0);
    expect((await cli(['import', wb, NSC], dir)).stdout).toMatch(/; import run 1\n$/);
    const run = await cli(['import', wb, SHIWEI, MIGRATE, NSC], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/; import runs 2, 3, 4 \(one per file\)\n$/);
    const json = JSON.parse((await cli(['import', wb, SHIWEI, '--json'], dir)).stdout) as { importRunIds: number[] };
    expect(json.importRunIds).toEqual([5]);
  });

  it('counts the hidden sheets (identity, Lists) in the text as the JSON does', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    await cli(['new', wb], dir);
    await cli(['import', wb, NSC], dir);
    const json = JSON.parse((await cli(['export', wb, '--out', join(dir, 'a.xlsx'), '--json'], dir)).stdout) as ExportResult;
    const text = (await cli(['export', wb, '--out', join(dir, 'b.xlsx')], dir)).stdout;
    const line = /^sheets: (\d+) \((.+)\)$/m.exec(text);
    expect(Number(line?.[1])).toBe(json.sheets.length);
    expect(line?.[2]).toBe('Cover, Responsibility model, Matrix, RACI, By party, Findings, Sign-offs, Change log; hidden: Demarc, Lists');
  });
});
