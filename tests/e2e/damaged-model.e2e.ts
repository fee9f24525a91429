/**
 * A workbook naming responsibility models it does not hold (issue 23), in the app: it opens; the
 * Findings area shows MODEL_MISSING with the explicit repair; the asset panel says which model is
 * missing and what the asset is read under meanwhile; choosing a model for the affected assets is
 * previewed, then one edit that Undo takes back. The workbook is built from a real inventory by
 * the CLI and damaged with SQL (tests/helpers/model-missing-workbook.ts).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { META_KEYS } from '@main/store/repos/meta';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { buildModelMissingWorkbook } from '@tests/helpers/model-missing-workbook';

const { launch } = useHarness();

describe('a workbook naming a model it does not hold, in the app', () => {
  it('opens, reports MODEL_MISSING, and repairs only when the user chooses a model (undoable)', async () => {
    const app = await launch();
    const path = join(app.dir, 'Contoso damaged.demarc');
    await buildModelMissingWorkbook(path);
    app.dialogs.openPaths.push(path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso damaged', level: 1 }).waitFor();
    const nav = (area: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).click();

    // The asset panel of a damaged asset: the missing model, what it is read under, the repair.
    await nav('Inventory');
    await searchAssets(page, '2dtfinalteam4storagetest');
    const grid = page.getByRole('grid', { name: 'Assets' });
    await grid.getByRole('gridcell', { name: '2dtfinalteam4storagetest', exact: true }).click();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    const notice = panel.getByTestId('missing-model');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Its own model, “microsoft-classic-2019”, is not in this workbook; the asset is read under Microsoft Azure shared responsibility (January 2026) until you choose a model.');
    expect(await panel.getByLabel('Responsibility model').inputValue()).toBe('microsoft-classic-2019');
    await panel.locator('.asset-findings').getByText(/is to be read under the responsibility model "microsoft-classic-2019"/).waitFor();
    // Its repair previews first; cancelling changes nothing.
    await notice.getByRole('button', { name: 'Read it under Microsoft Azure shared responsibility (January 2026)…' }).click();
    const assetDialog = page.getByRole('dialog', { name: /^Read 2dtfinalteam4storagetest under Microsoft Azure shared responsibility \(January 2026\)\?/ });
    await assetDialog.getByRole('button', { name: 'Cancel' }).click();
    await assetDialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    // Findings: the group, and the repair beside it.
    await nav('Findings');
    const group = page.locator('button.finding-group[data-code="MODEL_MISSING"]');
    await group.waitFor();
    expect(await group.textContent()).toContain('Model not in the workbook');
    const repair = page.getByRole('region', { name: /Choose a model for the 9 assets whose model is missing/ });
    await repair.waitFor();
    await docScreenshot(app, 'findings-model-missing');
    expect(await scanScreen(page, 'findings-model-missing')).toEqual([]);

    await repair.getByLabel('Read them under').selectOption('microsoft-2026-01');
    await repair.getByRole('button', { name: 'Preview…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Read the 9 assets under Microsoft Azure shared responsibility \(January 2026\)\?/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Set the model' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => group.count()).toBe(0);
    const undo = page.getByRole('button', { name: /^Undo: / });
    await expect.poll(() => undo.textContent()).toMatch(/Set model microsoft-2026-01 on 9 assets/);

    // Undo puts the missing references back, as they were.
    await undo.click();
    await group.waitFor();
    expect(await group.textContent()).toMatch(/9\s*on 9 assets/);
  });

  it('a lost default model: Responsibility says what is read in its place; choosing a default repairs it', async () => {
    const app = await launch();
    const path = join(app.dir, 'Contoso lost default.demarc');
    await buildModelMissingWorkbook(path);
    const db = new Database(path);
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run('contoso-default-2024', META_KEYS.defaultModelId);
    db.close();
    app.dialogs.openPaths.push(path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso lost default', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Responsibility' }).click();
    const notice = page.getByTestId('missing-default-model');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'The default model “contoso-default-2024” is not in this workbook: the assets following it are read under Microsoft Azure shared responsibility (January 2026) (2026-01-12) until you choose a default model below. Nothing has been changed.'
    );
    // The matrix shown is the model read in its place.
    await page.getByRole('region', { name: /^Microsoft Azure shared responsibility \(January 2026\) version 2026-01-12/ }).waitFor();
    expect(await scanScreen(page, 'responsibility-missing-default')).toEqual([]);
    await page.getByLabel('Change model to').selectOption('microsoft-2026-01');
    await page.getByRole('button', { name: 'Preview change…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Use “Microsoft Azure shared responsibility \(January 2026\)” as the default model\?/ });
    await dialog.getByRole('button', { name: 'Change the model' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.getByText('This workbook uses').waitFor();
  });
});
