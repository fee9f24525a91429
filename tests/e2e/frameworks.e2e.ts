/**
 * A framework export from the Export area: the hand-made workbook opened through the UI, "CSA CCM
 * v4" chosen with one service model as scope, the ownership previewed, exported through the save
 * dialog (a double) and read back; then the user's own control mapping imported from the panel.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import builtin from '@resources/frameworks/layer-controls.json';
import { closeWorkbook } from '@main/services/workbook-service';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { handMadeWorkbook } from '@tests/helpers/framework-seed';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { openWorkbook } from '@tests/helpers/e2e/open-workbook';

const { launch } = useHarness();

describe('framework export from the UI', () => {
  it('chooses CCM and a scope, previews, exports and reads back; imports a mapping', async () => {
    const app = await launch();
    const made = handMadeWorkbook({ dir: app.dir });
    closeWorkbook(made.wb);
    const { page } = app;
    await openWorkbook(app, made.path, 'Northwind');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Export' }).click();

    await page.getByRole('radio', { name: 'CSA CCM v4 shared responsibility (CAIQ, .xlsx)' }).check();
    const form = page.getByRole('form', { name: 'Export CSA CCM v4 shared responsibility (CAIQ, .xlsx)' });
    await form.getByRole('radio', { name: 'One service model' }).check();
    await form.getByLabel('Service model', { exact: true }).selectOption({ label: 'PaaS (1)' });
    await expect.poll(() => form.getByTestId('ownership-preview').textContent()).toMatch(/^1 asset in scope · 197 CCM controls: Provider \d+ · Customer \d+ · Shared \d+$/);
    await page.getByRole('heading', { name: 'Control mapping' }).waitFor();
    await docScreenshot(app, 'export-frameworks');
    expect(await scanScreen(page, 'export-frameworks')).toEqual([]);

    const target = join(app.dir, 'Northwind CCM.xlsx');
    app.dialogs.exportPaths.push(target);
    await form.getByRole('button', { name: 'Export…' }).click();
    await form.getByRole('heading', { name: 'Exported' }).waitFor();
    expect(await form.getByTestId('export-path').textContent()).toBe(target);
    const rows = sheetRows((await readWorkbook(target)).getWorksheet('CAIQv4.0.3')!, 12);
    expect(rows.find((r) => r[0] === 'DCS-03.1')![3]).toBe('CSP-owned');
    expect(rows.find((r) => r[0] === 'AIS-02.1')![3]).toBe('Shared CSP and CSC');
    await form.getByRole('heading', { name: 'Exported' }).scrollIntoViewIfNeeded();
    await docScreenshot(app, 'export-frameworks-done');

    const mine = JSON.parse(JSON.stringify(builtin)) as { id: string; name: string };
    mine.id = 'northwind-mapping';
    mine.name = 'Northwind mapping';
    const mappingPath = join(app.dir, 'northwind-mapping.json');
    writeFileSync(mappingPath, JSON.stringify(mine));
    app.dialogs.mappingFiles.push(mappingPath);
    await page.getByRole('button', { name: 'Import mapping…' }).click();
    await page.getByText('imported from northwind-mapping.json', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Use the built-in mapping' }).click();
    await page.getByText('built into Demarc.', { exact: false }).waitFor();
    expect(readFileSync(made.path).length).toBeGreaterThan(0);
  });
});
