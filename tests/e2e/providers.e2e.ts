/**
 * A model per provider, from the UI: a workbook holding an AWS inventory (imported by the CLI) is
 * opened; the Responsibility area says AWS assets are read under AWS's model; moving them to the
 * default model shows what moves (Infrastructure services → IaaS…) before anything changes; the
 * asset panel then offers the new model's columns, and moving one asset back to AWS's model goes
 * through the same dialog.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { cli } from '@tests/helpers/run-cli';

const AWS_FILE = join(__dirname, '../fixtures/providers/aws-tagging-get-resources.json');

const { launch } = useHarness();

describe('a model per provider in the app', () => {
  it('moves AWS assets to the default model with a preview, then one asset back to AWS’s', async () => {
    const app = await launch();
    const path = join(app.dir, 'Acme cloud.demarc');
    expect((await cli(['new', path, '--org', 'Acme'], app.dir)).code).toBe(0);
    expect((await cli(['import', path, AWS_FILE], app.dir)).code).toBe(0);
    app.dialogs.openPaths.push(path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Acme cloud', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Responsibility' }).click();

    const awsModel = page.getByLabel('Model for aws assets');
    await expect.poll(() => awsModel.inputValue()).toBe('aws-2026-12');
    await awsModel.selectOption({ value: '' });
    const dialog = page.getByRole('dialog', { name: /^Read aws assets under the default model/ });
    await dialog.waitFor();
    expect(await dialog.getByTestId('model-change-scope').textContent()).toBe(
      'Moves the 14 aws asset(s) without a model of their own from aws-2026-12 to microsoft-2026-01. One step: undo puts everything back.'
    );
    const columns = (await dialog.getByTestId('model-change-columns').getByRole('listitem').allTextContents()).join('\n');
    expect(columns).toMatch(/^\d+ × Infrastructure services → IaaS$/m);
    expect(columns).toMatch(/^\d+ × Container services → PaaS$/m);
    await docScreenshot(app, 'providers-model-change');
    expect(await scanScreen(page, 'providers-model-change')).toEqual([]);
    await dialog.getByRole('button', { name: 'Change the model' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => awsModel.inputValue()).toBe('');

    // The asset now offers the default model's columns; moving it back to AWS's previews first.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Inventory' }).click();
    await searchAssets(page, 'web-01');
    const grid = page.getByRole('grid', { name: 'Assets' });
    await grid.getByRole('gridcell', { name: 'web-01', exact: true }).click();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    await panel.getByRole('heading', { name: 'web-01' }).waitFor();
    await expect.poll(() => panel.getByLabel('Service model').inputValue()).toBe('iaas');
    await panel.getByLabel('Responsibility model').selectOption('aws-2026-12');
    const assetDialog = page.getByRole('dialog', { name: /^Read web-01 under AWS shared responsibility model/ });
    await assetDialog.getByText('1 × IaaS → Infrastructure services').waitFor();
    await assetDialog.getByRole('button', { name: 'Change the model' }).click();
    await assetDialog.waitFor({ state: 'detached' });
    await expect.poll(() => panel.getByLabel('Service model').inputValue()).toBe('infrastructure');
    expect(await panel.getByLabel('Service model').locator('option').allTextContents()).toEqual([
      'Infrastructure services',
      'Container services',
      'Abstracted services',
      'Unclassified'
    ]);
    await docScreenshot(app, 'providers-asset-model');
  });
});
