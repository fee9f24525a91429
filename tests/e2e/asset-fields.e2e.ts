/**
 * Issue 20, the asset fields (criticality, data classification, environment) in the app: the import
 * preview names where each comes from (a column, tags); the grid's filter menus count the assets
 * per value; "Set criticality…" sets them on a grid selection in one step; the asset panel edits
 * one asset's. Screenshots + axe.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';

const { launch } = useHarness();

/** A CMDB export: criticality and data classification columns, the environment under "Used for". */
const CMDB = [
  'Server name,Criticality,Used for,Data Classification',
  'db01,High,Production,Confidential',
  'db02,High,Test,Internal',
  'web01,Low,Production,',
  'web02,Medium,Development,Internal',
  'batch01,,Test,'
].join('\n');

const grid = (page: Page) => page.getByRole('grid', { name: 'Assets' });
const dataRows = (page: Page) => grid(page).locator('[role=row][data-loaded=true]');

function attributesOf(app: AppUnderTest, name: string): { criticality: string | null; data_classification: string | null; environment: string | null } {
  return app.session.require().db.prepare('SELECT criticality, data_classification, environment FROM assets WHERE name = ?').get(name) as {
    criticality: string | null;
    data_classification: string | null;
    environment: string | null;
  };
}

describe('asset fields', () => {
  it('the import says where they come from; the grid filters and counts them; the selection and the panel set them', async () => {
    const app = await launch();
    const { page } = app;
    app.dialogs.newPaths.push(join(app.dir, 'Contoso.demarc'));
    await page.getByRole('button', { name: 'New workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();

    // The preview: each field with the column (or tags) it is read from and how many rows gave one.
    const cmdb = join(app.dir, 'cmdb.csv');
    writeFileSync(cmdb, CMDB);
    app.dialogs.importFiles.push([cmdb]);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import inventory' });
    const readings = dialog.getByTestId('import-attributes');
    await readings.waitFor();
    expect(await readings.getByRole('listitem').allTextContents()).toEqual([
      'Criticality: from column "Criticality" (4 rows)',
      'Data classification: from column "Data Classification" (3 rows)',
      'Environment: from column "Used for" (5 rows)'
    ]);
    await docScreenshot(app, 'asset-fields-import-preview');
    expect(await scanScreen(page, 'asset-fields-import-preview')).toEqual([]);
    await dialog.getByRole('button', { name: 'Apply import' }).click();
    await dialog.getByTestId('import-summary').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(attributesOf(app, 'db01')).toEqual({ criticality: 'high', data_classification: 'confidential', environment: 'production' });

    // The filter menus count the assets per value (in the vocabulary's order); choosing one narrows the grid.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Inventory' }).click();
    await expect.poll(() => dataRows(page).count()).toBe(5);
    // The Criticality column (Columns menu), sorted in the vocabulary's order, not stated last.
    const columns = page.locator('summary', { hasText: 'Columns' });
    await columns.click();
    await page.getByRole('checkbox', { name: 'Criticality', exact: true }).check();
    await columns.click();
    await grid(page).getByRole('button', { name: 'Criticality', exact: true }).click();
    const names = () => dataRows(page).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('[role=gridcell]')[1]?.textContent?.trim() ?? ''));
    await expect.poll(names).toEqual(['db01', 'db02', 'web02', 'web01', 'batch01']);
    expect(await dataRows(page).first().getByRole('gridcell', { name: 'High', exact: true }).count()).toBe(1);
    const criticality = page.getByRole('combobox', { name: 'Criticality', exact: true });
    await expect.poll(() => criticality.locator('option').allTextContents()).toEqual(['Any', 'High (2)', 'Medium (1)', 'Low (1)', 'Not stated (1)']);
    await criticality.selectOption({ label: 'High (2)' });
    await expect.poll(() => dataRows(page).count()).toBe(2);
    await docScreenshot(app, 'asset-fields-filter');
    expect(await scanScreen(page, 'asset-fields-filter')).toEqual([]);

    // Set criticality… on the filtered selection: one step, one undo.
    await page.getByRole('checkbox', { name: 'Select all 2 matching' }).check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Set criticality…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Set criticality, data classification, environment' });
    await bulk.getByLabel('Criticality').selectOption({ label: 'Mission-critical' });
    await bulk.getByLabel('Environment').selectOption({ label: 'Production' });
    await docScreenshot(app, 'asset-fields-bulk');
    expect(await scanScreen(page, 'asset-fields-bulk')).toEqual([]);
    await bulk.getByRole('button', { name: 'Set on 2 assets' }).click();
    await bulk.waitFor({ state: 'detached' });
    for (const name of ['db01', 'db02']) expect(attributesOf(app, name)).toMatchObject({ criticality: 'mission-critical', environment: 'production' });
    // The menu follows: no asset is High any more.
    await expect.poll(() => criticality.locator('option').allTextContents()).toEqual(['Any', 'Mission-critical (2)', 'Medium (1)', 'Low (1)', 'Not stated (1)']);
    // They no longer match the High filter; with any criticality the grid shows them first, Mission-critical.
    await expect.poll(() => dataRows(page).count()).toBe(0);
    await criticality.selectOption({ label: 'Any' });
    await expect.poll(() => dataRows(page).count()).toBe(5);
    await expect.poll(names).toEqual(['db01', 'db02', 'web02', 'web01', 'batch01']);
    expect(await dataRows(page).first().getByRole('gridcell', { name: 'Mission-critical', exact: true }).count()).toBe(1);

    // The asset panel edits one asset's fields.
    await searchAssets(page, 'batch01');
    await dataRows(page).filter({ hasText: 'batch01' }).first().dblclick();
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    await panel.getByRole('heading', { name: 'batch01' }).waitFor();
    expect(await panel.getByLabel('Criticality').inputValue()).toBe('');
    await panel.getByLabel('Criticality').selectOption({ label: 'Medium' });
    await panel.getByLabel('Data classification').selectOption({ label: 'Public' });
    await expect.poll(() => attributesOf(app, 'batch01')).toEqual({ criticality: 'medium', data_classification: 'public', environment: 'test' });
    await expect.poll(() => panel.getByLabel('Data classification').inputValue()).toBe('public');
    await docScreenshot(app, 'asset-fields-panel');
    expect(await scanScreen(page, 'asset-fields-panel')).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
